import { z } from "zod";

/** The longest range the Latency and Insights pages will chart, in days. */
export const MAX_RANGE_DAYS = 92;
export const DEFAULT_RANGE_DAYS = 14;

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
      new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
  );

/** `from` and `to` search params: each a real YYYY-MM-DD date, or dropped. */
export const dateRangeParamsSchema = z.object({
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
});

export interface DateRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** `day` moved by `days` (negative: back), as YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  return toDay(toMs(day) + days * DAY_MS);
}

/** Today's date where the clinic is, as YYYY-MM-DD. */
export function todayIn(timezone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** Days from `from` to `to`, both included. */
export function daysInRange(range: DateRange): number {
  return Math.round((toMs(range.to) - toMs(range.from)) / DAY_MS) + 1;
}

/**
 * The range a page shows: the valid params, else the last 14 clinic-local days ending today.
 * A reversed range is swapped and a long one is cut to its last MAX_RANGE_DAYS days.
 */
export function resolveDateRange(params: unknown, timezone: string, now = new Date()): DateRange {
  const parsed = dateRangeParamsSchema.safeParse(params ?? {});
  const given = parsed.success ? parsed.data : {};
  const today = todayIn(timezone, now);
  let to = given.to ?? (given.from && given.from > today ? given.from : today);
  let from = given.from ?? toDay(toMs(to) - (DEFAULT_RANGE_DAYS - 1) * DAY_MS);
  if (from > to) [from, to] = [to, from];
  if (daysInRange({ from, to }) > MAX_RANGE_DAYS)
    from = toDay(toMs(to) - (MAX_RANGE_DAYS - 1) * DAY_MS);
  return { from, to };
}
