import { Lock } from "lucide-react";

import { EmptyState } from "./empty-state";

export function AdminsOnly({ what }: { what: string }) {
  return (
    <EmptyState icon={Lock} title="Admins only">
      {what} can only be viewed and changed by a clinic admin. Ask an admin if something needs
      changing.
    </EmptyState>
  );
}
