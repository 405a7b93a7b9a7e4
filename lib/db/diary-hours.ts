import "server-only";

import type { Checked, Col } from "./rows";
import type { Tx } from "./transaction";

// Practitioners' weekly hours, their one-day overrides and the clinic's closures
// (supabase/migrations/20261130000100_diary_config.sql) as admins edit them: the part of the
// diary's configuration (lib/db/diary-config.ts) that says when the clinic works. Run as the
// signed-in person, like the rest: RLS lets members read and only the clinic's admins write.

export interface ConfigInterval {
  id: Col<"working_hours", "id">;
  practitionerId: Col<"working_hours", "practitioner_id">;
  weekday: Col<"working_hours", "weekday">;
  /** "HH:MM", clinic-local: to_char of the time, computed in SQL. */
  opens: string;
  closes: string;
}

export interface ConfigOverride {
  id: Col<"schedule_overrides", "id">;
  practitionerId: Col<"schedule_overrides", "practitioner_id">;
  /** YYYY-MM-DD, clinic-local: to_char of the date, computed in SQL. */
  onDate: string;
  kind: Checked<Col<"schedule_overrides", "kind">, "off" | "extra">;
  /** "HH:MM" or null for the whole day: to_char of the time, computed in SQL. */
  opens: string | null;
  closes: string | null;
  reason: Col<"schedule_overrides", "reason">;
}

export interface ConfigClosure {
  id: Col<"clinic_closures", "id">;
  /** YYYY-MM-DD: to_char of the dates, computed in SQL. */
  startsOn: string;
  endsOn: string;
  reason: Col<"clinic_closures", "reason">;
}

export interface IntervalRow {
  weekday: number;
  opens: string;
  closes: string;
}

export interface OverrideRow {
  practitionerId: string;
  onDate: string;
  kind: ConfigOverride["kind"];
  opens: string | null;
  closes: string | null;
  reason: string;
}

export interface ClosureRow {
  startsOn: string;
  endsOn: string;
  reason: string;
}

export function listWeeklyHours(tx: Tx, clinicId: string): Promise<ConfigInterval[]> {
  return tx.query<ConfigInterval>(
    `select id, practitioner_id as "practitionerId", weekday,
            to_char(opens, 'HH24:MI') as opens, to_char(closes, 'HH24:MI') as closes
       from public.working_hours
      where clinic_id = $1
      order by practitioner_id, weekday, opens`,
    [clinicId],
  );
}

/** Overrides from the clinic's today on. */
export function listUpcomingOverrides(
  tx: Tx,
  clinicId: string,
  today: string,
): Promise<ConfigOverride[]> {
  return tx.query<ConfigOverride>(
    `select id, practitioner_id as "practitionerId", to_char(on_date, 'YYYY-MM-DD') as "onDate", kind,
            to_char(opens, 'HH24:MI') as opens, to_char(closes, 'HH24:MI') as closes, reason
       from public.schedule_overrides
      where clinic_id = $1 and on_date >= $2::date
      order by on_date, opens nulls first, id`,
    [clinicId, today],
  );
}

/** Closures that have not ended before the clinic's today. */
export function listUpcomingClosures(
  tx: Tx,
  clinicId: string,
  today: string,
): Promise<ConfigClosure[]> {
  return tx.query<ConfigClosure>(
    `select id, to_char(starts_on, 'YYYY-MM-DD') as "startsOn", to_char(ends_on, 'YYYY-MM-DD') as "endsOn", reason
       from public.clinic_closures
      where clinic_id = $1 and ends_on >= $2::date
      order by starts_on, id`,
    [clinicId, today],
  );
}

/**
 * Replaces a practitioner's weekly hours with `intervals`. The practitioner's row is locked
 * first (FOR UPDATE needs the admins' UPDATE policy, so a receptionist finds nothing), so two
 * admins saving at once apply one after the other; the exclusion constraint still refuses
 * overlapping intervals. False when the practitioner is not there or not theirs to change.
 */
export async function replaceWeeklyHours(
  tx: Tx,
  clinicId: string,
  practitionerId: string,
  intervals: IntervalRow[],
): Promise<boolean> {
  const practitioner = await tx.maybeOne(
    "select id from public.practitioners where id = $1 and clinic_id = $2 for update",
    [practitionerId, clinicId],
  );
  if (!practitioner) return false;
  // Unchanged intervals stay as they are; only removed ones go and new ones come.
  await tx.query(
    `delete from public.working_hours w
      where w.practitioner_id = $1 and w.clinic_id = $2
        and not exists (select 1 from unnest($3::smallint[], $4::time[], $5::time[]) as n (weekday, opens, closes)
                         where n.weekday = w.weekday and n.opens = w.opens and n.closes = w.closes)`,
    [
      practitionerId,
      clinicId,
      intervals.map((interval) => interval.weekday),
      intervals.map((interval) => interval.opens),
      intervals.map((interval) => interval.closes),
    ],
  );
  await tx.query(
    `insert into public.working_hours (clinic_id, practitioner_id, weekday, opens, closes)
     select $2, $1, n.weekday, n.opens, n.closes
       from unnest($3::smallint[], $4::time[], $5::time[]) as n (weekday, opens, closes)
      where not exists (select 1 from public.working_hours w
                         where w.practitioner_id = $1 and w.weekday = n.weekday and w.opens = n.opens and w.closes = n.closes)`,
    [
      practitionerId,
      clinicId,
      intervals.map((interval) => interval.weekday),
      intervals.map((interval) => interval.opens),
      intervals.map((interval) => interval.closes),
    ],
  );
  return true;
}

export async function addOverride(tx: Tx, clinicId: string, input: OverrideRow): Promise<string> {
  const row = await tx.one<{ id: Col<"schedule_overrides", "id"> }>(
    `insert into public.schedule_overrides (clinic_id, practitioner_id, on_date, kind, opens, closes, reason)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [
      clinicId,
      input.practitionerId,
      input.onDate,
      input.kind,
      input.opens,
      input.closes,
      input.reason,
    ],
  );
  return row.id;
}

export async function deleteOverride(tx: Tx, clinicId: string, id: string): Promise<boolean> {
  const rows = await tx.query(
    "delete from public.schedule_overrides where id = $1 and clinic_id = $2 returning id",
    [id, clinicId],
  );
  return rows.length > 0;
}

export async function addClosure(tx: Tx, clinicId: string, input: ClosureRow): Promise<string> {
  const row = await tx.one<{ id: Col<"clinic_closures", "id"> }>(
    `insert into public.clinic_closures (clinic_id, starts_on, ends_on, reason)
     values ($1, $2, $3, $4) returning id`,
    [clinicId, input.startsOn, input.endsOn, input.reason],
  );
  return row.id;
}

export async function deleteClosure(tx: Tx, clinicId: string, id: string): Promise<boolean> {
  const rows = await tx.query(
    "delete from public.clinic_closures where id = $1 and clinic_id = $2 returning id",
    [id, clinicId],
  );
  return rows.length > 0;
}
