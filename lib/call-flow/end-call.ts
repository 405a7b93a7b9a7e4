import "server-only";

import type { CallState } from "@/types/call-states";
import { fillCallEnd, insertCallEvent, setCallOutcome } from "@/lib/db/calls";
import { writeHandoff } from "@/lib/db/handoffs";
import { lockCall } from "@/lib/db/locks";
import { getCallUrgency, openCallbackTaskOnce, setTransfer } from "@/lib/db/routing";
import { callHasBooking, releaseCallHolds } from "@/lib/db/slots";
import type { Tx } from "@/lib/db/transaction";
import { transferWentUnanswered } from "@/lib/hours/routing";

import { applyCallEvent } from "./apply-event";

const OUTCOME: Partial<Record<CallState, string>> = {
  completed: "booked",
  failed: "failed",
  abandoned: "abandoned",
};

/**
 * Ends a call, from whichever signal arrives first (status-update ended, end-of-call-report,
 * Twilio call status): the terminal transition, then every hold it had is released at once.
 * Safe to repeat: later signals only fill in details and find nothing left to release. Writes
 * the hand-off for the follow-up agent in the same transaction.
 */
export async function endCall(
  tx: Tx,
  call: { id: string; clinicId: string },
  input: { endedReason: string | null; at: Date; endedAt?: Date; source: string },
): Promise<{ handoffId: string }> {
  // The call's row, then its slots: the one lock order (lib/db/locks.ts), so a Twilio status and
  // a Vapi report ending the same call at once queue on the call instead of deadlocking.
  await lockCall(tx, call.id);
  for (const slotId of await releaseCallHolds(tx, call.id)) {
    await insertCallEvent(tx, {
      clinicId: call.clinicId,
      callId: call.id,
      kind: "release",
      event: "slot.released",
      occurredAt: input.at,
      metadata: { slotId, by: "call_ended" },
    });
  }
  const booked = await callHasBooking(tx, call.id);
  const result = await applyCallEvent(
    tx,
    call.id,
    { type: "call.ended", endedReason: input.endedReason, booked },
    {
      occurredAt: input.at,
      metadata: { source: input.source },
      patch: { ended_at: input.endedAt ?? input.at, ended_reason: input.endedReason ?? undefined },
    },
  );
  if (result.applied) {
    const outcome =
      OUTCOME[result.to] ?? (result.from === "transferring" ? "transferred" : "information");
    await setCallOutcome(tx, call.id, outcome);
  } else {
    await fillCallEnd(tx, call.id, {
      endedReason: input.endedReason,
      endedAt: input.endedAt ?? input.at,
    });
  }
  await noteUnansweredTransfer(tx, call, input);
  // The hand-off is written in the transaction that ends the call (decision 7).
  return { handoffId: await writeHandoff(tx, call.id) };
}

/**
 * A transfer nobody answered, and the call ended without a message (lib/hours/routing.ts
 * `transferWentUnanswered`): the transfer is recorded as unanswered and the caller gets a
 * call-back task (urgent for an urgent call), once: the outcome is then `unanswered`, so a
 * repeated or later end signal finds nothing to do, and a task the call already has is kept.
 */
async function noteUnansweredTransfer(
  tx: Tx,
  call: { id: string; clinicId: string },
  input: { endedReason: string | null; at: Date; source: string },
) {
  const routing = await getCallUrgency(tx, call.id);
  if (
    !transferWentUnanswered({
      transferOutcome: routing.transferOutcome,
      endedReason: input.endedReason,
    })
  )
    return;
  await setTransfer(tx, call.id, { outcome: "unanswered" });
  const urgent = routing.urgency !== null;
  const who = routing.transferTarget === "on_call" ? "the clinician on call" : "the front desk";
  const opened = await openCallbackTaskOnce(tx, {
    clinicId: call.clinicId,
    callId: call.id,
    reason: `${urgent ? "Urgent: transfer" : "Transfer"} to ${who} not answered; the caller left no message`,
    urgency: urgent ? "urgent" : "routine",
  });
  await insertCallEvent(tx, {
    clinicId: call.clinicId,
    callId: call.id,
    kind: "note",
    event: "transfer.unanswered",
    occurredAt: input.at,
    metadata: { endedReason: input.endedReason, source: input.source, callbackTask: opened },
  });
}
