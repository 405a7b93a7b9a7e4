import { z } from "zod";

// What admins enter to configure the diary (docs/diary.md, "Configuration"). The limits match
// the database's check constraints in supabase/migrations/20261130000100_diary_config.sql, so
// anything these accept the database stores; what only the database can know (a duplicate
// name, a practitioner of another clinic) is explained by lib/diary/config-service.ts.

export const RESOURCE_KINDS = ["room", "device"] as const;
export const APPOINTMENT_KINDS = ["consultation", "treatment", "surgery", "review"] as const;
export const CONFIRMATIONS = ["instant", "staff"] as const;
export const OVERRIDE_KINDS = ["off", "extra"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
export type Confirmation = (typeof CONFIRMATIONS)[number];
export type OverrideKind = (typeof OVERRIDE_KINDS)[number];

/** ISO weekdays as the database stores them: 1 Monday … 7 Sunday. */
export const WEEKDAYS = [
  { weekday: 1, name: "Monday", short: "Mon" },
  { weekday: 2, name: "Tuesday", short: "Tue" },
  { weekday: 3, name: "Wednesday", short: "Wed" },
  { weekday: 4, name: "Thursday", short: "Thu" },
  { weekday: 5, name: "Friday", short: "Fri" },
  { weekday: 6, name: "Saturday", short: "Sat" },
  { weekday: 7, name: "Sunday", short: "Sun" },
] as const;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "HH:MM" to minutes since midnight; "HH:MM:SS" from the database is read the same way. */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return hours! * 60 + minutes!;
}

/** A real calendar date written YYYY-MM-DD (so 2027-02-30 is refused). */
function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const time = (message: string) => z.string({ message }).trim().regex(TIME, message);
const date = (message: string) =>
  z
    .string({ message })
    .trim()
    .refine((value) => isDate(value), message);
const reason = z.string().trim().max(200, "Keep the reason under 200 characters").default("");
const minutes = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: `Enter the ${label} in minutes` })
    .int("Use whole minutes")
    .min(min, min === 0 ? "Cannot be negative" : `At least ${min} minutes`)
    .max(max, `At most ${max.toLocaleString("en")} minutes`);
// Forms send "" for "none"; the database wants null.
const optionalId = z.union([z.uuid(), z.literal("").transform(() => null), z.null()]).default(null);

export const activeSchema = z.object({ id: z.uuid(), active: z.boolean() });
export const deleteSchema = z.object({ id: z.uuid() });

export const resourceSchema = z.object({
  id: z.uuid().optional(),
  name: z
    .string()
    .trim()
    .min(1, "Enter the room or device's name")
    .max(80, "Keep the name under 80 characters"),
  kind: z.enum(RESOURCE_KINDS, { message: "Choose room or device" }),
});
export type ResourceInput = z.infer<typeof resourceSchema>;

export const practitionerSchema = z.object({
  id: z.uuid().optional(),
  name: z
    .string()
    .trim()
    .min(1, "Enter the practitioner's name")
    .max(120, "Keep the name under 120 characters"),
  title: z.string().trim().max(120, "Keep the title under 120 characters").default(""),
});
export type PractitionerInput = z.infer<typeof practitionerSchema>;

export const appointmentTypeSchema = z
  .object({
    id: z.uuid().optional(),
    procedureId: z.uuid({ message: "Choose the procedure" }),
    kind: z.enum(APPOINTMENT_KINDS, {
      message: "Choose consultation, treatment, surgery or review",
    }),
    name: z
      .string()
      .trim()
      .min(1, "Enter the name staff and callers use")
      .max(120, "Keep the name under 120 characters"),
    durationMinutes: minutes("duration", 5, 720),
    bufferBeforeMinutes: minutes("buffer", 0, 240).default(0),
    bufferAfterMinutes: minutes("buffer", 0, 240).default(0),
    resourceId: optionalId,
    practitionerIds: z
      .array(z.uuid({ message: "Choose practitioners from the list" }))
      .max(200)
      .default([])
      .transform((ids) => [...new Set(ids)]),
    requiresConsultation: z.boolean().default(false),
    confirmation: z.enum(CONFIRMATIONS, { message: "Choose how bookings are confirmed" }),
    active: z.boolean().default(true),
  })
  .refine((type) => !(type.kind === "consultation" && type.requiresConsultation), {
    path: ["requiresConsultation"],
    message: "A consultation is the first step; it cannot require one",
  });
export type AppointmentTypeInput = z.infer<typeof appointmentTypeSchema>;

/**
 * A practitioner's whole week, saved at once. Problems with one interval are reported under
 * `intervals.<index>` (one key, so forms can show it beside that interval).
 */
const intervalsSchema = z
  .array(
    z.object({
      weekday: z.coerce.number().int().min(1).max(7),
      opens: z.string(),
      closes: z.string(),
    }),
  )
  .max(70, "At most 10 intervals a day");

/** Both times as HH:MM, closing after opening, no two intervals of a day overlapping. */
function checkIntervals(
  { intervals }: { intervals: z.infer<typeof intervalsSchema> },
  ctx: z.RefinementCtx,
) {
  const problem = (index: number, message: string) =>
    ctx.addIssue({ code: "custom", path: [`intervals.${index}`], message });
  intervals.forEach((interval, index) => {
    if (!TIME.test(interval.opens) || !TIME.test(interval.closes))
      problem(index, "Enter both times as HH:MM");
    else if (minutesOf(interval.closes) <= minutesOf(interval.opens))
      problem(index, "Closing time must be after opening time");
  });
  intervals.forEach((interval, index) => {
    if (!TIME.test(interval.opens) || !TIME.test(interval.closes)) return;
    const clash = intervals.findIndex(
      (other, at) =>
        at < index &&
        other.weekday === interval.weekday &&
        TIME.test(other.opens) &&
        TIME.test(other.closes) &&
        minutesOf(other.opens) < minutesOf(interval.closes) &&
        minutesOf(interval.opens) < minutesOf(other.closes),
    );
    if (clash !== -1) {
      const other = intervals[clash]!;
      problem(index, `Overlaps ${other.opens}–${other.closes} on the same day`);
    }
  });
}

export const weeklyHoursSchema = z
  .object({ practitionerId: z.uuid(), intervals: intervalsSchema })
  .superRefine(checkIntervals);
export type WeeklyHoursInput = z.infer<typeof weeklyHoursSchema>;

/** The clinic's opening hours (when the front desk answers), saved as a whole week. */
export const openingHoursSchema = z
  .object({ intervals: intervalsSchema })
  .superRefine(checkIntervals);
export type OpeningHoursInput = z.infer<typeof openingHoursSchema>;

/**
 * A date override: time off (the whole day when no times are given, else that part) or extra
 * hours (times required).
 */
export const overrideSchema = z
  .object({
    practitionerId: z.uuid(),
    onDate: date("Enter the date"),
    kind: z.enum(OVERRIDE_KINDS, { message: "Choose time off or extra hours" }),
    opens: z
      .union([time("Enter the time as HH:MM"), z.literal("").transform(() => null)])
      .nullable()
      .default(null),
    closes: z
      .union([time("Enter the time as HH:MM"), z.literal("").transform(() => null)])
      .nullable()
      .default(null),
    reason,
  })
  .superRefine((override, ctx) => {
    const { opens, closes } = override;
    if (override.kind === "extra" && (opens === null || closes === null)) {
      if (opens === null)
        ctx.addIssue({ code: "custom", path: ["opens"], message: "Extra hours need a start" });
      if (closes === null)
        ctx.addIssue({ code: "custom", path: ["closes"], message: "Extra hours need an end" });
    } else if ((opens === null) !== (closes === null)) {
      ctx.addIssue({
        code: "custom",
        path: [opens === null ? "opens" : "closes"],
        message: "Give both times, or neither for the whole day",
      });
    } else if (opens !== null && closes !== null && minutesOf(closes) <= minutesOf(opens)) {
      ctx.addIssue({
        code: "custom",
        path: ["closes"],
        message: "The end must be after the start",
      });
    }
  });
export type OverrideInput = z.infer<typeof overrideSchema>;

export const closureSchema = z
  .object({
    startsOn: date("Enter the first closed day"),
    endsOn: date("Enter the last closed day"),
    reason,
  })
  .refine((closure) => closure.endsOn >= closure.startsOn, {
    path: ["endsOn"],
    message: "The last day cannot be before the first",
  });
export type ClosureInput = z.infer<typeof closureSchema>;

/**
 * Special opening hours on one date (the front desk's, e.g. Christmas Eve 09:00–13:00): they
 * replace that day's weekly hours. 24:00 closes at the next midnight.
 */
export const dateHoursSchema = z
  .object({
    onDate: date("Enter the date"),
    opens: time("Enter the opening time as HH:MM"),
    closes: z
      .string({ message: "Enter the closing time as HH:MM" })
      .trim()
      .refine((value) => TIME.test(value) || value === "24:00", "Enter the closing time as HH:MM"),
    reason,
  })
  .refine((hours) => minutesOf(hours.closes) > minutesOf(hours.opens), {
    path: ["closes"],
    message: "Closing time must be after opening time",
  });
export type DateHoursInput = z.infer<typeof dateHoursSchema>;

export const bookingRulesSchema = z.object({
  minNoticeMinutes: z.coerce
    .number({ message: "Enter the notice in minutes" })
    .int("Use whole minutes")
    .min(0, "Cannot be negative")
    .max(20160, "At most 20,160 minutes (two weeks)"),
  horizonDays: z.coerce
    .number({ message: "Enter the number of days" })
    .int("Use whole days")
    .min(1, "At least 1 day")
    .max(365, "At most 365 days"),
});
export type BookingRulesInput = z.infer<typeof bookingRulesSchema>;

/** Each field's first problem, keyed by the first path segment (what the forms show). */
export function configFieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}
