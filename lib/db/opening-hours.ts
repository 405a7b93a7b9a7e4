import "server-only";

import type { OpeningSchedule } from "@/types/opening-hours";

import type { Col } from "./rows";
import type { Tx } from "./transaction";

// The front desk's opening hours (supabase/migrations/20261201000900_opening_hours.sql) and the
// schedule the current state is computed from (lib/hours/opening.ts): the hours, and the
// diary's closures (clinic_closures) that have not ended.

export interface OpeningHoursRow {
  id: Col<"opening_hours", "id">;
  weekday: Col<"opening_hours", "weekday">;
  /** "HH:MM", clinic-local: to_char of the time, computed in SQL ("24:00" for the next midnight). */
  opens: string;
  closes: string;
}

export function listOpeningHours(tx: Tx, clinicId: string): Promise<OpeningHoursRow[]> {
  return tx.query<OpeningHoursRow>(
    `select id, weekday, to_char(opens, 'HH24:MI') as opens, to_char(closes, 'HH24:MI') as closes
       from public.opening_hours where clinic_id = $1 order by weekday, opens`,
    [clinicId],
  );
}

/**
 * Everything the opening state needs: the zone, the weekly hours and the closures that end on
 * or after yesterday in UTC (so the clinic's today, whatever its zone, is covered).
 */
export async function loadOpeningSchedule(tx: Tx, clinicId: string): Promise<OpeningSchedule> {
  const row = await tx.one<{
    timezone: Col<"clinics", "timezone">;
    /** json_agg of the hours, computed in SQL. */
    hours: OpeningSchedule["hours"] | null;
    /** json_agg of the closures, computed in SQL. */
    closures: OpeningSchedule["closures"] | null;
  }>(
    `select c.timezone,
            (select json_agg(json_build_object('weekday', h.weekday, 'opens', to_char(h.opens, 'HH24:MI'),
                                               'closes', to_char(h.closes, 'HH24:MI')) order by h.weekday, h.opens)
               from public.opening_hours h where h.clinic_id = c.id) as hours,
            (select json_agg(json_build_object('startsOn', to_char(x.starts_on, 'YYYY-MM-DD'),
                                               'endsOn', to_char(x.ends_on, 'YYYY-MM-DD'), 'reason', x.reason)
                             order by x.starts_on)
               from public.clinic_closures x
              where x.clinic_id = c.id and x.ends_on >= (now() at time zone 'utc')::date - 1) as closures
       from public.clinics c where c.id = $1`,
    [clinicId],
  );
  return { timezone: row.timezone, hours: row.hours ?? [], closures: row.closures ?? [] };
}

/**
 * Replaces the clinic's opening hours with `intervals` (admins, by RLS). The clinic's row is
 * locked first (FOR UPDATE needs the admins' UPDATE policy on clinics, so a receptionist finds
 * nothing), so two admins saving at once apply one after the other; the exclusion constraint
 * still refuses overlapping intervals. False when the clinic is not theirs to change.
 */
export async function replaceOpeningHours(
  tx: Tx,
  clinicId: string,
  intervals: { weekday: number; opens: string; closes: string }[],
): Promise<boolean> {
  const clinic = await tx.maybeOne("select id from public.clinics where id = $1 for update", [
    clinicId,
  ]);
  if (!clinic) return false;
  const columns = [
    intervals.map((interval) => interval.weekday),
    intervals.map((interval) => interval.opens),
    intervals.map((interval) => interval.closes),
  ];
  // Unchanged intervals stay as they are (the audit shows only what changed).
  await tx.query(
    `delete from public.opening_hours h
      where h.clinic_id = $1
        and not exists (select 1 from unnest($2::smallint[], $3::time[], $4::time[]) as n (weekday, opens, closes)
                         where n.weekday = h.weekday and n.opens = h.opens and n.closes = h.closes)`,
    [clinicId, ...columns],
  );
  await tx.query(
    `insert into public.opening_hours (clinic_id, weekday, opens, closes)
     select $1, n.weekday, n.opens, n.closes
       from unnest($2::smallint[], $3::time[], $4::time[]) as n (weekday, opens, closes)
      where not exists (select 1 from public.opening_hours h
                         where h.clinic_id = $1 and h.weekday = n.weekday and h.opens = n.opens and h.closes = n.closes)`,
    [clinicId, ...columns],
  );
  return true;
}
