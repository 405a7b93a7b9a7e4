import { Eye } from "lucide-react";

import type { ClinicRole } from "@/lib/db/clinics";
import { Badge } from "@/components/ui/badge";

/** Receptionists can look but not change; say so where it matters. */
export function ReadOnlyNotice({ role }: { role: ClinicRole }) {
  if (role === "admin") return null;
  return (
    <Badge variant="outline" className="gap-1" data-testid="read-only">
      <Eye className="size-3" aria-hidden />
      View only
    </Badge>
  );
}
