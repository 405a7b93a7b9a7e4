import { z } from "zod";

import { SETTABLE_STATUSES } from "@/types/diary";

import { isoDate } from "./search-params";

// What the diary's routes and receptionist actions accept. Times are ISO instants; the service
// checks them against the diary (hours, closures, overlaps) and says why it refuses.

const instant = z.iso.datetime({ offset: true, message: "Choose a valid time" });

/** The range the diary shows: at most six weeks, end after start. */
export const diaryRangeSchema = z
  .object({ from: instant, to: instant })
  .refine((range) => Date.parse(range.to) > Date.parse(range.from), {
    message: "The end must be after the start",
    path: ["to"],
  })
  .refine((range) => Date.parse(range.to) - Date.parse(range.from) <= 42 * 86_400_000, {
    message: "Show at most six weeks at a time",
    path: ["to"],
  });

/** /diary?date=YYYY-MM-DD&booking=<id>: where a link opens the diary; nonsense is ignored. */
export const diaryLinkFields = { date: isoDate, booking: z.uuid() };

/** What the diary says it did with a link value it could not use. */
export const explainDiaryLink = (name: "date" | "booking", value: string) =>
  name === "date"
    ? `“${value}” is not a date, so the diary opens on today.`
    : "The appointment in that link could not be found, so the diary opens without it.";

export const availabilityQuerySchema = z
  .object({
    typeId: z.uuid("Choose an appointment type"),
    practitionerId: z.uuid().optional(),
    from: instant,
    to: instant,
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), {
    message: "The end must be after the start",
    path: ["to"],
  })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 14 * 86_400_000, {
    message: "Ask for at most two weeks of times",
    path: ["to"],
  });

/**
 * A phone number as staff type it ("+1 212 555 0100", "(555) 010-7788"): kept as digits with
 * an optional leading +, 7 to 15 digits (E.164-ish, like the assistant's bookings); empty is none.
 */
export const patientPhoneSchema = z
  .string()
  .trim()
  .max(40)
  .transform((raw) => raw.replace(/[\s().-]/g, ""))
  .refine((value) => value === "" || /^\+?[0-9]{7,15}$/.test(value), {
    message: "Enter a phone number like +1 212 555 0100",
  })
  .transform((value) => (value === "" ? null : value));

export const bookAppointmentSchema = z.object({
  typeId: z.uuid("Choose an appointment type"),
  practitionerId: z.uuid("Choose a practitioner"),
  start: instant,
  patientName: z
    .string()
    .trim()
    .min(2, "Enter the patient's name")
    .max(120, "Keep the name under 120 characters"),
  patientPhone: patientPhoneSchema,
  notes: z.string().trim().max(1000, "Keep notes under 1,000 characters").default(""),
});
export type BookAppointmentInput = z.input<typeof bookAppointmentSchema>;

export const moveAppointmentSchema = z.object({
  bookingId: z.uuid(),
  practitionerId: z.uuid("Choose a practitioner"),
  start: instant,
});
export type MoveAppointmentInput = z.input<typeof moveAppointmentSchema>;

export const cancelAppointmentSchema = z.object({
  bookingId: z.uuid(),
  reason: z
    .string()
    .trim()
    .min(3, "Say why the appointment is cancelled")
    .max(500, "Keep the reason under 500 characters"),
});
export type CancelAppointmentInput = z.input<typeof cancelAppointmentSchema>;

export const setAppointmentStatusSchema = z.object({
  bookingId: z.uuid(),
  status: z.enum(SETTABLE_STATUSES),
});
export type SetAppointmentStatusInput = z.input<typeof setAppointmentStatusSchema>;

export const blockTimeSchema = z
  .object({
    practitionerId: z.uuid().nullable(),
    resourceId: z.uuid().nullable(),
    start: instant,
    end: instant,
    reason: z
      .string()
      .trim()
      .min(2, "Say why the time is blocked")
      .max(200, "Keep the reason under 200 characters"),
  })
  .refine((block) => block.practitionerId !== null || block.resourceId !== null, {
    message: "Choose a practitioner or a room",
    path: ["practitionerId"],
  })
  .refine((block) => Date.parse(block.end) > Date.parse(block.start), {
    message: "The end must be after the start",
    path: ["end"],
  });
export type BlockTimeInput = z.input<typeof blockTimeSchema>;

export const removeBlockSchema = z.object({ blockId: z.uuid() });
