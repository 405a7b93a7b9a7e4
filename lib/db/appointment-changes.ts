import "server-only";

import { createHash, randomUUID } from "node:crypto";

import type { Checked, Col, Outer } from "./rows";
import type { Tx } from "./transaction";

/**
 * Patients changing their own appointments: by phone (the assistant's tools) and on the manage
 * link page. The SQL functions are in supabase/migrations/20261201000200_appointment_changes.sql;
 * they take the locks in the documented order (lib/db/locks.ts).
 */

export type PatientAppointmentStatus = "pending" | "confirmed";

/** An upcoming appointment as a patient may see it. */
export interface PatientAppointmentRow {
  id: Col<"bookings", "id">;
  clinicId: Col<"bookings", "clinic_id">;
  patientName: Col<"bookings", "patient_name">;
  patientPhone: Col<"bookings", "patient_phone">;
  status: Checked<Col<"bookings", "status">, string>;
  startsAt: Col<"bookings", "starts_at">;
  endsAt: Col<"bookings", "ends_at">;
  typeId: Col<"bookings", "appointment_type_id">;
  practitionerId: Col<"bookings", "practitioner_id">;
  practitioner: Col<"practitioners", "name">;
  /** The type's name, else the procedure's: an outer join. */
  typeName: Outer<Col<"appointment_types", "name">>;
  procedureId: Col<"bookings", "procedure_id">;
  procedure: Outer<Col<"procedures", "name">>;
}

const APPOINTMENT = `b.id, b.clinic_id as "clinicId", b.patient_name as "patientName", b.patient_phone as "patientPhone",
  b.status, b.starts_at as "startsAt", b.ends_at as "endsAt", b.appointment_type_id as "typeId",
  b.practitioner_id as "practitionerId", p.name as practitioner, t.name as "typeName",
  coalesce(b.procedure_id, t.procedure_id) as "procedureId", pr.name as procedure
  from public.bookings b
  join public.practitioners p on p.id = b.practitioner_id
  left join public.appointment_types t on t.id = b.appointment_type_id
  left join public.procedures pr on pr.id = coalesce(b.procedure_id, t.procedure_id)`;

/** The live appointments (pending or confirmed) of this number in this clinic that have not started, soonest first. */
export function upcomingAppointmentsByPhone(
  tx: Tx,
  clinicId: string,
  phone: string,
  limit = 10,
): Promise<PatientAppointmentRow[]> {
  return tx.query<PatientAppointmentRow>(
    `select ${APPOINTMENT}
      where b.clinic_id = $1 and b.patient_phone = $2 and b.status in ('pending', 'confirmed') and b.starts_at > now()
      order by b.starts_at limit $3`,
    [clinicId, phone, limit],
  );
}

/** Upcoming live appointments in this clinic, any number (to text a manage link to the number on file). */
export function upcomingAppointmentsOfClinic(
  tx: Tx,
  clinicId: string,
  limit = 200,
): Promise<PatientAppointmentRow[]> {
  return tx.query<PatientAppointmentRow>(
    `select ${APPOINTMENT}
      where b.clinic_id = $1 and b.status in ('pending', 'confirmed') and b.starts_at > now() and b.patient_phone is not null
      order by b.starts_at limit $2`,
    [clinicId, limit],
  );
}

/** One appointment (any status) of the clinic. */
export function getPatientAppointment(
  tx: Tx,
  clinicId: string,
  bookingId: string,
): Promise<PatientAppointmentRow | null> {
  return tx.maybeOne<PatientAppointmentRow>(
    `select ${APPOINTMENT} where b.id = $1 and b.clinic_id = $2`,
    [bookingId, clinicId],
  );
}

export type PhoneRescheduleOutcome =
  | "rescheduled"
  | "call_ended"
  | "slot_not_found"
  | "not_found"
  | "not_allowed"
  | "in_past"
  | "changed"
  | "taken"
  | "different_type";

/** reschedule_appointment_atomic: moves the caller's appointment onto a time offered to this call. */
export function rescheduleByPhone(
  tx: Tx,
  input: { bookingId: string; slotId: string; callId: string },
): Promise<{ outcome: PhoneRescheduleOutcome; startsAt: Date | null; endsAt: Date | null }> {
  // reschedule_appointment_atomic's result table, computed in SQL.
  return tx.one(
    `select outcome, starts_at as "startsAt", ends_at as "endsAt" from public.reschedule_appointment_atomic($1, $2, $3)`,
    [input.bookingId, input.slotId, input.callId],
  );
}

export type CancelOutcome = "cancelled" | "call_ended" | "not_found" | "not_allowed";

/** cancel_appointment_atomic: cancels the caller's own appointment. */
export async function cancelByPhone(
  tx: Tx,
  input: { bookingId: string; callId: string; reason: string },
): Promise<CancelOutcome> {
  // cancel_appointment_atomic's result, computed in SQL.
  const row = await tx.one<{ outcome: CancelOutcome }>(
    "select public.cancel_appointment_atomic($1, $2, $3) as outcome",
    [input.bookingId, input.callId, input.reason],
  );
  return row.outcome;
}

export type LinkRescheduleOutcome =
  | "rescheduled"
  | "link_invalid"
  | "offer_not_found"
  | "not_allowed"
  | "in_past"
  | "changed"
  | "taken"
  | "different_type"
  | "not_found";

/** manage_reschedule_atomic: moves a link's appointment onto a time offered to that link. */
export function rescheduleByLink(
  tx: Tx,
  input: { linkId: string; offerId: string },
): Promise<{ outcome: LinkRescheduleOutcome; startsAt: Date | null; endsAt: Date | null }> {
  // manage_reschedule_atomic's result table, computed in SQL.
  return tx.one(
    `select outcome, starts_at as "startsAt", ends_at as "endsAt" from public.manage_reschedule_atomic($1, $2)`,
    [input.linkId, input.offerId],
  );
}

/** manage_cancel_atomic: cancels a link's appointment (and withdraws its links). */
export async function cancelByLink(
  tx: Tx,
  input: { linkId: string; reason: string },
): Promise<"cancelled" | "link_invalid" | "not_found" | "not_allowed"> {
  // manage_cancel_atomic's result, computed in SQL.
  const row = await tx.one<{ outcome: "cancelled" | "link_invalid" | "not_found" | "not_allowed" }>(
    "select public.manage_cancel_atomic($1, $2) as outcome",
    [input.linkId, input.reason],
  );
  return row.outcome;
}

export interface NewManageOffer {
  appointmentTypeId: string | null;
  practitionerId: string;
  resourceId: string | null;
  startsAt: Date;
  endsAt: Date;
  occupiedStart: Date;
  occupiedEnd: Date;
}

/**
 * Records times offered on a link's page; their ids, in the order given. The link's expired
 * offers go; unexpired ones stay, so a page open in another tab still works.
 */
export async function replaceManageOffers(
  tx: Tx,
  input: { clinicId: string; linkId: string; bookingId: string },
  offers: NewManageOffer[],
  minutes = 30,
): Promise<string[]> {
  await tx.query("delete from public.manage_offers where link_id = $1 and expires_at <= now()", [
    input.linkId,
  ]);
  if (offers.length === 0) return [];
  const ids = offers.map(() => randomUUID());
  await tx.query(
    `insert into public.manage_offers (id, clinic_id, link_id, booking_id, appointment_type_id, practitioner_id, resource_id,
                                       starts_at, ends_at, occupied, expires_at)
     select o.id, $1, $2, $3, o.type_id, o.practitioner_id, o.resource_id, o.starts_at, o.ends_at,
            tstzrange(o.occupied_start, o.occupied_end), now() + make_interval(mins => $12)
       from unnest($4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[], $8::timestamptz[], $9::timestamptz[],
                   $10::timestamptz[], $11::timestamptz[])
            as o (id, type_id, practitioner_id, resource_id, starts_at, ends_at, occupied_start, occupied_end)`,
    [
      input.clinicId,
      input.linkId,
      input.bookingId,
      ids,
      offers.map((offer) => offer.appointmentTypeId),
      offers.map((offer) => offer.practitionerId),
      offers.map((offer) => offer.resourceId),
      offers.map((offer) => offer.startsAt),
      offers.map((offer) => offer.endsAt),
      offers.map((offer) => offer.occupiedStart),
      offers.map((offer) => offer.occupiedEnd),
      minutes,
    ],
  );
  return ids;
}

/** The clinic's name, time zone, locale, number and cancellation policy. */
export function clinicForPatients(
  tx: Tx,
  clinicId: string,
): Promise<{
  name: Col<"clinics", "name">;
  timezone: Col<"clinics", "timezone">;
  locale: Col<"clinics", "locale">;
  currency: Col<"clinics", "currency">;
  phoneNumber: Col<"clinics", "phone_number">;
  frontDeskNumber: Col<"clinics", "front_desk_number">;
  cancellationPolicy: Col<"clinics", "cancellation_policy">;
} | null> {
  return tx.maybeOne(
    `select name, timezone, locale, currency, phone_number as "phoneNumber", front_desk_number as "frontDeskNumber",
            cancellation_policy as "cancellationPolicy"
       from public.clinics where id = $1`,
    [clinicId],
  );
}

/** A manage link by its token (a tampered or unknown one is null), without counting an open. */
export function findManageLink(
  tx: Tx,
  token: string,
): Promise<{
  id: Col<"appointment_links", "id">;
  clinicId: Col<"appointment_links", "clinic_id">;
  bookingId: Col<"appointment_links", "booking_id">;
  /** Computed in SQL from expires_at, revoked_at and purpose. */
  usable: boolean;
} | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return Promise.resolve(null);
  return tx.maybeOne(
    `select id, clinic_id as "clinicId", booking_id as "bookingId",
            (revoked_at is null and expires_at > now() and purpose = 'manage') as usable
       from public.appointment_links where token_hash = $1`,
    [createHash("sha256").update(token).digest("hex")],
  );
}

/** Removes manage link offers that expired over an hour ago (the sweeper); how many. */
export async function expireManageOffers(tx: Tx): Promise<number> {
  // expire_manage_offers's result, computed in SQL.
  const row = await tx.one<{ count: number }>("select public.expire_manage_offers() as count");
  return row.count;
}
