import "server-only";

import type { Claims } from "@/lib/auth/claims";
import { withClaims } from "./transaction";

export interface BookingRow {
  id: string;
  patientName: string;
  status: "pending" | "confirmed" | "cancelled";
  startsAt: Date;
  practitioner: string;
  procedure: string | null;
}

/** Upcoming bookings for the clinic, soonest first. */
export function listUpcomingBookings(claims: Claims, clinicId: string): Promise<BookingRow[]> {
  return withClaims(claims, (tx) =>
    tx.query<BookingRow>(
      `select b.id, b.patient_name as "patientName", b.status, s.starts_at as "startsAt",
              pr.name as practitioner, p.name as procedure
         from public.bookings b
         join public.slots s on s.id = b.slot_id
         join public.practitioners pr on pr.id = s.practitioner_id
         left join public.procedures p on p.id = b.procedure_id
        where b.clinic_id = $1 and s.starts_at >= now() - interval '1 day'
        order by s.starts_at
        limit 200`,
      [clinicId],
    ),
  );
}
