"use client";

import type { NavGroup } from "@/config/dashboard";
import type { ClinicMembership } from "@/lib/db/clinics";
import { Separator } from "@/components/ui/separator";

import { ClinicSwitcher } from "./clinic-switcher";
import { SidebarNav } from "./sidebar-nav";
import { UserMenu } from "./user-menu";

export interface SidebarProps {
  groups: NavGroup[];
  clinics: ClinicMembership[];
  current: ClinicMembership;
  user: { name: string; email?: string };
}

export function SidebarContent({
  groups,
  clinics,
  current,
  user,
  onNavigate,
}: SidebarProps & { onNavigate?: () => void }) {
  return (
    <div className="flex h-full flex-col gap-4">
      <ClinicSwitcher clinics={clinics} current={current} />
      <Separator />
      <div className="flex-1 overflow-y-auto">
        <SidebarNav groups={groups} clinicId={current.id} onNavigate={onNavigate} />
      </div>
      <Separator />
      <UserMenu name={user.name} email={user.email} role={current.role} />
    </div>
  );
}
