import "server-only";

import type { Checked, Col, Outer } from "./rows";
import type { Tx } from "./transaction";

export type AppointmentStatus =
  "pending" | "confirmed" | "arrived" | "completed" | "cancelled" | "no_show";

export interface AppointmentRow {
  id: Col<"bookings", "id">;
  clinicId: Col<"bookings", "clinic_id">;
  status: Checked<Col<"bookings", "status">, AppointmentStatus>;
  practitionerId: Col<"bookings", "practitioner_id">;
  resourceId: Col<"bookings", "resource_id">;
  typeId: Col<"bookings", "appointment_type_id">;
  startsAt: Col<"bookings", "starts_at">;
  endsAt: Col<"bookings", "ends_at">;
  /** A scalar subquery: null when the appointment has no reservation. */
  reservationId: Outer<Col<"reservations", "id">>;
}

/** One appointment of the clinic, with its reservation, as RLS lets the person see it. */
export function getAppointment(
  tx: Tx,
  clinicId: string,
  bookingId: string,
): Promise<AppointmentRow | null> {
  return tx.maybeOne<AppointmentRow>(
    `select b.id, b.clinic_id as "clinicId", b.status, b.practitioner_id as "practitionerId", b.resource_id as "resourceId",
            b.appointment_type_id as "typeId", b.starts_at as "startsAt", b.ends_at as "endsAt",
            (select r.id from public.reservations r where r.booking_id = b.id) as "reservationId"
       from public.bookings b where b.id = $1 and b.clinic_id = $2`,
    [bookingId, clinicId],
  );
}
