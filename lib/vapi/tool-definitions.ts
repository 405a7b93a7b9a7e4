import { z } from "zod";

/**
 * The tools the assistant is given: each one's name, what the assistant is told about it, and
 * its arguments as a zod schema. The assistant config (./assistant.ts) turns the schemas into
 * JSON Schema; the handlers (lib/call-flow/tools) validate every call with the same schemas.
 * This is the contract between the two, so neither imports the other.
 */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date must be YYYY-MM-DD")
  .refine(
    (value) => !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime()),
    "date is not a real day",
  );

export const checkAvailabilityTool = {
  name: "check_availability",
  description:
    "Find free times for a procedure. Say which procedure (required to get times); it offers that procedure's consultation first when one is needed. Optional: a practitioner's name, a date (YYYY-MM-DD, clinic time), morning/afternoon/evening, and the kind of appointment (consultation, treatment, surgery, review). Each slotId is valid for this call only.",
  args: z.object({
    procedure: z.string().trim().max(200).optional(),
    practitioner: z.string().trim().max(120).optional(),
    date: isoDate.optional(),
    partOfDay: z.enum(["morning", "afternoon", "evening"]).optional(),
    kind: z.enum(["consultation", "treatment", "surgery", "review"]).optional(),
  }),
};

export const holdSlotTool = {
  name: "hold_slot",
  description:
    "Hold a time check_availability offered on this call, for 90 seconds while the caller decides.",
  args: z.object({ slotId: z.uuid("slotId must be a slotId from check_availability") }),
};

export const confirmBookingTool = {
  name: "confirm_booking",
  description:
    "Book the held time once you have the caller's name. Optional: procedure and a contact number.",
  args: z.object({
    slotId: z.uuid("slotId must be the slotId you held"),
    patientName: z.string().trim().min(1, "ask the caller for their name").max(120),
    procedure: z.string().trim().max(200).optional(),
    patientPhone: z.string().trim().max(32).optional(),
  }),
};

export const releaseSlotTool = {
  name: "release_slot",
  description: "Release the held time if the caller wants a different one or changes their mind.",
  args: z.object({ slotId: z.uuid("slotId must be the slotId you held") }),
};

export const lookupProcedureTool = {
  name: "lookup_procedure",
  description:
    "Look up a procedure the caller asks about and the clinic's approved answers (recovery, candidacy, price).",
  args: z.object({ query: z.string().trim().min(1, "say what the caller asked about").max(300) }),
};

export const identifyCallerTool = {
  name: "identify_caller",
  description:
    "Once the caller has said their full name (ask for it early in the call; never suggest one), check whether they are a returning patient: it recognises them only when they call from the number on file and the name matches it. Use their first name only when it says recognised.",
  args: z.object({
    patientName: z
      .string()
      .trim()
      .min(1, "ask the caller for their full name")
      .max(120, "patientName is too long"),
  }),
};

export const findAppointmentsTool = {
  name: "find_appointments",
  description:
    "Find the caller's upcoming appointments, to move or cancel one. Ask for the caller's full name first (never say a name before they do). Only appointments booked under the number they are calling from and that name are returned. If none, offer to text a link to manage the appointment to the number on file; if the caller agrees, call it again with sendManageLink true.",
  args: z.object({
    patientName: z
      .string()
      .trim()
      .min(1, "ask the caller for their full name")
      .max(120, "patientName is too long"),
    sendManageLink: z.boolean().optional(),
  }),
};

export const rescheduleAppointmentTool = {
  name: "reschedule_appointment",
  description:
    "Move the caller's appointment (an appointmentId from find_appointments) to a new time: a slotId check_availability offered on this call for the same treatment. The old time is freed; the new time is theirs at once.",
  args: z.object({
    appointmentId: z.uuid("appointmentId must be an appointmentId from find_appointments"),
    slotId: z.uuid("slotId must be a slotId from check_availability"),
  }),
};

export const cancelAppointmentTool = {
  name: "cancel_appointment",
  description:
    "Cancel the caller's appointment (an appointmentId from find_appointments), only after reading them the clinic's cancellation policy and hearing them confirm. Optional: their reason.",
  args: z.object({
    appointmentId: z.uuid("appointmentId must be an appointmentId from find_appointments"),
    reason: z.string().trim().max(300, "reason is too long").optional(),
  }),
};

export const joinWaitlistTool = {
  name: "join_waitlist",
  description:
    "Put the caller's appointment (an appointmentId from find_appointments) on the waitlist for an earlier time: if one comes up for the same treatment, they get a text with a link, and the first to take it gets it. Offer it when no earlier time suits them now.",
  args: z.object({
    appointmentId: z.uuid("appointmentId must be an appointmentId from find_appointments"),
  }),
};

export const takeMessageTool = {
  name: "take_message",
  description:
    "Leave a message for the clinic's team to call the caller back: when the front desk is closed, when a transfer was not answered, or when the caller asks. message: what it is about, briefly, in the caller's words. urgent: true for an urgent post-operative concern.",
  args: z.object({
    message: z
      .string({ message: "message is required" })
      .trim()
      .min(1, "message is required")
      .max(1000, "keep the message under 1000 characters"),
    callerName: z.string().trim().max(120).optional(),
    urgent: z.boolean().optional(),
  }),
};

/** In the order the assistant is told about them. */
export const TOOL_DEFINITIONS: { name: string; description: string; args: z.ZodType }[] = [
  checkAvailabilityTool,
  holdSlotTool,
  confirmBookingTool,
  releaseSlotTool,
  lookupProcedureTool,
  identifyCallerTool,
  findAppointmentsTool,
  rescheduleAppointmentTool,
  cancelAppointmentTool,
  joinWaitlistTool,
  takeMessageTool,
];
