import "server-only";

import { AppError } from "@/lib/api/errors";
import type { Claims } from "@/lib/auth/claims";
import { recordAccess } from "@/lib/db/access-log";
import { listConversation, type ConversationMessageRow } from "@/lib/db/inbox";
import {
  listPatients,
  patientAppointments,
  patientCalls,
  patientContact,
  updatePatientDetails,
  type PatientAppointmentRow,
  type PatientCallRow,
  type PatientListRow,
} from "@/lib/db/patient-page";
import { getPatient, type PatientRow } from "@/lib/db/patients";
import { withClaims } from "@/lib/db/transaction";
import type { PatientDetailsInput } from "@/lib/validations/patient";

// Patients for staff: the list and a patient's page, read and written as the signed-in person
// (RLS decides; the audit trigger records who changed a name or email).

export function loadPatients(
  claims: Claims,
  clinicId: string,
  search?: string,
): Promise<PatientListRow[]> {
  return withClaims(claims, (tx) => listPatients(tx, clinicId, { search }));
}

export interface PatientPage {
  patient: PatientRow;
  appointments: PatientAppointmentRow[];
  calls: PatientCallRow[];
  texts: ConversationMessageRow[];
  /** The number as this person's role may see it (full, or the last four digits). */
  contact: { phone: string | null; last4: string | null };
}

/**
 * Everything on a patient's page; 404 for a patient RLS does not show in this clinic. Opening it
 * is recorded in the clinic's access log, in the same transaction.
 */
export function loadPatientPage(
  claims: Claims,
  clinicId: string,
  patientId: string,
): Promise<PatientPage> {
  return withClaims(claims, async (tx) => {
    const patient = await getPatient(tx, clinicId, patientId);
    if (!patient) throw new AppError("not_found", "This patient is not in your clinic.");
    await recordAccess(tx, clinicId, "patient", patientId);
    // The number goes out only as public.staff_phone lets this person's role see it.
    const contact = await patientContact(tx, clinicId, patientId);
    return {
      patient: { ...patient, phone: contact.phone },
      appointments: await patientAppointments(tx, clinicId, patientId),
      calls: await patientCalls(tx, clinicId, patientId),
      texts: await listConversation(tx, clinicId, patientId, 100),
      contact,
    };
  });
}

/** Corrects a patient's name, email and consent; refused (nothing changed) for another clinic's. */
export async function savePatientDetails(
  claims: Claims,
  clinicId: string,
  input: PatientDetailsInput,
): Promise<void> {
  const saved = await withClaims(claims, (tx) =>
    updatePatientDetails(tx, clinicId, input.patientId, input),
  );
  if (!saved) throw new AppError("not_found", "This patient is not in your clinic.");
}
