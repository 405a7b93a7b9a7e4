/** Clinic-local dates and times for the manage page (the clinic's zone, whatever the phone's). */

export function formatDay(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "long",
    month: "long",
    day: "numeric",
  }).format(new Date(iso));
}

export function formatTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(iso));
}

function dayKey(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(iso));
}

/** Times grouped by clinic-local day, in order; each day labelled "Tue" / "Dec 8". */
export function groupByDay<T extends { start: string }>(
  times: T[],
  timeZone: string,
): { key: string; weekday: string; date: string; times: T[] }[] {
  const days = new Map<string, { key: string; weekday: string; date: string; times: T[] }>();
  for (const time of times) {
    const key = dayKey(time.start, timeZone);
    let day = days.get(key);
    if (!day) {
      const at = new Date(time.start);
      day = {
        key,
        weekday: new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short" }).format(at),
        date: new Intl.DateTimeFormat("en-US", { timeZone, month: "short", day: "numeric" }).format(
          at,
        ),
        times: [],
      };
      days.set(key, day);
    }
    day.times.push(time);
  }
  return [...days.values()];
}
