import { AppError } from "@/lib/api/errors";

/**
 * What staff send the diary's service, checked before anything is read: times as ISO strings,
 * ids as UUIDs, a range of days. A bad value is refused with a sentence a receptionist
 * understands; nothing is read or stored then.
 */

export const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 62;

export function instant(value: string, what: string): Date {
  const date = typeof value === "string" ? new Date(value) : new Date(Number.NaN);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(String(value)) || Number.isNaN(date.getTime()))
    throw new AppError("invalid", `The ${what} is not a valid date and time.`);
  return date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function id(value: string | null | undefined, what: string): string {
  if (typeof value !== "string" || !UUID.test(value))
    throw new AppError("invalid", `Choose ${what}.`);
  return value;
}

export function range(input: { from: string; to: string }): { from: Date; to: Date } {
  const from = instant(input.from, "start of the range");
  const to = instant(input.to, "end of the range");
  if (to <= from) throw new AppError("invalid", "The end must be after the start.");
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS)
    throw new AppError("invalid", `Show at most ${MAX_RANGE_DAYS} days at once.`);
  return { from, to };
}
