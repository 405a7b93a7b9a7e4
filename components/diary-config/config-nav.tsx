"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { cn } from "@/lib/utils";

const SECTIONS = [
  { href: "/admin/diary", title: "Appointment types" },
  { href: "/admin/diary/practitioners", title: "Practitioners" },
  { href: "/admin/diary/rooms", title: "Rooms and devices" },
  { href: "/admin/diary/hours", title: "Hours and on-call" },
  { href: "/admin/diary/closures", title: "Closures" },
  { href: "/admin/diary/rules", title: "Booking rules" },
  { href: "/admin/diary/reminders", title: "Reminders" },
];

/** The diary setup's sections, as tabs that are links (each section is its own page). */
export function ConfigNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Diary setup" className="-mx-1 overflow-x-auto border-b">
      <ul className="flex min-w-max gap-1 px-1">
        {SECTIONS.map((section) => {
          const active = pathname === section.href;
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "focus-visible:ring-ring/50 -mb-px inline-flex h-10 items-center rounded-t-md border-b-2 px-3 text-sm font-medium outline-none focus-visible:ring-[3px]",
                  active
                    ? "border-primary text-foreground"
                    : "text-muted-foreground hover:text-foreground border-transparent",
                )}
              >
                {section.title}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
