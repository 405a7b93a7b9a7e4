// The clinic's opening hours as the opening state (lib/hours/opening.ts) reads them; here so the
// data layer (lib/db) can return them.

export interface OpeningInterval {
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
  /** "HH:MM" or "HH:MM:SS", clinic-local. */
  opens: string;
  /** After `opens`; "24:00" is the next midnight. */
  closes: string;
}

export interface Closure {
  /** First closed clinic-local date, YYYY-MM-DD. */
  startsOn: string;
  /** Last closed date (inclusive). */
  endsOn: string;
  reason?: string;
}

/** Special hours on one date (opening_hours_dates): they replace that day's weekly hours. */
export interface DateHours {
  /** Clinic-local date, YYYY-MM-DD. */
  date: string;
  opens: string;
  closes: string;
  reason?: string;
}

export interface OpeningSchedule {
  timezone: string;
  hours: OpeningInterval[];
  closures: Closure[];
  /** Dates with special hours; a date listed here is open only at its intervals. */
  dates?: DateHours[];
}
