import type { Handoff } from "@/types/handoff";

export type PlannedFollowUp =
  | { kind: "aftercare"; procedureId: string; skipReason: string | null }
  | { kind: "cut_off"; procedureId: null; skipReason: string | null }
  | { kind: "missed_call"; procedureId: null; skipReason: string | null };

/** Final states of a call the caller did not get anywhere with (never answered, or it failed). */
const MISSED = new Set(["abandoned", "failed"]);

/**
 * What the follow-up agent owes a caller. A booked call gets nothing here (its confirmation
 * text is owed once the booking is confirmed: by the front desk, or at once for a type confirmed
 * at once, which acceptHandoff queues). A call cut off mid-booking gets a "we got cut off"
 * text. A call that ended before anything was done (never answered or failed, no procedure
 * discussed; the agent also checks no message was taken and no transfer made) gets a
 * missed-call text offering a call back, once per number per day (enqueueFollowUps).
 * Otherwise each procedure of interest gets one aftercare text, or a recorded reason why not.
 * Nobody who opted out is ever texted.
 */
export function planFollowUps(handoff: Handoff): PlannedFollowUp[] {
  if (!handoff.callerNumber || handoff.booked) return [];
  const optedOut = handoff.consentToText ? null : "The caller has opted out of texts.";
  if (handoff.droppedDuringBooking)
    return [{ kind: "cut_off", procedureId: null, skipReason: optedOut }];
  if (handoff.procedures.length === 0 && MISSED.has(handoff.finalState))
    return [{ kind: "missed_call", procedureId: null, skipReason: optedOut }];
  return handoff.procedures.map((procedure) => ({
    kind: "aftercare" as const,
    procedureId: procedure.id,
    skipReason:
      optedOut ??
      (procedure.aftercareDocumentId ? null : `No aftercare document for ${procedure.name}.`),
  }));
}
