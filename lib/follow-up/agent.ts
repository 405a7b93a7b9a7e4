import "server-only";

import type { Handoff } from "@/types/handoff";
import { openCallbackTask } from "@/lib/db/callback-tasks";
import { insertCallEvent } from "@/lib/db/calls";
import { callWasHandled, enqueueFollowUps } from "@/lib/db/follow-ups";
import { markHandoffDelivered } from "@/lib/db/handoffs";
import { withService } from "@/lib/db/transaction";
import { recordWebhookEvent } from "@/lib/db/webhook-events";

import { planFollowUps } from "./plan";

/**
 * Sarah, the follow-up agent: takes a hand-off, decides what is owed and records it as
 * durable jobs. Idempotent: the same hand-off (same version) is acted on once, and jobs are
 * unique per call, kind and procedure, so repeated or concurrent deliveries change nothing.
 */
export async function acceptHandoff(
  handoff: Handoff,
): Promise<{ duplicate: boolean; created: number }> {
  return withService(async (tx) => {
    const seen = await recordWebhookEvent(tx, {
      source: "follow-up",
      dedupeKey: `handoff:${handoff.handoffId}:${handoff.updatedAt}`,
      messageType: "handoff",
      clinicId: handoff.clinicId,
    });
    if (seen.duplicate) return { duplicate: true, created: 0 };
    let plan = planFollowUps(handoff);
    // Something was done after all (a message taken, a transfer, an urgent flag): no missed-call text.
    if (
      plan.some((item) => item.kind === "missed_call") &&
      (await callWasHandled(tx, handoff.callId))
    )
      plan = plan.filter((item) => item.kind !== "missed_call");
    // A booked call's confirmation text is the appointment's own (lib/reminders), planned by
    // the database when the appointment was made: nothing here, so it is never sent twice.
    const created = await enqueueFollowUps(tx, handoff, plan);
    if (plan.some((item) => item.kind === "cut_off")) {
      await openCallbackTask(tx, {
        clinicId: handoff.clinicId,
        callId: handoff.callId,
        reason: "Cut off while booking",
      });
    }
    await markHandoffDelivered(tx, handoff.handoffId);
    if (created > 0) {
      await insertCallEvent(tx, {
        clinicId: handoff.clinicId,
        callId: handoff.callId,
        kind: "handoff",
        event: "follow-up.planned",
        metadata: {
          kinds: plan.map((item) => item.kind),
          skipped: plan.filter((item) => item.skipReason).length,
        },
      });
    }
    return { duplicate: false, created };
  });
}
