import {
  dayKey,
  formatAppointmentClock,
  formatAppointmentDay,
  formatDate,
  type ClinicFormat,
} from "@/lib/format";

/** Clinic-local dates and times for the manage page (the clinic's zone and words, whatever the phone's). */

export function formatDay(iso: string, clinic: ClinicFormat): string {
  return formatAppointmentDay(iso, clinic);
}

export function formatTime(iso: string, clinic: ClinicFormat): string {
  return formatAppointmentClock(iso, clinic);
}

function shortParts(iso: string, clinic: ClinicFormat) {
  return {
    weekday: formatDate(iso, clinic, "weekday"),
    date: formatDate(iso, clinic, "month-day"),
  };
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
