import "server-only";

import { LOST_ENDED_REASON } from "@/lib/calls/plain-language";
import { openCallbackTask } from "@/lib/db/callback-tasks";
import { insertCallEvent } from "@/lib/db/calls";
import { lockLostCalls } from "@/lib/db/lost-calls";
import { callHasBooking } from "@/lib/db/slots";
import { withService } from "@/lib/db/transaction";
import { followUp } from "@/lib/follow-up";
import { MAX_CALL_SECONDS } from "@/lib/vapi/assistant";

import { endCall } from "./end-call";

/** Beyond the assistant's longest call: time for a late end-of-call report to arrive first. */
export const LOST_MARGIN_SECONDS = 5 * 60;
/** A call live this long after it started is lost: Vapi would have ended it long ago. */
export const LOST_AFTER_SECONDS = MAX_CALL_SECONDS + LOST_MARGIN_SECONDS;

/**
 * Closes calls that stopped sending messages without an end (a dropped webhook, a Vapi outage):
 * each goes through the same end-of-call path as a real end (lib/call-flow/end-call.ts: holds
 * released, terminal state, hand-off written), with outcome `lost` unless it had booked, ends at
 * its last sign of life (so it never shows hours of talk), and leaves the front desk a call-back
 * when there is a number to ring. The hand-offs go to the follow-up agent once committed. Run by
 * the sweeper every 15 s and by the cron route; safe from several processes (SKIP LOCKED), and
 * a later real end only fills in details (endCall is idempotent).
 */
export async function closeLostCalls(
  options: { clinicId?: string; limit?: number; now?: Date } = {},
): Promise<{ closed: number }> {
  const at = options.now ?? new Date();
  const handoffIds = await withService(async (tx) => {
    const lost = await lockLostCalls(tx, {
      afterSeconds: LOST_AFTER_SECONDS,
      limit: options.limit ?? 50,
      clinicId: options.clinicId,
    });
    const ids: string[] = [];
    for (const call of lost) {
      const endedAt = call.lastSeenAt < at ? call.lastSeenAt : at;
      const { handoffId } = await endCall(tx, call, {
        endedReason: LOST_ENDED_REASON,
        at,
        endedAt,
        source: "lost-call-sweep",
        outcome: "lost",
      });
      await insertCallEvent(tx, {
        clinicId: call.clinicId,
        callId: call.id,
        kind: "note",
        event: "call.lost",
        occurredAt: at,
        metadata: { lastSeenAt: call.lastSeenAt.toISOString(), afterSeconds: LOST_AFTER_SECONDS },
      });
      if (call.callerNumber && !(await callHasBooking(tx, call.id)))
        await openCallbackTask(tx, {
          clinicId: call.clinicId,
          callId: call.id,
          reason: "The call was lost partway through",
        });
      ids.push(handoffId);
    }
    return ids;
  });
  for (const handoffId of handoffIds)
    await followUp(handoffId).catch((error: Error) =>
      console.warn(`[lost-calls] follow-up deferred to the worker: ${error.message}`),
    );
  return { closed: handoffIds.length };
}
