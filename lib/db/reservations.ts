import "server-only";

import type { AppointmentStatus } from "./appointments";
import type { Checked, Col, Outer } from "./rows";
import type { Tx } from "./transaction";

/**
 * Staff writes to the diary, through the SQL functions of
 * supabase/migrations/20261130000200_diary_bookings.sql (member check, locks in the documented
 * order, overlap check, exclusion constraints as the backstop), and the diary's entries.
 */
export type DiaryWriteOutcome =
  "ok" | "forbidden" | "not_found" | "in_past" | "not_allowed" | "conflict";

/** The result table of diary_book, diary_move and diary_block: computed in SQL, not columns. */
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
  // diary_remove_block's result, computed in SQL.
  const row = await tx.one<{ outcome: "ok" | "forbidden" | "not_found" }>(
    "select public.diary_remove_block($1, $2) as outcome",
    [clinicId, blockId],
  );
  return row.outcome;
}

export interface ReservationEntryRow {
  id: Col<"reservations", "id">;
  kind: Checked<Col<"reservations", "kind">, "hold" | "appointment" | "block">;
  practitionerId: Col<"reservations", "practitioner_id">;
  resourceId: Col<"reservations", "resource_id">;
  start: Col<"reservations", "starts_at">;
  end: Col<"reservations", "ends_at">;
  /** lower(occupied) and upper(occupied), computed in SQL (the range's bounds). */
  occupiedStart: Date;
  occupiedEnd: Date;
  heldUntil: Col<"reservations", "held_until">;
  callId: Col<"reservations", "call_id">;
  reason: Col<"reservations", "reason">;
  bookingId: Col<"reservations", "booking_id">;
  status: Outer<Checked<Col<"bookings", "status">, AppointmentStatus>>;
  typeId: Outer<Col<"bookings", "appointment_type_id">>;
  typeName: Outer<Col<"appointment_types", "name">>;
  procedureName: Outer<Col<"procedures", "name">>;
  patientName: Outer<Col<"bookings", "patient_name">>;
  patientPhone: Outer<Col<"bookings", "patient_phone">>;
  source: Outer<Checked<Col<"bookings", "source">, "assistant" | "staff">>;
  notes: Outer<Col<"bookings", "notes">>;
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

export interface ReservationOwner {
  practitioner: Outer<Col<"practitioners", "name">>;
  resource: Outer<Col<"resources", "name">>;
}

/** A reservation's kind and whose time it is, for a conflict message. */
export function getReservationOwner(
  tx: Tx,
  reservationId: string,
): Promise<ReservationOwner | null> {
  return tx.maybeOne<ReservationOwner>(
    `select p.name as practitioner, rs.name as resource
       from public.reservations r
       left join public.practitioners p on p.id = r.practitioner_id
       left join public.resources rs on rs.id = r.resource_id
      where r.id = $1`,
    [reservationId],
  );
}
