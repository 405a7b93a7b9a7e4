import "server-only";

import type { Claims } from "@/lib/auth/claims";
import { withClaims } from "@/lib/db/transaction";

// The clinic's cancellation policy (clinics.cancellation_policy): read to callers before the
// assistant cancels, shown on the manage page. Staff read and admins change it as themselves,
// so RLS decides and the audit trigger records the change.

export function getCancellationPolicy(claims: Claims, clinicId: string): Promise<string | null> {
  return withClaims(claims, async (tx) => {
    const row = await tx.maybeOne<{ policy: string }>(
      "select cancellation_policy as policy from public.clinics where id = $1",
      [clinicId],
    );
    return row?.policy ?? null;
  });
}

/** False when RLS let nothing change (not an admin of the clinic). */
export function saveCancellationPolicy(
  claims: Claims,
  clinicId: string,
  policy: string,
): Promise<boolean> {
  return withClaims(claims, async (tx) => {
    const rows = await tx.query(
      "update public.clinics set cancellation_policy = $2 where id = $1 returning id",
      [clinicId, policy],
    );
    return rows.length === 1;
  });
}
