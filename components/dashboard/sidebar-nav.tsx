"use client";

import {
  Bot,
  CalendarCheck,
  CalendarCog,
  CalendarDays,
  ChartColumn,
  FileText,
  Gauge,
  History,
  ListChecks,
  LockKeyhole,
  MessageSquare,
  PhoneCall,
  ShieldCheck,
  UserCog,
  UsersRound,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";

import type { NavGroup, NavItem } from "@/config/dashboard";
import { cn } from "@/lib/utils";
import { AlertBadges } from "@/components/alerts/alert-badges";
import { UnreadTextsBadge } from "@/components/messages/unread-badge";

const icons: Record<NavItem["icon"], typeof PhoneCall> = {
  diary: CalendarDays,
  phone: PhoneCall,
  history: History,
  calendar: CalendarCheck,
  list: ListChecks,
  file: FileText,
  shield: ShieldCheck,
  bot: Bot,
  message: MessageSquare,
  gauge: Gauge,
  chart: ChartColumn,
  "diary-setup": CalendarCog,
  patients: UsersRound,
  privacy: LockKeyhole,
  staff: UserCog,
  setup: ListChecks,
};

function isActive(pathname: string, href: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function SidebarNav({
  groups,
  clinicId,
  onNavigate,
}: {
  groups: NavGroup[];
  /** The clinic shown, for live counts beside items (unread texts, alerts). */
  clinicId?: string;
  onNavigate?: () => void;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="grid gap-6">
      {groups.map((group, index) => (
        <div key={group.title ?? index} className="grid gap-1">
          {group.title ? (
            <p className="text-sidebar-foreground/60 px-3 pb-1 text-xs font-medium tracking-wide uppercase">
              {group.title}
            </p>
          ) : null}
          {group.items.map((item) => {
            const Icon = icons[item.icon];
            const active = isActive(pathname, item.href);
            return (
              <Link
                key={item.href}
                href={item.href}
                onClick={onNavigate}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors",
                  "hover:bg-sidebar-accent hover:text-sidebar-accent-foreground",
                  active
                    ? "bg-sidebar-accent text-sidebar-accent-foreground"
                    : "text-sidebar-foreground/80",
                )}
              >
                <Icon className="size-4" aria-hidden />
                {item.title}
                {item.badge === "unread-texts" && clinicId ? (
                  <UnreadTextsBadge clinicId={clinicId} />
                ) : null}
                {item.badge === "live-alerts" && clinicId ? (
                  <AlertBadges clinicId={clinicId} kinds={["transfers", "holds"]} />
                ) : null}
                {item.badge === "booking-alerts" && clinicId ? (
                  <AlertBadges clinicId={clinicId} kinds={["bookings", "callbacks"]} />
                ) : null}
              </Link>
            );
          })}
        </div>
      ))}
    </nav>
  );
}
