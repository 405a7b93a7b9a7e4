import { z } from "zod";

/**
 * The inbound agent's memory of a call, as the follow-up agent receives it. Typed and
 * validated on both sides of the internal webhook, so the two agents can be deployed apart.
 */
export const handoffMemorySchema = z.object({
  handoffId: z.uuid(),
  clinicId: z.uuid(),
  callId: z.uuid(),
  clinicName: z.string(),
  callerNumber: z.string().nullable(),
  callerName: z.string().nullable(),
  procedures: z.array(z.object({ id: z.uuid(), name: z.string(), aftercareDocumentId: z.uuid().nullable() })),
  booked: z.boolean(),
  bookingId: z.uuid().nullable(),
  releasedSlotIds: z.array(z.uuid()),
  questions: z.array(z.string()),
  summary: z.string(),
  consentToText: z.boolean(),
  finalState: z.string(),
  droppedDuringBooking: z.boolean(),
  endedAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type HandoffMemory = z.infer<typeof handoffMemorySchema>;

export type PlannedFollowUp =
  | { kind: "aftercare"; procedureId: string; skipReason: string | null }
  | { kind: "cut_off"; procedureId: null; skipReason: string | null };

/**
 * What the follow-up agent owes a caller. A booked call gets nothing here (its confirmation is
 * sent when the front desk confirms). A call cut off mid-booking gets a "we got cut off"
 * text. Otherwise each procedure of interest gets one aftercare text, or a recorded reason
 * why not. Nobody who opted out is ever texted.
 */
export function planFollowUps(memory: HandoffMemory): PlannedFollowUp[] {
  if (!memory.callerNumber || memory.booked) return [];
  const optedOut = memory.consentToText ? null : "The caller has opted out of texts.";
  if (memory.droppedDuringBooking) return [{ kind: "cut_off", procedureId: null, skipReason: optedOut }];
  return memory.procedures.map((procedure) => ({
    kind: "aftercare" as const,
    procedureId: procedure.id,
    skipReason: optedOut ?? (procedure.aftercareDocumentId ? null : `No aftercare document for ${procedure.name}.`),
  }));
}
