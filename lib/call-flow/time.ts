import { formatAppointmentTime } from "@/lib/format";

/** Times as the assistant should say them and as ISO 8601 with the clinic's UTC offset. */

// An Intl.DateTimeFormat costs far more to build than to use (each check_availability formats
// five offers twice): one of each per time zone, built on first use.
const isoFormats = new Map<string, Intl.DateTimeFormat>();

function format(
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let formatter = cache.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for an unknown zone, before anything is cached.
    formatter = new Intl.DateTimeFormat("en-US", { ...options, timeZone });
    cache.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * A time as the assistant says it, in the clinic's zone and words (lib/format): "Tuesday 1
 * December at 2:30 pm" in London, "Tuesday, December 1 at 2:30 PM" in New York.
 */
export function spokenTime(date: Date, clinic: { timezone: string; locale: string }): string {
  return formatAppointmentTime(date, { ...clinic, currency: "" });
}

export function zonedIso(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    format(isoFormats, timeZone, {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "longOffset",
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  const offset =
    parts.timeZoneName === "GMT" ? "+00:00" : String(parts.timeZoneName).replace("GMT", "");
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}
