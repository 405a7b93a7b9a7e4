import "server-only";

import type { AppointmentStatus } from "./appointments";
import type { Checked, Col, Outer } from "./rows";
import type { Tx } from "./transaction";

export interface BookingRow {
  id: Col<"bookings", "id">;
  patientName: Col<"bookings", "patient_name">;
  status: Checked<Col<"bookings", "status">, AppointmentStatus>;
  startsAt: Col<"bookings", "starts_at">;
  endsAt: Col<"bookings", "ends_at">;
  practitioner: Col<"practitioners", "name">;
  procedure: Outer<Col<"procedures", "name">>;
  appointmentType: Outer<Col<"appointment_types", "name">>;
  source: Checked<Col<"bookings", "source">, "assistant" | "staff">;
  callId: Col<"bookings", "call_id">;
  cancelReason: Col<"bookings", "cancel_reason">;
  /** The full number, for the roles public.staff_phone allows (null otherwise). */
  phone: Col<"bookings", "patient_phone">;
  /** right(patient_phone, 4). */
  phoneLast4: Col<"bookings", "patient_phone">;
  patientId: Col<"bookings", "patient_id">;
  /** The text telling the patient of a staff cancellation, if one was planned. */
  cancellationText: {
    status: Col<"appointment_texts", "status">;
    skipReason: Col<"appointment_texts", "skip_reason">;
    lastError: Col<"appointment_texts", "last_error">;
  } | null;
}

export type BookingStatusFilter = AppointmentStatus | "active" | "all";

/**
 * Appointments for the Bookings page, soonest first: one clinic-local day, or everything from
 * today on; live ones (pending, confirmed, arrived) unless a status is asked for.
 */
export function listBookings(
  tx: Tx,
  clinicId: string,
  filter: { day?: string; status?: BookingStatusFilter } = {},
): Promise<BookingRow[]> {
  return tx.query<BookingRow>(
    `select b.id, b.patient_name as "patientName", b.status, b.starts_at as "startsAt", b.ends_at as "endsAt",
            pr.name as practitioner, p.name as procedure, t.name as "appointmentType", b.source,
            b.call_id as "callId", b.cancel_reason as "cancelReason",
            public.staff_phone(b.clinic_id, b.patient_phone) as phone, right(b.patient_phone, 4) as "phoneLast4",
            b.patient_id as "patientId",
            (select jsonb_build_object('status', x.status, 'skipReason', x.skip_reason, 'lastError', x.last_error)
               from public.appointment_texts x
              where x.booking_id = b.id and x.kind = 'cancellation'
              order by x.created_at desc limit 1) as "cancellationText"
       from public.bookings b
       join public.clinics c on c.id = b.clinic_id
       join public.practitioners pr on pr.id = b.practitioner_id
       left join public.procedures p on p.id = b.procedure_id
       left join public.appointment_types t on t.id = b.appointment_type_id
      where b.clinic_id = $1
        and case when $2::date is null then (b.starts_at at time zone c.timezone)::date >= (now() at time zone c.timezone)::date
                 else (b.starts_at at time zone c.timezone)::date = $2::date end
        and case coalesce($3, 'active')
              when 'all' then true
              when 'active' then b.status in ('pending', 'confirmed', 'arrived')
              else b.status = $3 end
      order by b.starts_at
      limit 300`,
    [clinicId, filter.day ?? null, filter.status ?? null],
  );
}

export type BookingUpdate = { ok: true } | { ok: false; reason: "not_found" | "not_allowed" };

/**
 * Changes an appointment's status as the person `tx` runs as; RLS and the status trigger decide
 * (allowed transitions, a reason to cancel; cancelled and no-show free the time). A refused
 * transition aborts the transaction, so this is its last statement.
 */
export async function updateBookingStatus(
  tx: Tx,
  bookingId: string,
  change: { status: Exclude<AppointmentStatus, "pending">; reason?: string },
): Promise<BookingUpdate> {
  try {
    const rows = await tx.query(
      "update public.bookings set status = $2, cancel_reason = coalesce($3, cancel_reason) where id = $1 returning id",
      [bookingId, change.status, change.reason ?? null],
    );
    return rows.length ? { ok: true } : { ok: false, reason: "not_found" };
  } catch (error) {
    if ((error as { code?: string }).code === "22023") return { ok: false, reason: "not_allowed" };
    throw error;
  }
}
