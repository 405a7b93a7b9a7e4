import "server-only";

import { insertCallEvent, recordWebhookEvent } from "@/lib/db/calls";
import { enqueueFollowUps } from "@/lib/db/follow-ups";
import { markHandoffDelivered } from "@/lib/db/handoffs";
import { withService } from "@/lib/db/transaction";
import { planFollowUps, type HandoffMemory } from "./memory";

/**
 * Sarah, the follow-up agent: takes a hand-off, decides what is owed and records it as
 * durable jobs. Idempotent: the same hand-off (same version) is acted on once, and jobs are
 * unique per call, kind and procedure, so repeated or concurrent deliveries change nothing.
 */
export async function acceptHandoff(memory: HandoffMemory): Promise<{ duplicate: boolean; created: number }> {
  return withService(async (tx) => {
    const seen = await recordWebhookEvent(tx, {
      source: "follow-up",
      dedupeKey: `handoff:${memory.handoffId}:${memory.updatedAt}`,
      messageType: "handoff",
      clinicId: memory.clinicId,
    });
    if (seen.duplicate) return { duplicate: true, created: 0 };
    const plan = planFollowUps(memory);
    const created = await enqueueFollowUps(tx, memory, plan);
    await markHandoffDelivered(tx, memory.handoffId);
    if (created > 0) {
      await insertCallEvent(tx, {
        clinicId: memory.clinicId,
        callId: memory.callId,
        kind: "handoff",
        event: "follow-up.planned",
        metadata: { kinds: plan.map((item) => item.kind), skipped: plan.filter((item) => item.skipReason).length },
      });
    }
    return { duplicate: false, created };
  });
}
