import { DateTime } from "luxon";

import type {
  AppointmentStatus,
  DiaryAppointment,
  DiaryEntry,
  DiaryView,
  SettableStatus,
} from "@/types/diary";

// Pure mapping from what the server says (DiaryView) to what react-big-calendar draws. No React,
// no browser: everything here is tested in tests/unit/calendar-model.test.ts.

/** Whose columns the diary shows: one per practitioner, or one per room/device. */
export type DiaryMode = "practitioner" | "room";
export type DiaryCalendarView = "day" | "week";

export interface DiaryColumn {
  id: string;
  title: string;
  subtitle?: string;
}

export interface DiaryEvent {
  id: string;
  title: string;
  start: Date;
  end: Date;
  /** The column it is drawn in (practitioner or resource id); absent in the single-column week. */
  resourceId?: string;
  entry: DiaryEntry;
}

/** The columns of the day view in `mode`. */
export function columnsOf(view: DiaryView, mode: DiaryMode): DiaryColumn[] {
  return mode === "practitioner"
    ? view.practitioners.map((p) => ({ id: p.id, title: p.name, subtitle: p.title || undefined }))
    : view.resources.map((r) => ({
        id: r.id,
        title: r.name,
        subtitle: r.kind === "room" ? "Room" : "Device",
      }));
}

/** The column an entry belongs to in `mode`, or null when it has none there. */
function columnOf(entry: DiaryEntry, mode: DiaryMode): string | null {
  return mode === "practitioner" ? entry.practitionerId : entry.resourceId;
}

export function eventTitle(entry: DiaryEntry): string {
  switch (entry.kind) {
    case "appointment":
      return `${entry.patientName} · ${entry.typeName ?? entry.procedureName ?? "Appointment"}`;
    case "hold":
      return "Held on a call";
    case "block":
      return entry.reason ? `Blocked · ${entry.reason}` : "Blocked";
  }
}

/**
 * Calendar events for the entries shown: in the day view, every entry with a column in `mode`
 * (a room-only block has no practitioner column); in the week view (`focusId` set), only the
 * entries of that practitioner or room, without columns. Holds past their time are left out
 * (the server removes them; the broadcast may still be on its way).
 */
export function toCalendarEvents(
  view: DiaryView,
  options: { mode: DiaryMode; focusId?: string; now?: number },
): DiaryEvent[] {
  const now = options.now ?? Date.now();
  const events: DiaryEvent[] = [];
  for (const entry of view.entries) {
    const column = columnOf(entry, options.mode);
    if (!column) continue;
    if (options.focusId !== undefined && column !== options.focusId) continue;
    if (entry.kind === "hold" && Date.parse(entry.heldUntil) <= now) continue;
    events.push({
      id: `${entry.kind}:${entry.id}`,
      title: eventTitle(entry),
      start: new Date(entry.start),
      end: new Date(entry.end),
      resourceId: options.focusId === undefined ? column : undefined,
      entry,
    });
  }
  return events.sort((a, b) => +a.start - +b.start || a.id.localeCompare(b.id));
}

/** When the next hold still live at `now` runs out (ms since the epoch), or null. */
export function nextHoldExpiry(view: DiaryView | null, now: number): number | null {
  let next: number | null = null;
  for (const entry of view?.entries ?? []) {
    if (entry.kind !== "hold") continue;
    const until = Date.parse(entry.heldUntil);
    if (until > now && (next === null || until < next)) next = until;
  }
  return next;
}

/** Whole seconds a hold has left (never negative). */
export function holdSecondsLeft(heldUntil: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(heldUntil) - now) / 1000));
}

/** Whether [start, start + minutes) lies inside one of the practitioner's working intervals. */
export function isWorkingTime(
  view: DiaryView,
  practitionerId: string,
  start: Date,
  minutes: number,
): boolean {
  const from = +start;
  const to = from + minutes * 60_000;
  return view.workingIntervals.some(
    (interval) =>
      interval.practitionerId === practitionerId &&
      Date.parse(interval.start) <= from &&
      Date.parse(interval.end) >= to,
  );
}

/** The closure covering a clinic-local day, if any. */
export function closureOn(view: DiaryView, at: Date): DiaryView["closures"][number] | null {
  const day = DateTime.fromJSDate(at, { zone: view.timeZone }).toISODate();
  if (!day) return null;
  return view.closures.find((c) => c.startsOn <= day && day <= c.endsOn) ?? null;
}

/**
 * The instants a view fetches: the clinic-local day, or the ISO week (Monday first) around
 * `date`, in the clinic's zone (a DST day is 23 or 25 hours long, not 24).
 */
export function visibleRange(
  date: Date,
  calendarView: DiaryCalendarView,
  timeZone: string,
): { from: string; to: string } {
  const local = DateTime.fromJSDate(date, { zone: timeZone });
  const start = local.startOf(calendarView === "day" ? "day" : "week");
  const end = start.plus(calendarView === "day" ? { days: 1 } : { weeks: 1 });
  return { from: start.toUTC().toISO()!, to: end.toUTC().toISO()! };
}

/** Moves the shown date by one day or week, in the clinic's zone. */
export function stepDate(
  date: Date,
  calendarView: DiaryCalendarView,
  direction: 1 | -1,
  timeZone: string,
): Date {
  const local = DateTime.fromJSDate(date, { zone: timeZone });
  return local.plus(calendarView === "day" ? { days: direction } : { weeks: direction }).toJSDate();
}

/** "YYYY-MM-DD" of an instant in the clinic's zone (the date picker's value). */
export function localDate(date: Date, timeZone: string): string {
  return DateTime.fromJSDate(date, { zone: timeZone }).toISODate()!;
}

/** Noon of a clinic-local date (safe from DST edges), or null for a malformed date. */
export function fromLocalDate(value: string, timeZone: string): Date | null {
  const parsed = DateTime.fromISO(value, { zone: timeZone });
  return parsed.isValid ? parsed.set({ hour: 12 }).toJSDate() : null;
}

/**
 * The hours the time grid shows: from the earliest working start to the latest working end in
 * the range (and every entry), whole hours, never narrower than 08:00–18:00.
 */
export function gridHours(view: DiaryView): { startHour: number; endHour: number } {
  let startHour = 8;
  let endHour = 18;
  const spans = [
    ...view.workingIntervals.map((i) => [i.start, i.end] as const),
    ...view.entries.map((e) => [e.start, e.end] as const),
  ];
  for (const [start, end] of spans) {
    const from = DateTime.fromISO(start, { zone: view.timeZone });
    const to = DateTime.fromISO(end, { zone: view.timeZone });
    if (!from.hasSame(to, "day") && to.hour + to.minute > 0) {
      startHour = 0;
      endHour = 24;
      continue;
    }
    startHour = Math.min(startHour, from.hour);
    const last = to.hour === 0 && to.minute === 0 ? 24 : to.hour + (to.minute > 0 ? 1 : 0);
    endHour = Math.max(endHour, last);
  }
  return { startHour, endHour: Math.min(24, endHour) };
}

/**
 * What a receptionist may do next with an appointment in `status` (cancelling aside): the
 * transitions the bookings status trigger allows.
 */
export function nextStatuses(status: AppointmentStatus): SettableStatus[] {
  switch (status) {
    case "pending":
      return ["confirmed", "no_show"];
    case "confirmed":
      return ["arrived", "no_show"];
    case "arrived":
      return ["completed"];
    default:
      return [];
  }
}

export function canCancel(status: AppointmentStatus): boolean {
  return status === "pending" || status === "confirmed";
}

export function canMove(status: AppointmentStatus): boolean {
  return status === "pending" || status === "confirmed";
}

export const STATUS_LABEL: Record<AppointmentStatus, string> = {
  pending: "Pending",
  confirmed: "Confirmed",
  arrived: "Arrived",
  completed: "Completed",
  cancelled: "Cancelled",
  no_show: "No-show",
};

export const ACTION_LABEL: Record<SettableStatus, string> = {
  confirmed: "Confirm",
  arrived: "Mark arrived",
  completed: "Mark completed",
  no_show: "Mark no-show",
};

/**
 * Where a dragged appointment goes: the practitioner of the column it was dropped on (per
 * practitioner), or its own practitioner (per room, and in the week view, where the column is a
 * room or absent). Refuses moving it to another room: the room comes with the appointment type.
 */
export function dropTarget(
  appointment: DiaryAppointment,
  drop: { start: Date; resourceId?: string | number | null },
  mode: DiaryMode,
): { ok: true; practitionerId: string; start: string } | { ok: false; error: string } {
  // react-big-calendar's column is null (or absent) when there are no columns (week view).
  const column = drop.resourceId == null ? undefined : String(drop.resourceId);
  if (mode === "room" && column !== undefined && column !== appointment.resourceId)
    return {
      ok: false,
      error: "The room comes with the appointment type; move it in time only, or change its type.",
    };
  const practitionerId =
    mode === "practitioner" && column !== undefined ? column : appointment.practitionerId;
  if (!practitionerId) return { ok: false, error: "This appointment has no practitioner." };
  return { ok: true, practitionerId, start: drop.start.toISOString() };
}

/** Clinic-local "HH:mm" of an instant. */
export function localTime(iso: string | Date, timeZone: string): string {
  const value = typeof iso === "string" ? DateTime.fromISO(iso) : DateTime.fromJSDate(iso);
  return value.setZone(timeZone).toFormat("HH:mm");
}

/** Clinic-local wall time on a clinic-local date to an instant ("2026-12-01", "10:30"). */
export function localDateTime(date: string, time: string, timeZone: string): Date | null {
  const parsed = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  return parsed.isValid ? parsed.toJSDate() : null;
}
