import "server-only";

import type { Tx } from "./transaction";

/**
 * Appointments per clinic-local week (Monday first) by when they start: how many there were
 * (not cancelled), how many were confirmed before they started (by the front desk, at booking,
 * or by the patient's reply), how many the patient came to (arrived or completed) and how many
 * were marked no-shows. Counts computed in SQL, so their types are explicit.
 */
export interface AttendanceWeek {
  /** The week's Monday, "YYYY-MM-DD". */
  week: string;
  appointments: number;
  confirmed: number;
  attended: number;
  noShows: number;
  cancelled: number;
}

/** Every week touching `from`..`to` (dates, inclusive, clinic-local), quiet weeks as zeros. */
export function attendanceByWeek(
  tx: Tx,
  clinicId: string,
  from: string,
  to: string,
): Promise<AttendanceWeek[]> {
  return tx.query<AttendanceWeek>(
    `with weeks as (
       select w::date as week from generate_series(date_trunc('week', $2::date), $3::date, interval '7 days') w
     ), appointments as (
       select date_trunc('week', (b.starts_at at time zone cl.timezone))::date as week,
              b.status, b.confirmed_at, b.starts_at
         from public.bookings b join public.clinics cl on cl.id = b.clinic_id
        where b.clinic_id = $1 and b.starts_at is not null
          and (b.starts_at at time zone cl.timezone)::date between $2::date and $3::date
     )
     select to_char(w.week, 'YYYY-MM-DD') as week,
            count(a.week) filter (where a.status <> 'cancelled')::int as appointments,
            count(a.week) filter (where a.status <> 'cancelled' and a.confirmed_at is not null
                                   and a.confirmed_at <= a.starts_at)::int as confirmed,
            count(a.week) filter (where a.status in ('arrived', 'completed'))::int as attended,
            count(a.week) filter (where a.status = 'no_show')::int as "noShows",
            count(a.week) filter (where a.status = 'cancelled')::int as cancelled
       from weeks w left join appointments a on a.week = w.week
      group by w.week order by w.week`,
    [clinicId, from, to],
  );
}
