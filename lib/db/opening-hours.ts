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
    /** json_agg of the special dates' hours, computed in SQL. */
    dates: OpeningSchedule["dates"] | null;
  }>(
    `select c.timezone,
            (select json_agg(json_build_object('weekday', h.weekday, 'opens', to_char(h.opens, 'HH24:MI'),
                                               'closes', to_char(h.closes, 'HH24:MI')) order by h.weekday, h.opens)
               from public.opening_hours h where h.clinic_id = c.id) as hours,
            (select json_agg(json_build_object('startsOn', to_char(x.starts_on, 'YYYY-MM-DD'),
                                               'endsOn', to_char(x.ends_on, 'YYYY-MM-DD'), 'reason', x.reason)
                             order by x.starts_on)
               from public.clinic_closures x
              where x.clinic_id = c.id and x.ends_on >= (now() at time zone 'utc')::date - 1) as closures,
            (select json_agg(json_build_object('date', to_char(d.on_date, 'YYYY-MM-DD'),
                                               'opens', to_char(d.opens, 'HH24:MI'),
                                               'closes', to_char(d.closes, 'HH24:MI'),
                                               'reason', d.reason)
                             order by d.on_date, d.opens)
               from public.opening_hours_dates d
              where d.clinic_id = c.id and d.on_date >= (now() at time zone 'utc')::date - 1) as dates
       from public.clinics c where c.id = $1`,
    [clinicId],
  );
  return {
    timezone: row.timezone,
    hours: row.hours ?? [],
    closures: row.closures ?? [],
    dates: row.dates ?? [],
  };
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

// Special hours on given dates (supabase/migrations/20261201001110_opening_hours_dates.sql).

export interface DateHoursRow {
  id: Col<"opening_hours_dates", "id">;
  /** YYYY-MM-DD and HH:MM, computed in SQL. */
  onDate: string;
  opens: string;
  closes: string;
  reason: Col<"opening_hours_dates", "reason">;
}

/** Special hours on `today` (clinic-local) and after, by date. */
export function listUpcomingDateHours(
  tx: Tx,
  clinicId: string,
  today: string,
): Promise<DateHoursRow[]> {
  return tx.query<DateHoursRow>(
    `select id, to_char(on_date, 'YYYY-MM-DD') as "onDate", to_char(opens, 'HH24:MI') as opens,
            to_char(closes, 'HH24:MI') as closes, reason
       from public.opening_hours_dates
      where clinic_id = $1 and on_date >= $2::date
      order by on_date, opens`,
    [clinicId, today],
  );
}

/** Adds an interval of special hours on a date (admins, by RLS; overlaps refused by the constraint). */
export async function addDateHours(
  tx: Tx,
  clinicId: string,
  input: { onDate: string; opens: string; closes: string; reason: string },
): Promise<string> {
  const row = await tx.one<{ id: Col<"opening_hours_dates", "id"> }>(
    `insert into public.opening_hours_dates (clinic_id, on_date, opens, closes, reason)
     values ($1, $2, $3, $4, $5) returning id`,
    [clinicId, input.onDate, input.opens, input.closes, input.reason],
  );
  return row.id;
}

export async function deleteDateHours(tx: Tx, clinicId: string, id: string): Promise<boolean> {
  const rows = await tx.query(
    "delete from public.opening_hours_dates where id = $1 and clinic_id = $2 returning id",
    [id, clinicId],
  );
  return rows.length > 0;
}
