import "server-only";

import { insertCallEvent } from "@/lib/db/calls";
import {
  flagCallUrgent,
  loadRoutingSource,
  queueUrgentAlert,
  upsertCallbackTask,
} from "@/lib/db/routing";
import type { Tx } from "@/lib/db/transaction";
import { runFollowUpsNow } from "@/lib/follow-up/loop";
import { openingState } from "@/lib/hours/opening";
import { onCallFor } from "@/lib/hours/routing";
import { SIGN_LABELS, type UrgentCheck } from "@/lib/hours/urgent";

/**
 * A call where urgent signs were recognised (by the server's keyword check on a transcript
 * line, the assistant's take_message, or a transfer request): flagged on the call (the board
 * and the call record show it), an urgent call-back task opened, and, the first time, staff
 * texted: the on-call clinician of the night while the front desk is closed, else the front
 * desk. Only categories are recorded, never the caller's words.
 */
export async function noteUrgentCall(
  ctx: {
    tx: Tx;
    clinicId: string;
    callId: string;
    at: Date;
    afterCommit(task: () => Promise<unknown>): void;
  },
  check: UrgentCheck,
  source: string,
): Promise<void> {
  if (check.signs.length === 0 && !check.emergency) return;
  const { tx, clinicId, callId, at } = ctx;
  const flagged = await flagCallUrgent(tx, callId, { ...check, at });
  if (!flagged.changed) return;
  await insertCallEvent(tx, {
    clinicId,
    callId,
    kind: "note",
    event: check.emergency ? "call.emergency" : "call.urgent",
    occurredAt: at,
    metadata: { signs: check.signs, emergency: check.emergency, source },
  });
  const routing = await loadRoutingSource(tx, clinicId);
  const signs = check.signs.map((sign) => SIGN_LABELS[sign]).join(", ");
  await upsertCallbackTask(tx, {
    clinicId,
    callId,
    reason: (check.emergency
      ? `Emergency signs${signs ? ` (${signs})` : ""}: told to call ${routing.emergencyNumber}`
      : `Urgent post-operative concern: ${signs}`
    ).slice(0, 200),
    urgency: "urgent",
  });
  if (!flagged.first) return;
  let open = false;
  try {
    open = openingState(routing.schedule, at.getTime()).open;
  } catch {
    open = false; // malformed hours: treat as closed, so the on-call clinician hears of it
  }
  const onCall = onCallFor(routing.rota, routing.schedule.timezone, at.getTime());
  const to = open
    ? (routing.frontDeskNumber ?? onCall?.phoneNumber)
    : (onCall?.phoneNumber ?? routing.frontDeskNumber);
  if (to && (await queueUrgentAlert(tx, { clinicId, callId, toNumber: to })))
    ctx.afterCommit(() => runFollowUpsNow());
}
