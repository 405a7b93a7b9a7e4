import "server-only";

import type { Tx } from "./transaction";

export interface BookingRow {
  id: string;
  patientName: string;
  status: "pending" | "confirmed" | "cancelled";
  startsAt: Date;
  practitioner: string;
  procedure: string | null;
  callId: string | null;
  cancelReason: string | null;
}

/**
 * Bookings for the Bookings page, soonest first: one clinic-local day, or everything from
 * today on; pending and confirmed unless a status is asked for.
 */
export function listBookings(
  tx: Tx,
  clinicId: string,
  filter: { day?: string; status?: "pending" | "confirmed" | "cancelled" | "all" } = {},
): Promise<BookingRow[]> {
  return tx.query<BookingRow>(
    `select b.id, b.patient_name as "patientName", b.status, s.starts_at as "startsAt", pr.name as practitioner,
            p.name as procedure, b.call_id as "callId", b.cancel_reason as "cancelReason"
       from public.bookings b
       join public.clinics c on c.id = b.clinic_id
       join public.slots s on s.id = b.slot_id
       join public.practitioners pr on pr.id = s.practitioner_id
       left join public.procedures p on p.id = b.procedure_id
      where b.clinic_id = $1
        and case when $2::date is null then (s.starts_at at time zone c.timezone)::date >= (now() at time zone c.timezone)::date
                 else (s.starts_at at time zone c.timezone)::date = $2::date end
        and case coalesce($3, 'active') when 'all' then true when 'active' then b.status <> 'cancelled' else b.status = $3 end
      order by s.starts_at
      limit 300`,
    [clinicId, filter.day ?? null, filter.status ?? null],
  );
}

export type BookingUpdate = { ok: true } | { ok: false; reason: "not_found" | "not_allowed" };

/**
 * Confirms or cancels a booking as the person `tx` runs as; RLS and the status trigger decide.
 * A refused transition aborts the transaction, so this is its last statement.
 */
export async function updateBookingStatus(
  tx: Tx,
  bookingId: string,
  change: { status: "confirmed" | "cancelled"; reason?: string },
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
