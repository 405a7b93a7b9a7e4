import "server-only";

import type { Col, Outer } from "./rows";
import type { Tx } from "./transaction";

// The patients list and a patient's page: their appointments, calls and texts (texts come from
// lib/db/inbox.ts), read as the signed-in person, so RLS decides; staff edit name, email and
// consent (the only columns granted to them besides notes).

export interface PatientListRow {
  id: Col<"patients", "id">;
  fullName: Col<"patients", "full_name">;
  /** The full number for the roles public.staff_phone allows, else null. */
  phone: Col<"patients", "phone">;
  /** right(phone, 4). */
  phoneLast4: Col<"patients", "phone">;
  email: Col<"patients", "email">;
  smsConsent: Col<"patients", "sms_consent">;
  optedOutAt: Outer<Col<"sms_opt_outs", "opted_out_at">>;
  /** The next live appointment's start (min over bookings). */
  nextAppointmentAt: Date | null;
  /** The last call, text or appointment (greatest of them). */
  lastContactAt: Date | null;
  createdAt: Col<"patients", "created_at">;
}

/**
 * The clinic's patients, most recently in touch first; `search` matches a name (any part, any
 * case) or the digits of a number.
 */
export function listPatients(
  tx: Tx,
  clinicId: string,
  options: { search?: string; limit?: number } = {},
): Promise<PatientListRow[]> {
  const search = options.search?.trim() ?? "";
  const digits = search.replace(/\D/g, "");
  return tx.query<PatientListRow>(
    `select p.id, p.full_name as "fullName", public.staff_phone(p.clinic_id, p.phone) as phone,
            right(p.phone, 4) as "phoneLast4", p.email, p.sms_consent as "smsConsent",
            o.opted_out_at as "optedOutAt",
            (select min(b.starts_at) from public.bookings b
              where b.clinic_id = p.clinic_id and b.patient_id = p.id and b.starts_at > now()
                and b.status in ('pending', 'confirmed')) as "nextAppointmentAt",
            greatest(
              (select max(c.started_at) from public.calls c where c.clinic_id = p.clinic_id and c.patient_id = p.id),
              (select max(m.created_at) from public.sms_messages m where m.clinic_id = p.clinic_id and m.patient_id = p.id),
              (select max(b.created_at) from public.bookings b where b.clinic_id = p.clinic_id and b.patient_id = p.id)
            ) as "lastContactAt",
            p.created_at as "createdAt"
       from public.patients p
       left join public.sms_opt_outs o on o.clinic_id = p.clinic_id and o.phone_number = p.phone
      where p.clinic_id = $1
        and ($2 = '' or p.full_name ilike '%' || $2 || '%' or ($3 <> '' and p.phone like '%' || $3 || '%'))
      order by "lastContactAt" desc nulls last, p.created_at desc
      limit $4`,
    [clinicId, search.replace(/[\\%_]/g, (c) => `\\${c}`), digits, options.limit ?? 200],
  );
}

export interface PatientAppointmentRow {
  id: Col<"bookings", "id">;
  startsAt: Col<"bookings", "starts_at">;
  endsAt: Col<"bookings", "ends_at">;
  status: Col<"bookings", "status">;
  source: Col<"bookings", "source">;
  typeName: Outer<Col<"appointment_types", "name">>;
  practitioner: Outer<Col<"practitioners", "name">>;
  /** On the waitlist for an earlier time (exists (…) over waitlist_entries, computed in SQL). */
  waiting: boolean;
}

/** The patient's appointments, latest first. */
export function patientAppointments(
  tx: Tx,
  clinicId: string,
  patientId: string,
): Promise<PatientAppointmentRow[]> {
  return tx.query<PatientAppointmentRow>(
    `select b.id, b.starts_at as "startsAt", b.ends_at as "endsAt", b.status, b.source,
            t.name as "typeName", pr.name as practitioner,
            exists (select 1 from public.waitlist_entries w where w.booking_id = b.id and w.status = 'waiting') as waiting
       from public.bookings b
       left join public.appointment_types t on t.id = b.appointment_type_id
       left join public.practitioners pr on pr.id = b.practitioner_id
      where b.clinic_id = $1 and b.patient_id = $2
      order by b.starts_at desc nulls last, b.created_at desc
      limit 200`,
    [clinicId, patientId],
  );
}

export interface PatientCallRow {
  id: Col<"calls", "id">;
  startedAt: Col<"calls", "started_at">;
  durationMs: Col<"calls", "duration_ms">;
  outcome: Col<"calls", "outcome">;
  state: Col<"calls", "state">;
}

/** The patient's calls, latest first. */
export function patientCalls(
  tx: Tx,
  clinicId: string,
  patientId: string,
): Promise<PatientCallRow[]> {
  return tx.query<PatientCallRow>(
    `select c.id, c.started_at as "startedAt", c.duration_ms as "durationMs", c.outcome, c.state
       from public.calls c
      where c.clinic_id = $1 and c.patient_id = $2
      order by c.started_at desc nulls last
      limit 200`,
    [clinicId, patientId],
  );
}

/** Staff correct a patient's details, as themselves (RLS and the audit trigger see them). */
export async function updatePatientDetails(
  tx: Tx,
  clinicId: string,
  patientId: string,
  details: { fullName: string | null; email: string | null; smsConsent: boolean },
): Promise<boolean> {
  const rows = await tx.query(
    `update public.patients set full_name = $3, email = $4, sms_consent = $5
      where id = $1 and clinic_id = $2 returning id`,
    [patientId, clinicId, details.fullName, details.email, details.smsConsent],
  );
  return rows.length > 0;
}

/** A patient's number as the signed-in person may see it (public.staff_phone), for their page. */
export async function patientContact(
  tx: Tx,
  clinicId: string,
  patientId: string,
): Promise<{ phone: Col<"patients", "phone">; last4: Col<"patients", "phone"> }> {
  const row = await tx.maybeOne<{
    phone: Col<"patients", "phone">;
    last4: Col<"patients", "phone">;
  }>(
    `select public.staff_phone(p.clinic_id, p.phone) as phone, right(p.phone, 4) as last4
       from public.patients p where p.id = $1 and p.clinic_id = $2`,
    [patientId, clinicId],
  );
  return row ?? { phone: null, last4: null };
}
