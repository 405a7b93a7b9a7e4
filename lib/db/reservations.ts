import "server-only";

import type { Tx } from "./transaction";

/**
 * Staff writes to the diary, through the SQL functions of
 * supabase/migrations/20261130000200_diary_bookings.sql (member check, locks in the documented
 * order, overlap check, exclusion constraints as the backstop), and the diary's entries.
 */
export type DiaryWriteOutcome =
  "ok" | "forbidden" | "not_found" | "in_past" | "not_allowed" | "conflict";

export interface DiaryWriteResult {
  outcome: DiaryWriteOutcome;
  id: string | null;
  /** For a conflict: what was in the way (null when only the exclusion constraint caught it). */
  conflictKind: "hold" | "appointment" | "block" | null;
  conflictStartsAt: Date | null;
  conflictOn: "practitioner" | "resource" | null;
}

const RESULT = `outcome, id, conflict_kind as "conflictKind", conflict_starts_at as "conflictStartsAt", conflict_on as "conflictOn"`;

export function bookInDiary(
  tx: Tx,
  input: {
    clinicId: string;
    typeId: string;
    practitionerId: string;
    start: Date;
    patientName: string;
    patientPhone: string | null;
    notes: string;
  },
): Promise<DiaryWriteResult> {
  return tx.one<DiaryWriteResult>(
    `select ${RESULT} from public.diary_book($1, $2, $3, $4, $5, $6, $7)`,
    [
      input.clinicId,
      input.typeId,
      input.practitionerId,
      input.start,
      input.patientName,
      input.patientPhone,
      input.notes,
    ],
  );
}

export function moveInDiary(
  tx: Tx,
  input: { clinicId: string; bookingId: string; practitionerId: string; start: Date },
): Promise<DiaryWriteResult> {
  return tx.one<DiaryWriteResult>(`select ${RESULT} from public.diary_move($1, $2, $3, $4)`, [
    input.clinicId,
    input.bookingId,
    input.practitionerId,
    input.start,
  ]);
}

export function blockInDiary(
  tx: Tx,
  input: {
    clinicId: string;
    practitionerId: string | null;
    resourceId: string | null;
    start: Date;
    end: Date;
    reason: string;
  },
): Promise<DiaryWriteResult> {
  return tx.one<DiaryWriteResult>(
    `select ${RESULT} from public.diary_block($1, $2, $3, $4, $5, $6)`,
    [input.clinicId, input.practitionerId, input.resourceId, input.start, input.end, input.reason],
  );
}

export async function removeBlockInDiary(
  tx: Tx,
  clinicId: string,
  blockId: string,
): Promise<"ok" | "forbidden" | "not_found"> {
  const row = await tx.one<{ outcome: "ok" | "forbidden" | "not_found" }>(
    "select public.diary_remove_block($1, $2) as outcome",
    [clinicId, blockId],
  );
  return row.outcome;
}

export interface ReservationEntryRow {
  id: string;
  kind: "hold" | "appointment" | "block";
  practitionerId: string | null;
  resourceId: string | null;
  start: Date;
  end: Date;
  occupiedStart: Date;
  occupiedEnd: Date;
  heldUntil: Date | null;
  callId: string | null;
  reason: string | null;
  bookingId: string | null;
  status: "pending" | "confirmed" | "arrived" | "completed" | "cancelled" | "no_show" | null;
  typeId: string | null;
  typeName: string | null;
  procedureName: string | null;
  patientName: string | null;
  patientPhone: string | null;
  source: "assistant" | "staff" | null;
  notes: string | null;
}

/**
 * Everything in the diary overlapping [from, to): live holds, blocks, and appointments,
 * including arrived and completed ones (whose reservations stay), soonest first. RLS decides
 * what the person sees. Arrived/completed appointments keep their reservation; cancelled and
 * no-show ones have none.
 */
export function listDiaryEntries(
  tx: Tx,
  clinicId: string,
  range: { from: Date; to: Date },
): Promise<ReservationEntryRow[]> {
  return tx.query<ReservationEntryRow>(
    `select r.id, r.kind, r.practitioner_id as "practitionerId", r.resource_id as "resourceId",
            r.starts_at as start, r.ends_at as "end", lower(r.occupied) as "occupiedStart", upper(r.occupied) as "occupiedEnd",
            r.held_until as "heldUntil", r.call_id as "callId", r.reason, r.booking_id as "bookingId",
            b.status, b.appointment_type_id as "typeId", t.name as "typeName", p.name as "procedureName",
            b.patient_name as "patientName", b.patient_phone as "patientPhone", b.source, b.notes
       from public.reservations r
       left join public.bookings b on b.id = r.booking_id
       left join public.appointment_types t on t.id = b.appointment_type_id
       left join public.procedures p on p.id = b.procedure_id
      where r.clinic_id = $1 and r.occupied && tstzrange($2, $3)
        and (r.kind <> 'hold' or r.held_until > now())
      order by r.starts_at, r.id`,
    [clinicId, range.from, range.to],
  );
}

/** A reservation's kind and whose time it is, for a conflict message. */
export function getReservationOwner(
  tx: Tx,
  reservationId: string,
): Promise<{ practitioner: string | null; resource: string | null } | null> {
  return tx.maybeOne(
    `select p.name as practitioner, rs.name as resource
       from public.reservations r
       left join public.practitioners p on p.id = r.practitioner_id
       left join public.resources rs on rs.id = r.resource_id
      where r.id = $1`,
    [reservationId],
  );
}
