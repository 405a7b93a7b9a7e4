// TEMPORARY stand-in for engineer B's availability engine (same interface as the contract);
// replaced by B's implementation when wt-b is merged.
import { DateTime } from "luxon";

export interface DiarySchedule {
  timeZone: string;
  now: Date;
  minNoticeMinutes: number;
  horizonDays: number;
  gridMinutes?: number;
  weeklyHours: { practitionerId: string; weekday: number; opens: string; closes: string }[];
  overrides: {
    practitionerId: string;
    date: string;
    kind: "off" | "extra";
    opens: string | null;
    closes: string | null;
  }[];
  closures: { startsOn: string; endsOn: string }[];
  busy: { practitionerId: string | null; resourceId: string | null; start: Date; end: Date }[];
}
export interface BookableType {
  id: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  resourceId: string | null;
  practitionerIds: string[];
}
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

const MIN = 60_000;

function at(date: string, time: string, zone: string): Date {
  const [h, m, s] = time.split(":").map(Number);
  return DateTime.fromISO(date, { zone })
    .set({ hour: h, minute: m, second: s ?? 0, millisecond: 0 })
    .toJSDate();
}

function subtract(list: { start: Date; end: Date }[], cut: { start: Date; end: Date }) {
  return list.flatMap((i) => {
    if (cut.end <= i.start || cut.start >= i.end) return [i];
    const out = [];
    if (cut.start > i.start) out.push({ start: i.start, end: cut.start });
    if (cut.end < i.end) out.push({ start: cut.end, end: i.end });
    return out;
  });
}

export function workingIntervals(
  schedule: DiarySchedule,
  practitionerId: string,
  from: Date,
  to: Date,
): { start: Date; end: Date }[] {
  const zone = schedule.timeZone;
  const out: { start: Date; end: Date }[] = [];
  let day = DateTime.fromJSDate(from, { zone }).startOf("day").minus({ days: 1 });
  const last = DateTime.fromJSDate(to, { zone }).startOf("day").plus({ days: 1 });
  while (day <= last) {
    const date = day.toISODate()!;
    day = day.plus({ days: 1 });
    if (schedule.closures.some((c) => c.startsOn <= date && date <= c.endsOn)) continue;
    const weekday = DateTime.fromISO(date, { zone }).weekday;
    const overrides = schedule.overrides.filter(
      (o) => o.practitionerId === practitionerId && o.date === date,
    );
    let list = schedule.weeklyHours
      .filter((h) => h.practitionerId === practitionerId && h.weekday === weekday)
      .map((h) => ({ start: at(date, h.opens, zone), end: at(date, h.closes, zone) }));
    for (const o of overrides.filter((o) => o.kind === "off")) {
      if (!o.opens || !o.closes) list = [];
      else list = subtract(list, { start: at(date, o.opens, zone), end: at(date, o.closes, zone) });
    }
    for (const o of overrides.filter((o) => o.kind === "extra" && o.opens && o.closes))
      list.push({ start: at(date, o.opens!, zone), end: at(date, o.closes!, zone) });
    for (const i of list) if (i.end > from && i.start < to && i.end > i.start) out.push(i);
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}

function occupied(type: BookableType, start: Date) {
  return {
    start: new Date(start.getTime() - type.bufferBeforeMinutes * MIN),
    end: new Date(start.getTime() + (type.durationMinutes + type.bufferAfterMinutes) * MIN),
  };
}

export function checkBookable(
  schedule: DiarySchedule,
  type: BookableType,
  request: {
    practitionerId: string;
    start: Date;
    ignoreBusy?: (b: DiarySchedule["busy"][number]) => boolean;
  },
): { ok: true } | { ok: false; reason: Unbookable } {
  const { practitionerId, start } = request;
  if (!type.practitionerIds.includes(practitionerId)) return { ok: false, reason: "not_performed" };
  if (start <= schedule.now) return { ok: false, reason: "in_past" };
  if (start.getTime() < schedule.now.getTime() + schedule.minNoticeMinutes * MIN)
    return { ok: false, reason: "too_soon" };
  if (start.getTime() > schedule.now.getTime() + schedule.horizonDays * 1440 * MIN)
    return { ok: false, reason: "beyond_horizon" };
  const date = DateTime.fromJSDate(start, { zone: schedule.timeZone }).toISODate()!;
  if (schedule.closures.some((c) => c.startsOn <= date && date <= c.endsOn))
    return { ok: false, reason: "closed" };
  const range = occupied(type, start);
  const inside = workingIntervals(schedule, practitionerId, range.start, range.end).some(
    (i) => i.start <= range.start && range.end <= i.end,
  );
  if (!inside) return { ok: false, reason: "outside_hours" };
  for (const busy of schedule.busy) {
    if (request.ignoreBusy?.(busy)) continue;
    if (busy.end <= range.start || busy.start >= range.end) continue;
    if (busy.practitionerId === practitionerId) return { ok: false, reason: "overlap" };
    if (type.resourceId && busy.resourceId === type.resourceId)
      return { ok: false, reason: "resource_taken" };
  }
  return { ok: true };
}

export function availableStarts(
  schedule: DiarySchedule,
  type: BookableType,
  range: { from: Date; to: Date; practitionerIds?: string[] },
): OfferedStart[] {
  const grid = (schedule.gridMinutes ?? 15) * MIN;
  const out: OfferedStart[] = [];
  const ids = type.practitionerIds.filter(
    (id) => !range.practitionerIds || range.practitionerIds.includes(id),
  );
  for (const practitionerId of ids) {
    for (const interval of workingIntervals(schedule, practitionerId, range.from, range.to)) {
      for (let t = interval.start.getTime(); t < interval.end.getTime(); t += grid) {
        const start = new Date(t);
        if (start < range.from || start >= range.to) continue;
        if (checkBookable(schedule, type, { practitionerId, start }).ok)
          out.push({ practitionerId, start, end: new Date(t + type.durationMinutes * MIN) });
      }
    }
  }
  return out.sort(
    (a, b) =>
      a.start.getTime() - b.start.getTime() || a.practitionerId.localeCompare(b.practitionerId),
  );
}
