import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  availableStarts,
  checkBookable,
  type BookableType,
  type DiarySchedule,
  type OfferedStart,
  type Unbookable,
} from "@/lib/diary/availability";

/**
 * Property-based tests of the availability engine over the four daylight-saving changes of
 * 2026 in Europe/London and America/New_York, checked against an independent oracle:
 *
 * - wall-clock times become instants through a minute-by-minute table of Intl's wall-clock
 *   readings (no luxon): a wall time is the first instant whose reading is at or after it
 *   (docs/diary.md: a time in the spring-forward gap moves forward to the change, a time in
 *   the fall-back overlap is its earlier occurrence);
 * - a day's working time is a bitmap of minutes (weekly hours set, `off` cleared, `extra` set),
 *   not interval arithmetic;
 * - candidates are checked against every busy range one by one.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

const WEEKS = [
  { timeZone: "Europe/London", change: "2026-03-29" },
  { timeZone: "Europe/London", change: "2026-10-25" },
  { timeZone: "America/New_York", change: "2026-03-08" },
  { timeZone: "America/New_York", change: "2026-11-01" },
] as const;

// ---------------------------------------------------------------------------------------------
// The oracle's wall clock: Intl readings, one per minute, over each week (with margins).

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallMinutes(timeZone: string, ms: number): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(ms)) parts[part.type] = Number(part.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!) / MINUTE;
}

interface WallTable {
  timeZone: string;
  firstMs: number;
  /** Running maximum of the wall-clock reading (local minutes since the epoch) per minute. */
  reached: Float64Array;
}
const tables = new Map<string, WallTable>();
function wallTable(timeZone: string, firstDay: number, lastDay: number): WallTable {
  const key = `${timeZone} ${firstDay}`;
  let table = tables.get(key);
  if (!table) {
    const firstMs = (firstDay - 1) * DAY;
    const minutes = (lastDay - firstDay + 3) * 1440;
    const readings = new Float64Array(minutes + 15);
    // Intl is slow (tens of µs a call): read every 15th minute, and every minute of a quarter
    // hour whose ends are not 15 minutes apart on the wall clock (a change inside it).
    for (let i = 0; i <= minutes; i += 15)
      readings[i] = wallMinutes(timeZone, firstMs + i * MINUTE);
    for (let i = 0; i < minutes; i += 15) {
      const linear = readings[i + 15]! - readings[i]! === 15;
      for (let k = 1; k < 15; k++) {
        readings[i + k] = linear
          ? readings[i]! + k
          : wallMinutes(timeZone, firstMs + (i + k) * MINUTE);
      }
    }
    const reached = new Float64Array(minutes);
    let highest = -Infinity;
    for (let i = 0; i < minutes; i++) {
      highest = Math.max(highest, readings[i]!);
      reached[i] = highest;
    }
    table = { timeZone, firstMs, reached };
    tables.set(key, table);
  }
  return table;
}

/** The first instant whose wall-clock reading is at or after `localMinute`. */
function oracleInstant(table: WallTable, localMinute: number): number {
  let low = 0;
  let high = table.reached.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (table.reached[middle]! < localMinute) low = middle + 1;
    else high = middle;
  }
  if (low === 0 || low === table.reached.length) throw new Error("outside the oracle's table");
  return table.firstMs + low * MINUTE;
}

function oracleLocalDay(timeZone: string, ms: number): number {
  return Math.floor(wallMinutes(timeZone, ms) / 1440);
}

// ---------------------------------------------------------------------------------------------
// Random clinics.

const dayOf = (date: string) =>
  Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY;
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

function wallString(minutes: number, withSeconds: boolean) {
  const text = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  return withSeconds ? `${text}:00` : text;
}

/** A wall-clock interval in minutes, often in the small hours where the clocks change. */
const wallInterval = fc
  .tuple(
    fc.oneof(
      fc.integer({ min: 0, max: 48 }).map((n) => n * 5), // 00:00-04:00
      fc.integer({ min: 0, max: 287 }).map((n) => n * 5),
    ),
    fc.integer({ min: 1, max: 144 }).map((n) => n * 5),
    fc.boolean(),
  )
  .map(([opens, length, withSeconds]) => {
    const closes = Math.min(1440, opens + length);
    return { opens, closes: closes > opens ? closes : opens + 5, withSeconds };
  })
  .filter(({ closes }) => closes <= 1440);

const PRACTITIONERS = ["p1", "p2", "p3"];
const RESOURCES = ["r1", "r2"];

const scenario = fc
  .record({
    week: fc.constantFrom(...WEEKS),
    grid: fc.constantFrom(15, 15, 15, 5, 10, 30),
    weekly: fc.array(
      fc.record({
        practitionerId: fc.constantFrom(...PRACTITIONERS),
        weekday: fc.oneof(fc.constant(7), fc.integer({ min: 1, max: 7 })),
        interval: wallInterval,
      }),
      { minLength: 2, maxLength: 24 },
    ),
    overrides: fc.array(
      fc.record({
        practitionerId: fc.constantFrom(...PRACTITIONERS),
        dayOffset: fc.integer({ min: -4, max: 3 }),
        kind: fc.constantFrom("off", "extra"),
        wholeDay: fc.boolean(),
        interval: wallInterval,
      }),
      { maxLength: 5 },
    ),
    closures: fc.array(
      fc.record({
        dayOffset: fc.integer({ min: -4, max: 3 }),
        days: fc.integer({ min: 0, max: 2 }),
      }),
      { maxLength: 2 },
    ),
    busy: fc.array(
      fc.record({
        owner: fc.constantFrom("practitioner", "resource", "both"),
        practitionerId: fc.constantFrom(...PRACTITIONERS),
        resourceId: fc.constantFrom(...RESOURCES),
        // A day of the week, then a time like the working hours' (often the small hours).
        startMinute: fc
          .tuple(
            fc.integer({ min: 0, max: 7 }),
            fc.oneof(
              fc.integer({ min: 0, max: 60 }).map((n) => n * 5),
              fc.integer({ min: 0, max: 287 }).map((n) => n * 5),
            ),
          )
          .map(([day, minute]) => day * 1440 + minute),
        length: fc.integer({ min: 1, max: 48 }).map((n) => n * 5),
      }),
      { maxLength: 30 },
    ),
    type: fc.record({
      durationMinutes: fc.oneof(
        fc.integer({ min: 1, max: 24 }).map((n) => n * 5),
        fc.integer({ min: 1, max: 90 }),
      ),
      bufferBeforeMinutes: fc.constantFrom(0, 0, 5, 10, 15, 7),
      bufferAfterMinutes: fc.constantFrom(0, 0, 5, 10, 15, 20),
      resourceId: fc.constantFrom(null, ...RESOURCES),
      practitionerIds: fc.subarray(PRACTITIONERS, { minLength: 1 }),
    }),
    nowMinute: fc.integer({ min: -2 * 1440, max: 2 * 1440 }),
    minNoticeMinutes: fc.constantFrom(0, 0, 30, 60, 240, 1440),
    horizonDays: fc.integer({ min: 1, max: 10 }),
    fromMinute: fc.integer({ min: 0, max: 2 * 288 }).map((n) => n * 5),
    lengthMinutes: fc.oneof(
      fc.integer({ min: 1, max: 8 * 96 }).map((n) => n * 15),
      fc.constant(8 * 1440),
      fc.constant(8 * 1440),
    ),
    askFor: fc.option(fc.subarray(PRACTITIONERS), { nil: undefined }),
  })
  .map((drawn) => {
    const changeDay = dayOf(drawn.week.change);
    const firstDay = changeDay - 4;
    const lastDay = changeDay + 3;
    const windowStart = firstDay * DAY; // about local midnight (within a few hours)
    const clamp = (ms: number) => Math.min(Math.max(ms, windowStart), (lastDay + 1) * DAY);
    const schedule: DiarySchedule = {
      timeZone: drawn.week.timeZone,
      now: new Date(windowStart + drawn.nowMinute * MINUTE),
      minNoticeMinutes: drawn.minNoticeMinutes,
      horizonDays: drawn.horizonDays,
      gridMinutes: drawn.grid,
      weeklyHours: drawn.weekly.map(({ practitionerId, weekday, interval }) => ({
        practitionerId,
        weekday,
        opens: wallString(interval.opens, interval.withSeconds),
        closes: wallString(interval.closes, interval.withSeconds),
      })),
      overrides: drawn.overrides.map((override) => {
        const whole = override.kind === "off" && override.wholeDay;
        return {
          practitionerId: override.practitionerId,
          date: dateOf(changeDay + override.dayOffset),
          kind: override.kind,
          opens: whole ? null : wallString(override.interval.opens, false),
          closes: whole ? null : wallString(override.interval.closes, false),
        };
      }),
      closures: drawn.closures.map(({ dayOffset, days }) => ({
        startsOn: dateOf(changeDay + dayOffset),
        endsOn: dateOf(changeDay + dayOffset + days),
      })),
      busy: drawn.busy.map((busy) => ({
        practitionerId: busy.owner === "resource" ? null : busy.practitionerId,
        resourceId: busy.owner === "practitioner" ? null : busy.resourceId,
        start: new Date(windowStart + busy.startMinute * MINUTE),
        end: new Date(windowStart + (busy.startMinute + busy.length) * MINUTE),
      })),
    };
    const type: BookableType = { id: "type", ...drawn.type };
    const from = clamp(windowStart + drawn.fromMinute * MINUTE);
    const to = clamp(from + drawn.lengthMinutes * MINUTE);
    return {
      schedule,
      type,
      range: { from: new Date(from), to: new Date(to), practitionerIds: drawn.askFor },
      firstDay,
      lastDay,
    };
  });

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

// ---------------------------------------------------------------------------------------------
// The oracle.

function oracle(s: Scenario) {
  const { schedule, type } = s;
  const table = wallTable(schedule.timeZone, s.firstDay - 2, s.lastDay + 2);
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const closed = (day: number) =>
    schedule.closures.some(
      ({ startsOn, endsOn }) => day >= dayOf(startsOn) && day <= dayOf(endsOn),
    );

  function intervalsOn(practitionerId: string, day: number): [number, number][] {
    if (closed(day)) return [];
    const working = new Uint8Array(1440);
    const set = (opens: string, closes: string, value: 0 | 1) =>
      working.fill(value, minutes(opens), minutes(closes));
    const weekday = new Date(day * DAY).getUTCDay() || 7;
    for (const hours of schedule.weeklyHours) {
      if (hours.practitionerId === practitionerId && hours.weekday === weekday) {
        set(hours.opens, hours.closes, 1);
      }
    }
    const mine = schedule.overrides.filter(
      (o) => o.practitionerId === practitionerId && dayOf(o.date) === day,
    );
    for (const o of mine) {
      if (o.kind === "off") {
        if (o.opens === null || o.closes === null) working.fill(0);
        else set(o.opens, o.closes, 0);
      }
    }
    for (const o of mine) if (o.kind === "extra") set(o.opens!, o.closes!, 1);
    const result: [number, number][] = [];
    for (let minute = 0; minute < 1440; minute++) {
      if (!working[minute] || (minute > 0 && working[minute - 1])) continue;
      let end = minute;
      while (end < 1440 && working[end]) end++;
      const start = oracleInstant(table, day * 1440 + minute);
      const stop = oracleInstant(table, day * 1440 + end);
      if (stop <= start) continue;
      const last = result[result.length - 1];
      if (last && start <= last[1]) last[1] = Math.max(last[1], stop);
      else result.push([start, stop]);
    }
    return result;
  }

  const known = new Map<string, [number, number][]>();
  function intervals(practitionerId: string) {
    let all = known.get(practitionerId);
    if (!all) {
      all = [];
      for (let day = s.firstDay - 1; day <= s.lastDay + 1; day++) {
        all.push(...intervalsOn(practitionerId, day));
      }
      known.set(practitionerId, all);
    }
    return all;
  }

  const now = schedule.now.getTime();
  const earliest = now + schedule.minNoticeMinutes * MINUTE;
  const latest = now + schedule.horizonDays * DAY;
  const before = type.bufferBeforeMinutes * MINUTE;
  const length = type.durationMinutes * MINUTE;
  const after = type.bufferAfterMinutes * MINUTE;
  const occupied = (start: number) => [start - before, start + length + after] as const;
  const overlapsAny = (start: number, belongs: (b: DiarySchedule["busy"][number]) => boolean) => {
    const [a, b] = occupied(start);
    return schedule.busy.some(
      (busy) => belongs(busy) && busy.start.getTime() < b && a < busy.end.getTime(),
    );
  };
  const ownBusy = (practitionerId: string) => (b: DiarySchedule["busy"][number]) =>
    b.practitionerId === practitionerId;
  const resourceBusy = (b: DiarySchedule["busy"][number]) =>
    type.resourceId !== null && b.resourceId === type.resourceId;

  function expectedStarts(): OfferedStart[] {
    const grid = (schedule.gridMinutes ?? 15) * MINUTE;
    const asked = s.range.practitionerIds;
    const result: OfferedStart[] = [];
    for (const practitionerId of new Set(type.practitionerIds)) {
      if (asked && !asked.includes(practitionerId)) continue;
      for (const [open, close] of intervals(practitionerId)) {
        for (let start = open + before; start + length + after <= close; start += grid) {
          if (start < s.range.from.getTime() || start >= s.range.to.getTime()) continue;
          if (start < now || start < earliest || start > latest) continue;
          if (overlapsAny(start, ownBusy(practitionerId)) || overlapsAny(start, resourceBusy))
            continue;
          result.push({ practitionerId, start: new Date(start), end: new Date(start + length) });
        }
      }
    }
    return result.sort(
      (a, b) =>
        a.start.getTime() - b.start.getTime() || (a.practitionerId < b.practitionerId ? -1 : 1),
    );
  }

  function reason(practitionerId: string, start: number): Unbookable | null {
    if (!type.practitionerIds.includes(practitionerId)) return "not_performed";
    if (start < now) return "in_past";
    if (start < earliest) return "too_soon";
    if (start > latest) return "beyond_horizon";
    const [a, b] = occupied(start);
    if (
      closed(oracleLocalDay(schedule.timeZone, start)) ||
      closed(oracleLocalDay(schedule.timeZone, a))
    ) {
      return "closed";
    }
    if (!intervals(practitionerId).some(([open, close]) => open <= a && b <= close))
      return "outside_hours";
    if (overlapsAny(start, ownBusy(practitionerId))) return "overlap";
    if (overlapsAny(start, resourceBusy)) return "resource_taken";
    return null;
  }

  return { intervals, expectedStarts, reason, occupied, closed };
}

const show = (starts: OfferedStart[]) =>
  starts.map((s) => `${s.practitionerId} ${s.start.toISOString()}-${s.end.toISOString()}`);

// 150 runs per property keep this file to a few seconds; FC_RUNS=5000 for a longer hunt.
const RUNS = Number(process.env.FC_RUNS ?? 150);

describe("availableStarts across daylight-saving weeks (property-based)", () => {
  it("offers only starts that fit working hours, avoid busy ranges and closures, within notice and horizon", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { schedule, type } = s;
        const check = oracle(s);
        const offered = availableStarts(schedule, type, s.range);
        const now = schedule.now.getTime();
        const broken: string[] = [];
        const fail = (start: OfferedStart, rule: string) =>
          broken.push(`${start.practitionerId} ${start.start.toISOString()}: ${rule}`);
        for (const start of offered) {
          const ms = start.start.getTime();
          const [a, b] = check.occupied(ms);
          if (start.end.getTime() - ms !== type.durationMinutes * MINUTE) fail(start, "length");
          if (!type.practitionerIds.includes(start.practitionerId)) fail(start, "performer");
          // (a) no busy range of the practitioner or of the type's resource overlaps.
          for (const busy of schedule.busy) {
            const mine =
              busy.practitionerId === start.practitionerId ||
              (type.resourceId !== null && busy.resourceId === type.resourceId);
            if (mine && busy.start.getTime() < b && a < busy.end.getTime()) fail(start, "busy");
          }
          // (b) the occupied range lies inside one working interval (the oracle's).
          const intervals = check.intervals(start.practitionerId);
          if (!intervals.some(([open, close]) => open <= a && b <= close)) fail(start, "hours");
          // (c) never on a clinic-local closure day.
          if (check.closed(oracleLocalDay(schedule.timeZone, ms))) fail(start, "closure");
          // (d) notice and horizon, and the asked range.
          if (ms < now + schedule.minNoticeMinutes * MINUTE) fail(start, "notice");
          if (ms > now + schedule.horizonDays * DAY) fail(start, "horizon");
          if (ms < s.range.from.getTime() || ms >= s.range.to.getTime()) fail(start, "range");
          // (e) checkBookable agrees.
          const answer = checkBookable(schedule, type, {
            practitionerId: start.practitionerId,
            start: start.start,
          });
          if (!answer.ok) fail(start, `checkBookable: ${answer.reason}`);
        }
        expect(broken).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("offers every grid start that satisfies all the rules, and nothing else, in order", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const expected = oracle(s).expectedStarts();
        expect(show(availableStarts(s.schedule, s.type, s.range))).toEqual(show(expected));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("availableStarts reacts to busy ranges at the edges of the occupied range", () => {
  it("a busy range meeting an offered start's buffers at their edge leaves it; one minute more takes it", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), fc.boolean(), fc.boolean(), (s, pick, onResource, atEnd) => {
        const { schedule, type } = s;
        const offered = availableStarts(schedule, type, s.range);
        fc.pre(offered.length > 0);
        const chosen = offered[pick % offered.length]!;
        const ms = chosen.start.getTime();
        const occupiedStart = ms - type.bufferBeforeMinutes * MINUTE;
        const occupiedEnd = ms + (type.durationMinutes + type.bufferAfterMinutes) * MINUTE;
        const owner =
          onResource && type.resourceId !== null
            ? { practitionerId: null, resourceId: type.resourceId }
            : { practitionerId: chosen.practitionerId, resourceId: null };
        const withBusy = (start: number, end: number) => ({
          ...schedule,
          busy: [...schedule.busy, { ...owner, start: new Date(start), end: new Date(end) }],
        });
        const offers = (changed: DiarySchedule) =>
          availableStarts(changed, type, s.range).some(
            (o) => o.practitionerId === chosen.practitionerId && o.start.getTime() === ms,
          );
        const [touching, overlapping] = atEnd
          ? [
              withBusy(occupiedEnd, occupiedEnd + 60 * MINUTE),
              withBusy(occupiedEnd - MINUTE, occupiedEnd + 60 * MINUTE),
            ]
          : [
              withBusy(occupiedStart - 60 * MINUTE, occupiedStart),
              withBusy(occupiedStart - 60 * MINUTE, occupiedStart + MINUTE),
            ];
        expect(offers(touching)).toBe(true);
        expect(offers(overlapping)).toBe(false);
        const reason = onResource && type.resourceId !== null ? "resource_taken" : "overlap";
        expect(
          checkBookable(overlapping, type, {
            practitionerId: chosen.practitionerId,
            start: chosen.start,
          }),
        ).toEqual({
          ok: false,
          reason,
        });
      }),
      { numRuns: RUNS },
    );
  });
});

describe("checkBookable across daylight-saving weeks (property-based)", () => {
  it("refuses a start whose occupied range overlaps a busy range of the practitioner or the resource", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), fc.integer({ min: -30, max: 30 }), (s, pick, shift) => {
        const { schedule, type } = s;
        const relevant = schedule.busy.filter(
          (b) =>
            (b.practitionerId !== null && type.practitionerIds.includes(b.practitionerId)) ||
            (type.resourceId !== null && b.resourceId === type.resourceId),
        );
        fc.pre(relevant.length > 0);
        const busy = relevant[pick % relevant.length]!;
        const practitionerId =
          busy.practitionerId !== null && type.practitionerIds.includes(busy.practitionerId)
            ? busy.practitionerId
            : type.practitionerIds[pick % type.practitionerIds.length]!;
        // A start whose occupied range certainly meets the busy range.
        const span = busy.end.getTime() - busy.start.getTime();
        const start = new Date(
          busy.start.getTime() +
            Math.max(1 - type.durationMinutes, Math.min(shift, span / MINUTE - 1)) * MINUTE,
        );
        const answer = checkBookable(schedule, type, { practitionerId, start });
        expect(answer.ok).toBe(false);
        // With that busy range ignored, the answer is the oracle's without it.
        const without = {
          ...s,
          schedule: { ...schedule, busy: schedule.busy.filter((b) => b !== busy) },
        };
        const ignoring = checkBookable(schedule, type, {
          practitionerId,
          start,
          ignoreBusy: (b) => b === busy,
        });
        const expected = oracle(without).reason(practitionerId, start.getTime());
        expect(ignoring).toEqual(
          expected === null ? { ok: true } : { ok: false, reason: expected },
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("answers like the oracle for any start (no grid), with the first rule broken as the reason", () => {
    fc.assert(
      fc.property(
        scenario,
        fc.constantFrom(...PRACTITIONERS),
        fc.integer({ min: 0, max: 8.5 * 1440 }),
        (s, practitionerId, minute) => {
          // Anywhere from half a day before the week to half a day after it.
          const start = s.firstDay * DAY - 720 * MINUTE + minute * MINUTE;
          const expected = oracle(s).reason(practitionerId, start);
          expect(
            checkBookable(s.schedule, s.type, { practitionerId, start: new Date(start) }),
          ).toEqual(expected === null ? { ok: true } : { ok: false, reason: expected });
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });
});
