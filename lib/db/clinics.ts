import "server-only";

import type { Checked, Col } from "./rows";
import type { Tx } from "./transaction";

export type ClinicRole = "admin" | "receptionist";

export interface ClinicMembership {
  id: Col<"clinics", "id">;
  slug: Col<"clinics", "slug">;
  name: Col<"clinics", "name">;
  timezone: Col<"clinics", "timezone">;
  /** How dates, times, numbers and prices are written (lib/format). */
  locale: Col<"clinics", "locale">;
  currency: Col<"clinics", "currency">;
  phoneNumber: Col<"clinics", "phone_number">;
  role: Checked<Col<"clinic_members", "role">, ClinicRole>;
}

/** The clinics the signed-in person belongs to, with their role in each (RLS-scoped). */
export function listMyClinics(tx: Tx): Promise<ClinicMembership[]> {
  return tx.query<ClinicMembership>(
    `select c.id, c.slug, c.name, c.timezone, c.locale, c.currency, c.phone_number as "phoneNumber", m.role
       from public.clinics c
       join public.clinic_members m on m.clinic_id = c.id and m.user_id = (select auth.uid())
      order by c.name`,
  );
}

/** How the clinic writes dates, times, numbers and prices (lib/format); null if not visible. */
export function getClinicFormat(
  tx: Tx,
  clinicId: string,
): Promise<{
  locale: Col<"clinics", "locale">;
  currency: Col<"clinics", "currency">;
  timezone: Col<"clinics", "timezone">;
} | null> {
  return tx.maybeOne("select locale, currency, timezone from public.clinics where id = $1", [
    clinicId,
  ]);
}
