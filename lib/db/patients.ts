import "server-only";

import type { Col, Outer } from "./rows";
import type { Tx } from "./transaction";

/**
 * Patients: one per phone number per clinic, created and linked by the database (triggers on
 * bookings, calls and sms_messages; see supabase/migrations/20261201000100_patients.sql), so
 * nothing here creates one by hand.
 */
export interface PatientRow {
  id: Col<"patients", "id">;
  clinicId: Col<"patients", "clinic_id">;
  fullName: Col<"patients", "full_name">;
  phone: Col<"patients", "phone">;
  email: Col<"patients", "email">;
  smsConsent: Col<"patients", "sms_consent">;
  /** From sms_opt_outs by number: when the number replied STOP (null if it may be texted). */
  optedOutAt: Outer<Col<"sms_opt_outs", "opted_out_at">>;
  createdAt: Col<"patients", "created_at">;
}

const PATIENT = `p.id, p.clinic_id as "clinicId", p.full_name as "fullName", p.phone, p.email,
  p.sms_consent as "smsConsent", o.opted_out_at as "optedOutAt", p.created_at as "createdAt"
  from public.patients p
  left join public.sms_opt_outs o on o.clinic_id = p.clinic_id and o.phone_number = p.phone`;

/** The clinic's patient with this id, as RLS lets the person see it. */
export function getPatient(
  tx: Tx,
  clinicId: string,
  patientId: string,
): Promise<PatientRow | null> {
  return tx.maybeOne<PatientRow>(`select ${PATIENT} where p.id = $1 and p.clinic_id = $2`, [
    patientId,
    clinicId,
  ]);
}

/** The clinic's patient with this number (exactly as stored, E.164), if any. */
export function findPatientByPhone(
  tx: Tx,
  clinicId: string,
  phone: string,
): Promise<PatientRow | null> {
  return tx.maybeOne<PatientRow>(`select ${PATIENT} where p.clinic_id = $1 and p.phone = $2`, [
    clinicId,
    phone,
  ]);
}

/** A name on file for a number: the patient's own, or one an appointment from it was booked under. */
export interface NameOnFileRow {
  name: Col<"bookings", "patient_name">;
  /** Live appointments under this name that have not started. */
  upcoming: number;
  /** Appointments under this name that took place (arrived or completed). */
  visits: number;
}

/**
 * The names this number is on file under in the clinic, with how many appointments each has
 * ahead and behind it: the patient record's name and every name its appointments were booked
 * under (a household can share a number). Nothing for a number the clinic has never seen.
 */
export function namesOnFileForPhone(
  tx: Tx,
  clinicId: string,
  phone: string,
): Promise<NameOnFileRow[]> {
  return tx.query<NameOnFileRow>(
    `select b.patient_name as name,
            (count(*) filter (where b.status in ('pending', 'confirmed') and b.starts_at > now()))::int as upcoming,
            (count(*) filter (where b.status in ('arrived', 'completed')))::int as visits
       from public.bookings b
      where b.clinic_id = $1 and b.patient_phone = $2 and b.patient_name is not null
      group by b.patient_name
     union all
     select p.full_name, 0, 0 from public.patients p
      where p.clinic_id = $1 and p.phone = $2 and p.full_name is not null`,
    [clinicId, phone],
  );
}
