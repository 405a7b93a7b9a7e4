import { PhoneCall } from "lucide-react";

import { AlertTotalBadge } from "@/components/alerts/alert-badges";

import { MobileNav } from "./mobile-nav";
import { SidebarContent, type SidebarProps } from "./sidebar-content";

/** Sidebar on desktops and landscape tablets; a top bar with a sheet below 1024 px. */
export function AppShell({ children, ...sidebar }: SidebarProps & { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh">
      <aside className="bg-sidebar text-sidebar-foreground border-sidebar-border sticky top-0 hidden h-dvh w-64 shrink-0 border-r p-4 lg:block">
        <SidebarContent {...sidebar} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="bg-background/95 sticky top-0 z-10 flex h-14 items-center gap-2 border-b px-4 backdrop-blur lg:hidden">
          <MobileNav {...sidebar} />
          <PhoneCall className="text-primary size-4" aria-hidden />
          <span className="truncate text-sm font-semibold">{sidebar.current.name}</span>
          <span className="ml-auto">
            <AlertTotalBadge clinicId={sidebar.current.id} />
          </span>
        </header>
        <main id="main" tabIndex={-1} className="flex-1 p-4 outline-none sm:p-6 lg:p-8">
          {children}
        </main>
      </div>
    </div>
  );
}
