import type { ClinicRole } from "@/lib/db/clinics";

export interface NavItem {
  title: string;
  href: string;
  icon:
    | "diary"
    | "phone"
    | "history"
    | "calendar"
    | "list"
    | "file"
    | "shield"
    | "bot"
    | "message"
    | "gauge"
    | "chart"
    | "diary-setup"
    | "patients"
    | "privacy"
    | "staff"
    | "setup";
  /** Roles that see the item; receptionists see admin lists read-only. */
  roles: ClinicRole[];
  /**
   * Live counts beside the title: texts nobody has read yet; transfers ringing and holds about
   * to expire (Live calls); bookings waiting for confirmation and call-backs due (Bookings).
   */
  badge?: "unread-texts" | "live-alerts" | "booking-alerts";
}

export interface NavGroup {
  title?: string;
  items: NavItem[];
}

export const dashboardNav: NavGroup[] = [
  {
    items: [
      // The front desk runs its day in the diary: first in the list.
      { title: "Diary", href: "/diary", icon: "diary", roles: ["admin", "receptionist"] },
      {
        title: "Live calls",
        href: "/",
        icon: "phone",
        roles: ["admin", "receptionist"],
        badge: "live-alerts",
      },
      {
        title: "Call history",
        href: "/calls",
        icon: "history",
        roles: ["admin", "receptionist"],
      },
      {
        title: "Bookings",
        href: "/bookings",
        icon: "calendar",
        roles: ["admin", "receptionist"],
        badge: "booking-alerts",
      },
      {
        title: "Messages",
        href: "/messages",
        icon: "message",
        roles: ["admin", "receptionist"],
        badge: "unread-texts",
      },
      { title: "Patients", href: "/patients", icon: "patients", roles: ["admin", "receptionist"] },
      { title: "Latency", href: "/latency", icon: "gauge", roles: ["admin", "receptionist"] },
      { title: "Insights", href: "/insights", icon: "chart", roles: ["admin", "receptionist"] },
    ],
  },
  {
    title: "Admin",
    items: [
      {
        title: "Procedures",
        href: "/admin/procedures",
        icon: "list",
        roles: ["admin", "receptionist"],
      },
      {
        title: "Diary setup",
        href: "/admin/diary",
        icon: "diary-setup",
        roles: ["admin", "receptionist"],
      },
      {
        title: "Aftercare",
        href: "/admin/aftercare",
        icon: "file",
        roles: ["admin", "receptionist"],
      },
      { title: "Redaction", href: "/admin/redaction", icon: "shield", roles: ["admin"] },
      { title: "Assistant", href: "/admin/assistant", icon: "bot", roles: ["admin"] },
      { title: "Privacy", href: "/admin/privacy", icon: "privacy", roles: ["admin"] },
      { title: "Staff", href: "/admin/staff", icon: "staff", roles: ["admin"] },
      { title: "Setup", href: "/onboarding", icon: "setup", roles: ["admin"] },
    ],
  },
];

export function navForRole(role: ClinicRole): NavGroup[] {
  return dashboardNav
    .map((group) => ({ ...group, items: group.items.filter((item) => item.roles.includes(role)) }))
    .filter((group) => group.items.length > 0);
}
