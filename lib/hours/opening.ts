/**
 * Whether the clinic's front desk is open, in the clinic's time zone. Pure (schedule and an
 * instant in, state out), so the server (the assistant's prompt, transfer destinations) and the
 * live board (with the server-corrected clock) compute the same answer.
 *
 * Open time on a clinic-local date: that date's special hours when it has any (Christmas Eve
 * 09:00–13:00), else that weekday's opening intervals (merged); none on a closure day. Wall times become instants as the diary's do (lib/diary/working-time.ts): 09:00
 * is 09:00 on both sides of a daylight-saving change, a time in the spring-forward gap moves to
 * the change, a time in the fall-back overlap is its earlier occurrence. Intervals that touch
 * across midnight (Monday 18:00–24:00, Tuesday 00:00–02:00) are one stretch of open time.
 */

import type { Closure, DateHours, OpeningInterval, OpeningSchedule } from "@/types/opening-hours";
import {
  ClinicClock,
  DAY_MS,
  formatLocalDate,
  isoWeekday,
  mergeIntervals,
  parseLocalDate,
  parseWallTime,
  type WallInterval,
} from "@/lib/diary/working-time";
import { formatDay, formatWallTime, monthName } from "@/lib/format";

export type { Closure, DateHours, OpeningInterval, OpeningSchedule };

export type OpeningState =
  | {
      open: true;
      /** When this stretch of open time ends (epoch ms). */
      closesAt: number;
      /** "Open until 17:00", "Open until tomorrow 02:00". */
      label: string;
    }
  | {
      open: false;
      /** When it next opens (epoch ms); null when it never does (no hours set). */
      opensAt: number | null;
      /** The closure covering now, if that is why it is closed. */
      closure: string | null;
      /** "Closed until Monday 09:00", "Closed (Christmas Day) until tomorrow 08:30". */
      label: string;
    };

const WEEKDAY_NAMES = [
  "",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
];

/** How far ahead to look for the next opening: a year and a bit, past any sane closure. */
const SEARCH_DAYS = 400;

/** The schedule, parsed once: merged wall intervals per weekday and closed day numbers. */
class ParsedSchedule {
  readonly clock: ClinicClock;
  private readonly weekly: WallInterval[][] = [[], [], [], [], [], [], [], []];
  private readonly dates = new Map<number, WallInterval[]>();
  private readonly closures: { from: number; to: number; reason: string }[];

  constructor(schedule: OpeningSchedule) {
    this.clock = new ClinicClock(schedule.timezone);
    const byDay: WallInterval[][] = [[], [], [], [], [], [], [], []];
    for (const interval of schedule.hours) {
      if (!Number.isInteger(interval.weekday) || interval.weekday < 1 || interval.weekday > 7)
        throw new RangeError(`Invalid weekday ${interval.weekday} in opening hours.`);
      const opens = parseWallTime(interval.opens, "opening hours");
      const closes = parseWallTime(interval.closes, "opening hours", true);
      if (closes <= opens)
        throw new RangeError(
          `Opening hours ${interval.opens}–${interval.closes}: closing must be after opening.`,
        );
      byDay[interval.weekday]!.push([opens, closes]);
    }
    for (let weekday = 1; weekday <= 7; weekday++)
      this.weekly[weekday] = mergeIntervals(byDay[weekday]!);
    const byDate = new Map<number, WallInterval[]>();
    for (const special of schedule.dates ?? []) {
      const day = parseLocalDate(special.date, "special opening hours");
      const opens = parseWallTime(special.opens, "special opening hours");
      const closes = parseWallTime(special.closes, "special opening hours", true);
      if (closes <= opens)
        throw new RangeError(
          `Special hours ${special.opens}–${special.closes} on ${special.date}: closing must be after opening.`,
        );
      byDate.set(day, [...(byDate.get(day) ?? []), [opens, closes]]);
    }
    for (const [day, intervals] of byDate) this.dates.set(day, mergeIntervals(intervals));
    this.closures = schedule.closures.map((closure) => ({
      from: parseLocalDate(closure.startsOn, "closures"),
      to: parseLocalDate(closure.endsOn, "closures"),
      reason: closure.reason?.trim() ?? "",
    }));
  }

  get hasHours(): boolean {
    return this.weekly.some((day) => day.length > 0) || this.dates.size > 0;
  }

  closureOn(day: number): { reason: string } | undefined {
    return this.closures.find((closure) => closure.from <= day && day <= closure.to);
  }

  /** Open time on a local date, as instants [start, end). */
  openOn(day: number): [number, number][] {
    if (this.closureOn(day)) return [];
    return (this.dates.get(day) ?? this.weekly[isoWeekday(day)] ?? []).map(([start, end]) => [
      this.clock.instant(day, start),
      this.clock.instant(day, end),
    ]);
  }
}

/**
 * A date as the clinic says it: "Friday 1 January" (en-GB, and without a locale),
 * "Friday, January 1" (en-US). Words for staff and for the assistant, in the clinic's locale.
 */
function dateWords(day: number, locale: string | undefined): string {
  const date = new Date(day * DAY_MS);
  if (locale) return formatDay(formatLocalDate(day), { locale }, "spoken");
  const month = monthName(date.getUTCMonth() + 1, { locale: "en-GB" });
  return `${WEEKDAY_NAMES[isoWeekday(day)]} ${date.getUTCDate()} ${month}`;
}

/** A wall time "HH:MM" in the clinic's words: "09:00" (en-GB, no locale), "9:00 AM" (en-US). */
function timeWords(hhmm: string, locale: string | undefined): string {
  return locale ? formatWallTime(hhmm, { locale }) : hhmm;
}

/** "today", "tomorrow", a weekday within the week, else "Friday 1 January". */
function dayWords(clock: ClinicClock, at: number, now: number, locale?: string): string {
  const day = clock.localDay(at);
  const today = clock.localDay(now);
  if (day === today) return "";
  if (day === today + 1) return "tomorrow";
  const weekday = WEEKDAY_NAMES[isoWeekday(day)]!;
  if (day - today < 7) return weekday;
  return dateWords(day, locale);
}

/** HH:MM on the clinic's wall clock. */
export function wallClock(clock: ClinicClock, at: number): string {
  const minutes = Math.floor(clock.localTimeOfDayMs(at) / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function when(clock: ClinicClock, at: number, now: number, locale?: string): string {
  const day = dayWords(clock, at, now, locale);
  const time = timeWords(wallClock(clock, at), locale);
  return day ? `${day} ${time}` : time;
}

/**
 * The front desk's state at `now`: open (until when) or closed (until when, and the closure if
 * one covers today), its label in the clinic's `locale` (lib/format; without one, the British
 * 24-hour words). Throws a RangeError naming malformed configuration (an unknown zone, 25:00).
 */
export function openingState(
  schedule: OpeningSchedule,
  now: number,
  locale?: string,
): OpeningState {
  const parsed = new ParsedSchedule(schedule);
  const { clock } = parsed;
  const today = clock.localDay(now);
  const closure = parsed.closureOn(today);
  const closureText = closure ? closure.reason || "closed today" : null;
  if (!parsed.hasHours)
    return {
      open: false,
      opensAt: null,
      closure: closureText,
      label: "Closed: no opening hours set",
    };

  // Stretches of open time from yesterday on (yesterday's may run past midnight into today),
  // joined where one ends as the next begins. Once a stretch starts after now, the one holding
  // now (if any) is complete and the next opening is known.
  const stretches: [number, number][] = [];
  for (let day = today - 1; day <= today + SEARCH_DAYS; day++) {
    for (const [start, end] of parsed.openOn(day)) {
      if (end <= start) continue; // wholly inside a spring-forward gap: no time at all
      const last = stretches[stretches.length - 1];
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else stretches.push([start, end]);
    }
    if ((stretches[stretches.length - 1]?.[0] ?? -Infinity) > now) break;
  }
  const holding = stretches.find(([start, end]) => start <= now && now < end);
  if (holding)
    return {
      open: true,
      closesAt: holding[1],
      label: `Open until ${when(clock, holding[1], now, locale)}`,
    };
  const next = stretches.find(([start]) => start > now);
  const prefix = closureText ? `Closed (${closureText})` : "Closed";
  return next
    ? {
        open: false,
        opensAt: next[0],
        closure: closureText,
        label: `${prefix} until ${when(clock, next[0], now, locale)}`,
      }
    : { open: false, opensAt: null, closure: closureText, label: prefix };
}

/**
 * The on-call night an instant belongs to: a night runs from noon on a clinic-local date to
 * noon the next day, so 23:00 Monday and 03:00 Tuesday are both Monday night. Returns the
 * date's ISO weekday and the date (YYYY-MM-DD).
 */
export function nightOf(timezone: string, at: number): { weekday: number; date: string } {
  const clock = new ClinicClock(timezone);
  const day = clock.localDay(at) - (clock.localTimeOfDayMs(at) < 12 * 3_600_000 ? 1 : 0);
  return { weekday: isoWeekday(day), date: formatLocalDate(day) };
}

/** The week as Voxanne says it: "Monday 09:00–13:00 and 14:00–17:00; …; Sunday closed". */
export function describeWeek(hours: OpeningInterval[], locale?: string): string {
  const days: string[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    const intervals = hours
      .filter((interval) => interval.weekday === weekday)
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map(
        (interval) =>
          `${timeWords(interval.opens.slice(0, 5), locale)}–${timeWords(interval.closes.slice(0, 5), locale)}`,
      );
    days.push(`${WEEKDAY_NAMES[weekday]} ${intervals.length ? intervals.join(" and ") : "closed"}`);
  }
  return days.join("; ");
}

/**
 * The special dates from `now`'s clinic-local date to `days` ahead, as Voxanne says them:
 * "Thursday 24 December 09:00–13:00 (Christmas Eve); Thursday 31 December 09:00–15:00", or
 * "none". Closures are not listed (the state says when the desk is closed).
 */
export function describeSpecialDates(
  schedule: OpeningSchedule,
  now: number,
  days = 60,
  locale?: string,
): string {
  const clock = new ClinicClock(schedule.timezone);
  const today = clock.localDay(now);
  const byDate = new Map<number, { intervals: string[]; reason: string }>();
  for (const special of [...(schedule.dates ?? [])].sort((a, b) =>
    `${a.date} ${a.opens}`.localeCompare(`${b.date} ${b.opens}`),
  )) {
    const day = parseLocalDate(special.date, "special opening hours");
    if (day < today || day > today + days) continue;
    const entry = byDate.get(day) ?? { intervals: [], reason: special.reason?.trim() ?? "" };
    entry.intervals.push(
      `${timeWords(special.opens.slice(0, 5), locale)}–${timeWords(special.closes.slice(0, 5), locale)}`,
    );
    byDate.set(day, entry);
  }
  if (!byDate.size) return "none";
  return [...byDate.entries()]
    .map(([day, entry]) => {
      const when = dateWords(day, locale);
      return `${when} ${entry.intervals.join(" and ")}${entry.reason ? ` (${entry.reason})` : ""}`;
    })
    .join("; ");
}
