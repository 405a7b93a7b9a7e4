import {
  ClinicClock,
  DAY_MS,
  mergeIntervals,
  parseLocalDate,
  parseWallTime,
  toInstants,
  wallIntervalsOn,
  type PractitionerWeek,
  type WallInterval,
} from "./working-time";

/**
 * The availability engine: which starts can be offered or booked, computed from a clinic's
 * schedules, closures and busy ranges. Pure (data in, starts out); the caller loads the data
 * (lib/diary/load.ts) and turns answers into offers, holds and appointments. The rules are in
 * docs/diary.md ("Working time and availability"); wall-clock conversion in ./working-time.ts.
 */

export interface DiarySchedule {
  /** IANA time zone of the clinic. */
  timeZone: string;
  now: Date;
  minNoticeMinutes: number;
  horizonDays: number;
  /** Default 15; starts are on this grid counted from the working interval's start. */
  gridMinutes?: number;
  /** ISO weekday 1..7, "HH:MM" or "HH:MM:SS" clinic-local wall clock. */
  weeklyHours: { practitionerId: string; weekday: number; opens: string; closes: string }[];
  /** `date` is "YYYY-MM-DD", clinic-local. */
  overrides: {
    practitionerId: string;
    date: string;
    kind: "off" | "extra";
    opens: string | null;
    closes: string | null;
  }[];
  /** Inclusive clinic-local dates. */
  closures: { startsOn: string; endsOn: string }[];
  /** Occupied ranges (buffers included) of live holds, appointments and blocks. */
  busy: { practitionerId: string | null; resourceId: string | null; start: Date; end: Date }[];
}

export interface BookableType {
  id: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  resourceId: string | null;
  /** Active practitioners who perform it. */
  practitionerIds: string[];
}

/** `end` = start + duration (buffers not included). */
export interface OfferedStart {
  practitionerId: string;
  start: Date;
  end: Date;
}

export type Unbookable =
  | "not_performed"
  | "closed"
  | "outside_hours"
  | "overlap"
  | "resource_taken"
  | "too_soon"
  | "beyond_horizon"
  | "in_past";

type Busy = DiarySchedule["busy"][number];

const MINUTE_MS = 60_000;

/** Disjoint, sorted busy ranges: starts[i] < ends[i] <= starts[i + 1]. */
interface BusyIndex {
  starts: Float64Array;
  ends: Float64Array;
}

/** Everything that does not depend on the practitioner or the candidate, prepared once. */
class Prepared {
  readonly clock: ClinicClock;
  readonly now: number;
  readonly earliest: number;
  readonly latest: number;
  readonly gridMs: number;
  private readonly closedDays: [number, number][];
  private readonly weeks = new Map<string, PractitionerWeek>();
  private readonly schedule: DiarySchedule;

  constructor(schedule: DiarySchedule) {
    this.schedule = schedule;
    this.clock = new ClinicClock(schedule.timeZone);
    this.now = instantMs(schedule.now, "now");
    if (!(schedule.minNoticeMinutes >= 0) || !(schedule.horizonDays >= 0)) {
      throw new RangeError("Minimum notice and horizon must be zero or more.");
    }
    this.earliest = this.now + schedule.minNoticeMinutes * MINUTE_MS;
    this.latest = this.now + schedule.horizonDays * DAY_MS;
    const grid = schedule.gridMinutes ?? 15;
    if (!Number.isInteger(grid) || grid < 1 || grid > 1440) {
      throw new RangeError(`Invalid grid of ${grid} minutes: expected a whole number 1..1440.`);
    }
    this.gridMs = grid * MINUTE_MS;
    this.closedDays = schedule.closures.map((closure) => {
      const first = parseLocalDate(closure.startsOn, "a closure");
      const last = parseLocalDate(closure.endsOn, "a closure");
      if (last < first) throw new RangeError("A closure ends before it starts.");
      return [first, last];
    });
  }

  isClosed(day: number): boolean {
    return this.closedDays.some(([first, last]) => day >= first && day <= last);
  }

  /** A practitioner's weekly hours and overrides, indexed (once per request). */
  week(practitionerId: string): PractitionerWeek {
    let week = this.weeks.get(practitionerId);
    if (week) return week;
    const weekly: WallInterval[][] = Array.from({ length: 8 }, () => []);
    for (const hours of this.schedule.weeklyHours) {
      if (hours.practitionerId !== practitionerId) continue;
      if (!Number.isInteger(hours.weekday) || hours.weekday < 1 || hours.weekday > 7) {
        throw new RangeError(`Invalid weekday ${hours.weekday}: expected 1 (Monday) … 7.`);
      }
      weekly[hours.weekday]!.push(wallInterval(hours.opens, hours.closes, "weekly hours"));
    }
    week = { weekly: weekly.map(mergeIntervals), overrides: new Map() };
    for (const override of this.schedule.overrides) {
      if (override.practitionerId !== practitionerId) continue;
      const day = parseLocalDate(override.date, "a schedule override");
      let entry = week.overrides.get(day);
      if (!entry) week.overrides.set(day, (entry = { wholeDayOff: false, off: [], extra: [] }));
      if (override.opens === null || override.closes === null) {
        if (override.opens !== override.closes) {
          throw new RangeError("An override needs both its opening and closing times, or neither.");
        }
        if (override.kind === "extra") {
          throw new RangeError("Extra hours need their opening and closing times.");
        }
        entry.wholeDayOff = true;
      } else {
        const interval = wallInterval(override.opens, override.closes, "a schedule override");
        (override.kind === "off" ? entry.off : entry.extra).push(interval);
      }
    }
    this.weeks.set(practitionerId, week);
    return week;
  }

  /**
   * A practitioner's working intervals (ms instants) on the local dates `firstDay..lastDay`,
   * in order; none on closure days.
   */
  intervals(practitionerId: string, firstDay: number, lastDay: number): [number, number][] {
    const week = this.week(practitionerId);
    const result: [number, number][] = [];
    for (let day = firstDay; day <= lastDay; day++) {
      if (this.isClosed(day)) continue;
      const wall = wallIntervalsOn(week, day);
      if (wall.length) result.push(...toInstants(this.clock, day, wall));
    }
    return result;
  }

  /** Local dates whose working time can touch [from, to). */
  days(from: number, to: number): [number, number] {
    return [this.clock.localDay(from) - 1, this.clock.localDay(Math.max(from, to - 1)) + 1];
  }
}

function instantMs(value: Date, what: string): number {
  const ms = value instanceof Date ? value.getTime() : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Invalid instant for ${what}.`);
  return ms;
}

function wallInterval(opens: string, closes: string, what: string): WallInterval {
  const start = parseWallTime(opens, what);
  const end = parseWallTime(closes, what, true);
  if (end <= start) {
    throw new RangeError(`In ${what}, ${closes} is not after ${opens}.`);
  }
  return [start, end];
}

function checkType(type: BookableType) {
  const whole = (value: number, min: number) => Number.isInteger(value) && value >= min;
  if (
    !whole(type.durationMinutes, 1) ||
    !whole(type.bufferBeforeMinutes, 0) ||
    !whole(type.bufferAfterMinutes, 0)
  ) {
    throw new RangeError(
      `Appointment type ${type.id}: duration must be a whole number of minutes above zero, buffers zero or more.`,
    );
  }
}

/** Merged busy ranges of the entries `belongs` picks, for fast overlap tests. */
function busyIndex(busy: Busy[], belongs: (entry: Busy) => boolean): BusyIndex {
  const ranges: [number, number][] = [];
  for (const entry of busy) {
    if (!belongs(entry)) continue;
    const start = instantMs(entry.start, "a busy range");
    const end = instantMs(entry.end, "a busy range");
    if (end > start) ranges.push([start, end]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [start, end] of ranges) {
    const last = ends.length - 1;
    if (last >= 0 && start <= ends[last]!) ends[last] = Math.max(ends[last]!, end);
    else {
      starts.push(start);
      ends.push(end);
    }
  }
  return { starts: Float64Array.from(starts), ends: Float64Array.from(ends) };
}

/** The end of the busy range overlapping [start, end), or -1 when none does. */
function conflictEnd(index: BusyIndex, start: number, end: number): number {
  // First range ending after `start` (ends are sorted because the ranges are disjoint).
  let low = 0;
  let high = index.ends.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (index.ends[middle]! <= start) low = middle + 1;
    else high = middle;
  }
  return low < index.starts.length && index.starts[low]! < end ? index.ends[low]! : -1;
}

/**
 * A practitioner's working time inside [from, to): the weekly intervals of each clinic-local
 * date, minus `off` overrides, plus `extra` ones, none on closure days; as instants, in order,
 * cut to the range.
 */
export function workingIntervals(
  schedule: DiarySchedule,
  practitionerId: string,
  from: Date,
  to: Date,
): { start: Date; end: Date }[] {
  const prepared = new Prepared(schedule);
  const fromMs = instantMs(from, "from");
  const toMs = instantMs(to, "to");
  if (toMs <= fromMs) return [];
  const [firstDay, lastDay] = prepared.days(fromMs, toMs);
  const result: { start: Date; end: Date }[] = [];
  for (const [start, end] of prepared.intervals(practitionerId, firstDay, lastDay)) {
    const cutStart = Math.max(start, fromMs);
    const cutEnd = Math.min(end, toMs);
    if (cutEnd > cutStart) result.push({ start: new Date(cutStart), end: new Date(cutEnd) });
  }
  return result;
}

/**
 * Every start in [from, to) at which `type` can be booked: on the grid of a working interval,
 * its occupied range (buffers included) inside that interval and free for the practitioner and
 * the type's resource, within notice and horizon. Sorted by start, then practitioner id.
 */
export function availableStarts(
  schedule: DiarySchedule,
  type: BookableType,
  range: { from: Date; to: Date; practitionerIds?: string[] },
): OfferedStart[] {
  checkType(type);
  const prepared = new Prepared(schedule);
  const fromMs = instantMs(range.from, "from");
  const toMs = instantMs(range.to, "to");
  const asked = range.practitionerIds ? new Set(range.practitionerIds) : null;
  const practitioners = [...new Set(type.practitionerIds)]
    .filter((id) => !asked || asked.has(id))
    .sort(compareIds);
  // Starts allowed by the range, the notice and the horizon.
  const lowest = Math.max(fromMs, prepared.earliest, prepared.now);
  const highest = Math.min(toMs - 1, prepared.latest);
  if (highest < lowest || practitioners.length === 0) return [];

  const before = type.bufferBeforeMinutes * MINUTE_MS;
  const length = type.durationMinutes * MINUTE_MS;
  const after = type.bufferAfterMinutes * MINUTE_MS;
  const grid = prepared.gridMs;
  const [firstDay, lastDay] = prepared.days(lowest, highest + 1);
  const resourceBusy =
    type.resourceId === null
      ? null
      : busyIndex(schedule.busy, (entry) => entry.resourceId === type.resourceId);
  const wanted = new Set(practitioners);
  const byPractitioner = new Map<string, Busy[]>();
  for (const entry of schedule.busy) {
    if (entry.practitionerId === null || !wanted.has(entry.practitionerId)) continue;
    let list = byPractitioner.get(entry.practitionerId);
    if (!list) byPractitioner.set(entry.practitionerId, (list = []));
    list.push(entry);
  }

  const found: { ms: number; practitioner: number }[] = [];
  practitioners.forEach((practitionerId, practitioner) => {
    const own = busyIndex(byPractitioner.get(practitionerId) ?? [], () => true);
    for (const [open, close] of prepared.intervals(practitionerId, firstDay, lastDay)) {
      const first = open + before;
      const last = Math.min(close - length - after, highest);
      // First grid point at or after the lowest allowed start.
      let start = first >= lowest ? first : first + Math.ceil((lowest - first) / grid) * grid;
      while (start <= last) {
        const occupiedStart = start - before;
        const occupiedEnd = start + length + after;
        let blockedUntil = conflictEnd(own, occupiedStart, occupiedEnd);
        if (resourceBusy) {
          blockedUntil = Math.max(
            blockedUntil,
            conflictEnd(resourceBusy, occupiedStart, occupiedEnd),
          );
        }
        if (blockedUntil < 0) {
          found.push({ ms: start, practitioner });
          start += grid;
        } else {
          // Skip to the first grid point whose occupied range starts once the conflict ends.
          start = first + Math.max(1, Math.ceil((blockedUntil + before - first) / grid)) * grid;
        }
      }
    }
  });
  found.sort((a, b) => a.ms - b.ms || a.practitioner - b.practitioner);
  return found.map(({ ms, practitioner }) => ({
    practitionerId: practitioners[practitioner]!,
    start: new Date(ms),
    end: new Date(ms + length),
  }));
}

function compareIds(a: string, b: string) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether `type` can be booked with a practitioner at an exact start (staff bookings and
 * moves: no grid). The first rule broken, in this order: not performed, in the past, too soon,
 * beyond the horizon, on a closure day, outside working hours, overlapping the practitioner's
 * time, the resource taken. `ignoreBusy` leaves out busy ranges (the appointment being moved).
 */
export function checkBookable(
  schedule: DiarySchedule,
  type: BookableType,
  at: { practitionerId: string; start: Date; ignoreBusy?: (b: Busy) => boolean },
): { ok: true } | { ok: false; reason: Unbookable } {
  checkType(type);
  const prepared = new Prepared(schedule);
  const start = instantMs(at.start, "start");
  if (!type.practitionerIds.includes(at.practitionerId)) return refuse("not_performed");
  if (start < prepared.now) return refuse("in_past");
  if (start < prepared.earliest) return refuse("too_soon");
  if (start > prepared.latest) return refuse("beyond_horizon");

  const occupiedStart = start - type.bufferBeforeMinutes * MINUTE_MS;
  const occupiedEnd = start + (type.durationMinutes + type.bufferAfterMinutes) * MINUTE_MS;
  const { clock } = prepared;
  if (
    prepared.isClosed(clock.localDay(start)) ||
    prepared.isClosed(clock.localDay(occupiedStart))
  ) {
    return refuse("closed");
  }
  const [firstDay, lastDay] = prepared.days(occupiedStart, occupiedEnd);
  const inside = prepared
    .intervals(at.practitionerId, firstDay, lastDay)
    .some(([open, close]) => open <= occupiedStart && occupiedEnd <= close);
  if (!inside) return refuse("outside_hours");

  const counts = (entry: Busy) => !at.ignoreBusy?.(entry);
  const overlaps = (entry: Busy) =>
    instantMs(entry.start, "a busy range") < occupiedEnd &&
    occupiedStart < instantMs(entry.end, "a busy range");
  if (
    schedule.busy.some((b) => b.practitionerId === at.practitionerId && counts(b) && overlaps(b))
  ) {
    return refuse("overlap");
  }
  if (
    type.resourceId !== null &&
    schedule.busy.some((b) => b.resourceId === type.resourceId && counts(b) && overlaps(b))
  ) {
    return refuse("resource_taken");
  }
  return { ok: true };
}

function refuse(reason: Unbookable): { ok: false; reason: Unbookable } {
  return { ok: false, reason };
}
