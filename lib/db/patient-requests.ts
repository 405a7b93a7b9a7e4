import "server-only";

import type { Checked, Col, JsonAs } from "./rows";
import type { Tx } from "./transaction";

// Patients' requests (issue 16): search, export and erasure through the security-definer
// functions of supabase/migrations/20261201001000_patient_requests.sql, which check the caller
// is an admin of the clinic (42501 otherwise) and answer P0002 for a subject nothing is held
// about. The subject is an E.164 number or a patient id.

export interface Subject {
  phone: string | null;
  patientId: string | null;
}

/** Rows per area (the areas are lib/privacy/registry.ts's AREAS). */
export type AreaCounts = Partial<Record<string, number>>;

export interface SubjectData {
  /** Rows found per area. */
  found: AreaCounts;
  /** The rows themselves, per area, as stored (token hashes left out). */
  data: Partial<Record<string, Record<string, unknown>[]>>;
}

/**
 * Everything held about the subject. `record`: this is an export, written to privacy_requests
 * and the access log in this transaction (P0002 when nothing is held).
 */
export async function subjectData(
  tx: Tx,
  clinicId: string,
  subject: Subject,
  record: boolean,
): Promise<SubjectData> {
  const row = await tx.one<{ result: SubjectData }>(
    "select public.privacy_subject_data($1, $2, $3, $4) as result",
    [clinicId, subject.phone, subject.patientId, record],
  );
  return row.result;
}

export interface ErasureResult {
  requestId: string;
  found: AreaCounts;
  removed: AreaCounts;
}

/** Erases the subject everywhere in this transaction (P0002 when nothing is held). */
export async function eraseSubject(
  tx: Tx,
  clinicId: string,
  subject: Subject,
): Promise<ErasureResult> {
  const row = await tx.one<{ result: ErasureResult }>(
    "select public.privacy_erase($1, $2, $3) as result",
    [clinicId, subject.phone, subject.patientId],
  );
  return row.result;
}

export type PrivacyRequestKind = "export" | "erasure";

export interface PrivacyRequestRow {
  id: Col<"privacy_requests", "id">;
  kind: Checked<Col<"privacy_requests", "kind">, PrivacyRequestKind>;
  actorEmail: Col<"privacy_requests", "actor_email">;
  subjectMasked: Col<"privacy_requests", "subject_masked">;
  found: JsonAs<Col<"privacy_requests", "found">, AreaCounts>;
  removed: JsonAs<Col<"privacy_requests", "removed">, AreaCounts>;
  at: Col<"privacy_requests", "at">;
}

/** The clinic's latest requests, newest first (RLS: its admins). */
export function listPrivacyRequests(
  tx: Tx,
  clinicId: string,
  limit = 20,
): Promise<PrivacyRequestRow[]> {
  return tx.query<PrivacyRequestRow>(
    `select id, kind, actor_email as "actorEmail", subject_masked as "subjectMasked", found, removed, at
       from public.privacy_requests where clinic_id = $1 order by at desc, id limit $2`,
    [clinicId, limit],
  );
}
