import { IANAZone } from "luxon";

/**
 * Clinic-local wall-clock time and working time, the arithmetic under the availability engine
 * (lib/diary/availability.ts). Pure: no database, no clock.
 *
 * Local dates are "day numbers" (days since 1970-01-01 on the clinic's calendar) and wall-clock
 * times are seconds since local midnight, so intervals of a day are plain number pairs until they
 * are turned into instants, once per date and time (not per candidate start).
 *
 * Wall clock to instant, in the clinic's time zone (`ClinicClock.instant`):
 * - a wall time that exists once is that instant, so 09:00 is 09:00 on both sides of a
 *   daylight-saving change;
 * - a wall time in the spring-forward gap (e.g. 01:30 in London on the last Sunday of March)
 *   does not exist and moves forward to the first instant that does: the change itself
 *   (01:00 UTC = 02:00 BST);
 * - a wall time in the fall-back overlap (01:30 in London on the last Sunday of October exists
 *   twice) is its earlier occurrence, the one on the offset in force before the change
 *   (01:30 BST = 00:30 UTC).
 * Together: the first instant whose wall-clock reading is at or after the wall time asked for.
 */

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** Seconds since local midnight, [start, end). */
export type WallInterval = readonly [number, number];

const WALL_TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "HH:MM" or "HH:MM:SS" as seconds since midnight; "24:00" (end of day) only where allowed. */
export function parseWallTime(value: string, what: string, allowEndOfDay = false): number {
  const match = WALL_TIME.exec(value);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  const seconds = Number(match?.[3] ?? 0);
  const seconds_ = hours * 3600 + minutes * 60 + seconds;
  if (
    !match ||
    minutes > 59 ||
    seconds > 59 ||
    hours > 24 ||
    (hours === 24 && (!allowEndOfDay || seconds_ !== 86_400))
  ) {
    throw new RangeError(`Invalid time "${value}" in ${what}: expected HH:MM or HH:MM:SS.`);
  }
  return seconds_;
}

/** "YYYY-MM-DD" as a day number; throws on anything that is not a real calendar date. */
export function parseLocalDate(value: string, what: string): number {
  const match = LOCAL_DATE.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    const check = new Date(ms);
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1) {
      if (check.getUTCDate() === day) return ms / DAY_MS;
    }
  }
  throw new RangeError(`Invalid date "${value}" in ${what}: expected YYYY-MM-DD.`);
}

/** A day number as "YYYY-MM-DD". */
export function formatLocalDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a day number: 1 Monday … 7 Sunday (day 0, 1970-01-01, was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Sorts and merges overlapping or touching intervals. */
export function mergeIntervals(intervals: WallInterval[]): WallInterval[] {
  const sorted = intervals.filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** `intervals` (merged, sorted) minus `[start, end)`. */
export function subtractInterval(
  intervals: WallInterval[],
  start: number,
  end: number,
): WallInterval[] {
  const result: WallInterval[] = [];
  for (const interval of intervals) {
    if (interval[1] <= start || interval[0] >= end) {
      result.push(interval);
      continue;
    }
    if (interval[0] < start) result.push([interval[0], start]);
    if (interval[1] > end) result.push([end, interval[1]]);
  }
  return result;
}

/**
 * A zone's UTC offsets, one entry per UTC day: the offset all day, or the day's change (found
 * to the second) with the offsets either side. luxon's `offset` is an Intl call (microseconds
 * to tens of them); availability asks for the same few days thousands of times. Assumes at
 * most one change per UTC day, true of every zone in the tz database since 1970.
 */
class ZoneOffsets {
  private readonly zone: IANAZone;
  private readonly days = new Map<number, { change: number; before: number; after: number }>();

  constructor(zone: IANAZone) {
    this.zone = zone;
  }

  offset(ms: number): number {
    const day = Math.floor(ms / DAY_MS);
    let entry = this.days.get(day);
    if (!entry) {
      if (this.days.size > 50_000) this.days.clear(); // a long-lived server: stay bounded
      entry = this.findChange(day * DAY_MS, (day + 1) * DAY_MS);
      this.days.set(day, entry);
    }
    return ms < entry.change ? entry.before : entry.after;
  }

  private findChange(start: number, end: number) {
    const before = this.zone.offset(start);
    const after = this.zone.offset(end - 1000);
    if (before === after) return { change: end, before, after };
    let low = start; // offset `before` here
    let high = end - 1000; // offset `after` here
    while (high - low > 1000) {
      const middle = low + Math.floor((high - low) / 2000) * 1000;
      if (this.zone.offset(middle) === before) low = middle;
      else high = middle;
    }
    return { change: high, before, after };
  }
}

const zones = new Map<string, ZoneOffsets | null>();

function zoneOffsets(timeZone: string): ZoneOffsets {
  let known = zones.get(timeZone);
  if (known === undefined) {
    known = IANAZone.isValidZone(timeZone) ? new ZoneOffsets(IANAZone.create(timeZone)) : null;
    zones.set(timeZone, known);
  }
  if (!known) throw new RangeError(`Unknown time zone "${timeZone}": expected an IANA name.`);
  return known;
}

/**
 * A clinic's time zone with the conversions the diary needs. One instance per request (cheap:
 * offsets are cached per zone, wall-time conversions per instance).
 */
export class ClinicClock {
  readonly timeZone: string;
  private readonly zone: ZoneOffsets;
  private readonly dayOffsets = new Map<number, number | null>();
  private readonly instants = new Map<number, number>();

  constructor(timeZone: string) {
    this.timeZone = timeZone;
    this.zone = zoneOffsets(timeZone);
  }

  /** Offset from UTC in minutes at an instant. */
  offset(ms: number): number {
    return this.zone.offset(ms);
  }

  /** The clinic-local date (day number) of an instant. */
  localDay(ms: number): number {
    return Math.floor((ms + this.offset(ms) * MINUTE_MS) / DAY_MS);
  }

  /** Milliseconds since local midnight of an instant (its wall-clock reading). */
  localTimeOfDayMs(ms: number): number {
    const local = ms + this.offset(ms) * MINUTE_MS;
    return local - Math.floor(local / DAY_MS) * DAY_MS;
  }

  /** The instant of a wall-clock time (seconds since midnight, up to 86 400) on a local date. */
  instant(day: number, seconds: number): number {
    const local = day * DAY_MS + seconds * 1000;
    const constant = this.constantOffset(day);
    if (constant !== null) return local - constant * MINUTE_MS;
    let known = this.instants.get(local);
    if (known === undefined) {
      known = this.resolve(local);
      this.instants.set(local, known);
    }
    return known;
  }

  /**
   * The offset in force all day (and a day either side of it), or null when it changes: wall
   * times on such a day are resolved one by one. Every instant of a local day lies within 14 h
   * of its wall-clock reading, and offsets change at most once in a few days.
   */
  private constantOffset(day: number): number | null {
    let offset = this.dayOffsets.get(day);
    if (offset === undefined) {
      const start = day * DAY_MS;
      const before = this.offset(start - 15 * HOUR_MS);
      const middle = this.offset(start + 12 * HOUR_MS);
      const after = this.offset(start + DAY_MS + 15 * HOUR_MS);
      offset = before === middle && middle === after ? before : null;
      this.dayOffsets.set(day, offset);
    }
    return offset;
  }

  /** The first instant whose wall-clock reading is at or after `local` (see the file comment). */
  private resolve(local: number): number {
    const candidates = [this.offset(local - DAY_MS), this.offset(local + DAY_MS)];
    let best = Infinity;
    for (const offset of candidates) {
      const ms = local - offset * MINUTE_MS;
      if (this.offset(ms) === offset) best = Math.min(best, ms);
    }
    if (best !== Infinity) return best;
    // In a gap: the change lies between reading `local` on the larger offset (earlier instant,
    // still before the change) and on the smaller one (later instant, already after it).
    let before = local - Math.max(...candidates) * MINUTE_MS;
    let after = local - Math.min(...candidates) * MINUTE_MS;
    const offsetBefore = this.offset(before);
    while (after - before > 1000) {
      const middle = before + Math.floor((after - before) / 2000) * 1000;
      if (this.offset(middle) === offsetBefore) before = middle;
      else after = middle;
    }
    return after;
  }
}

/** One practitioner's schedule, indexed for day-by-day lookups. */
export interface PractitionerWeek {
  /** Merged weekly intervals by ISO weekday (index 1..7). */
  weekly: WallInterval[][];
  /** Overrides by day number. */
  overrides: Map<number, { wholeDayOff: boolean; off: WallInterval[]; extra: WallInterval[] }>;
}

/**
 * A practitioner's working time on one clinic-local date, as wall-clock intervals: the weekly
 * intervals of that weekday, minus `off` overrides (all of them for a whole-day `off`), plus
 * `extra` overrides; merged. Closures are the caller's business (they remove the whole day).
 */
export function wallIntervalsOn(week: PractitionerWeek, day: number): WallInterval[] {
  const weekly = week.weekly[isoWeekday(day)] ?? [];
  const override = week.overrides.get(day);
  if (!override) return weekly;
  let intervals = override.wholeDayOff ? [] : weekly;
  for (const [start, end] of override.off) intervals = subtractInterval(intervals, start, end);
  return mergeIntervals([...intervals, ...override.extra]);
}

/**
 * Wall-clock intervals of one date as instants [start, end) in ms, merged where they touch
 * (two intervals either side of a spring-forward gap meet at the change). Intervals that
 * vanish (wholly inside a gap) are dropped.
 */
export function toInstants(clock: ClinicClock, day: number, intervals: WallInterval[]) {
  const result: [number, number][] = [];
  for (const [open, close] of intervals) {
    const start = clock.instant(day, open);
    const end = clock.instant(day, close);
    if (end <= start) continue;
    const last = result[result.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else result.push([start, end]);
  }
  return result;
}
