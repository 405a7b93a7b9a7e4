import "server-only";

import type { Checked, Col } from "./rows";
import type { Tx } from "./transaction";

/**
 * call and patient: pages opened; export and erasure: patients' requests (privacy_requests);
 * calls_export: the call history downloaded as CSV (subject_id is the clinic's).
 */
export type AccessSubject = "call" | "patient" | "export" | "erasure" | "calls_export";

/**
 * Records that the signed-in person opened a call or a patient of `clinicId` (issue 16), or
 * exported its call history (issue 20), in the transaction that read it. public.record_access writes as them and refuses a clinic they are
 * not in, or a subject not of that clinic; a repeat within a minute is not written again.
 */
export async function recordAccess(
  tx: Tx,
  clinicId: string,
  subject: "call" | "patient" | "calls_export",
  subjectId: string,
): Promise<void> {
  await tx.query("select public.record_access($1, $2, $3)", [clinicId, subject, subjectId]);
}

export interface AccessFilter {
  actorId?: string;
  /** A patient: their page, and the calls filed under them. */
  patientId?: string;
  /** From this day (YYYY-MM-DD, in the clinic's time zone), inclusive. */
  from?: string;
  /** Up to this day (YYYY-MM-DD, in the clinic's time zone), inclusive. */
  to?: string;
  limit?: number;
}

export interface AccessRow {
  id: Col<"access_log", "id">;
  at: Col<"access_log", "at">;
  actorId: Col<"access_log", "actor_id">;
  actorEmail: Col<"access_log", "actor_email">;
  subject: Checked<Col<"access_log", "subject">, AccessSubject>;
  subjectId: Col<"access_log", "subject_id">;
  /** The patient's name, the call's caller (name, else the number's last four digits), or a request's masked subject: computed. */
  label: string | null;
}

/** The clinic's access log, newest first, filtered (RLS: its admins only). */
export function listAccess(
  tx: Tx,
  clinicId: string,
  filter: AccessFilter = {},
): Promise<AccessRow[]> {
  return tx.query<AccessRow>(
    `select a.id, a.at, a.actor_id as "actorId", a.actor_email as "actorEmail", a.subject,
            a.subject_id as "subjectId",
            case a.subject
              when 'patient' then p.full_name
              when 'export' then r.subject_masked
              when 'erasure' then r.subject_masked
              when 'calls_export' then null
              else coalesce(c.caller_name, '…' || right(c.caller_number, 4))
            end as label
       from public.access_log a
       left join public.calls c on a.subject = 'call' and c.id = a.subject_id
       left join public.patients p on a.subject = 'patient' and p.id = a.subject_id
       left join public.privacy_requests r on a.subject in ('export', 'erasure') and r.id = a.subject_id
       join public.clinics cl on cl.id = a.clinic_id
      where a.clinic_id = $1
        and ($2::uuid is null or a.actor_id = $2)
        and ($3::uuid is null or (a.subject = 'patient' and a.subject_id = $3) or c.patient_id = $3)
        and ($4::date is null or a.at >= ($4::date)::timestamp at time zone cl.timezone)
        and ($5::date is null or a.at < ($5::date + 1)::timestamp at time zone cl.timezone)
      order by a.at desc, a.id desc
      limit $6`,
    [
      clinicId,
      filter.actorId ?? null,
      filter.patientId ?? null,
      filter.from ?? null,
      filter.to ?? null,
      filter.limit ?? 100,
    ],
  );
}

/** The staff members who appear in the clinic's access log, for the filter. */
export function accessActors(
  tx: Tx,
  clinicId: string,
): Promise<
  { actorId: Col<"access_log", "actor_id">; actorEmail: Col<"access_log", "actor_email"> }[]
> {
  return tx.query(
    `select distinct on (actor_id) actor_id as "actorId", actor_email as "actorEmail"
       from public.access_log where clinic_id = $1 order by actor_id, at desc`,
    [clinicId],
  );
}
