import { LogOut } from "lucide-react";

import { signOut } from "@/lib/actions/auth";
import type { ClinicRole } from "@/lib/db/clinics";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { AlertSettings } from "@/components/alerts/alert-settings";

export function UserMenu({
  name,
  email,
  role,
}: {
  name: string;
  email?: string;
  role: ClinicRole;
}) {
  return (
    <div className="grid gap-3">
      <div className="grid gap-0.5 px-3">
        <div className="flex items-center justify-between gap-2">
          <span className="truncate text-sm font-medium">{name}</span>
          <Badge variant="secondary" className="capitalize" data-testid="current-role">
            {role}
          </Badge>
        </div>
        {email ? <span className="text-muted-foreground truncate text-xs">{email}</span> : null}
      </div>
      <AlertSettings />
      <form action={signOut}>
        <Button type="submit" variant="outline" size="sm" className="w-full">
          <LogOut aria-hidden />
          Sign out
        </Button>
      </form>
    </div>
  );
}
