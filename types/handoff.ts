import { z } from "zod";

/**
 * The hand-off: what the inbound assistant tells the follow-up agent about a call that ended.
 * Written with the call's end (lib/db/handoffs.ts), loaded in this shape, and validated with
 * this schema whichever way it reaches the agent (in process, or over the signed webhook to an
 * agent deployed on its own), so the two sides always agree on it.
 */
export const handoffSchema = z.object({
  handoffId: z.uuid(),
  clinicId: z.uuid(),
  callId: z.uuid(),
  clinicName: z.string(),
  callerNumber: z.string().nullable(),
  callerName: z.string().nullable(),
  procedures: z.array(
    z.object({ id: z.uuid(), name: z.string(), aftercareDocumentId: z.uuid().nullable() }),
  ),
  booked: z.boolean(),
  bookingId: z.uuid().nullable(),
  releasedSlotIds: z.array(z.uuid()),
  questions: z.array(z.string()),
  summary: z.string(),
  consentToText: z.boolean(),
  finalState: z.string(),
  droppedDuringBooking: z.boolean(),
  endedAt: z.iso.datetime({ offset: true }),
  /** Each change of the hand-off is a new version the agent acts on once. */
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Handoff = z.infer<typeof handoffSchema>;
