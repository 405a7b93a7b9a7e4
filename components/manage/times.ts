import {
  dayKey,
  formatAppointmentClock,
  formatAppointmentDay,
  type ClinicFormat,
} from "@/lib/format";

/** Clinic-local dates and times for the manage page (the clinic's zone and words, whatever the phone's). */

export function formatDay(iso: string, clinic: ClinicFormat): string {
  return formatAppointmentDay(iso, clinic);
}

export function formatTime(iso: string, clinic: ClinicFormat): string {
  return formatAppointmentClock(iso, clinic);
}

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();
function shortParts(iso: string, clinic: ClinicFormat) {
  const key = `${clinic.locale}|${clinic.timezone}`;
  let weekday = weekdayFormats.get(key);
  if (!weekday) {
    weekday = new Intl.DateTimeFormat(clinic.locale, {
      timeZone: clinic.timezone,
      weekday: "short",
    });
    weekdayFormats.set(key, weekday);
  }
  const date = new Intl.DateTimeFormat(clinic.locale, {
    timeZone: clinic.timezone,
    month: "short",
    day: "numeric",
  });
  const at = new Date(iso);
  return { weekday: weekday.format(at), date: date.format(at) };
}

/** Times grouped by clinic-local day, in order; each day labelled "Tue" / "8 Dec" (en-GB). */
export function groupByDay<T extends { start: string }>(
  times: T[],
  clinic: ClinicFormat,
): { key: string; weekday: string; date: string; times: T[] }[] {
  const days = new Map<string, { key: string; weekday: string; date: string; times: T[] }>();
  for (const time of times) {
    const key = dayKey(time.start, clinic.timezone);
    let day = days.get(key);
    if (!day) {
      day = { key, ...shortParts(time.start, clinic), times: [] };
      days.set(key, day);
    }
    day.times.push(time);
  }
  return [...days.values()];
}
