import "server-only";

import { runAfterResponse } from "@/lib/call-flow/context";
import { endCall } from "@/lib/call-flow/end-call";
import { findClinicOfTwilioCall } from "@/lib/db/calls";
import { retryOnConflict } from "@/lib/db/errors";
import { lockCalls } from "@/lib/db/locks";
import { withService } from "@/lib/db/transaction";
import { recordWebhookEvent } from "@/lib/db/webhook-events";
import { followUp } from "@/lib/follow-up";

import type { CallStatusCallback } from "../schemas";

const ENDED = new Set(["completed", "busy", "failed", "no-answer", "canceled"]);

// call-status: the carrier says the call is over, whatever Vapi managed to send. Every call on
// that CallSid ends (if it had not) and its holds are released at once. Locks follow the one
// order (lib/db/locks.ts): the dedupe row, the calls, then their holds.
export async function callStatus(params: CallStatusCallback) {
  if (!ENDED.has(params.CallStatus))
    return { status: 200, body: { ok: true, ignored: params.CallStatus } };
  const at =
    params.Timestamp && !Number.isNaN(Date.parse(params.Timestamp))
      ? new Date(params.Timestamp)
      : new Date();
  const result = await retryOnConflict(() =>
    withService(async (tx) => {
      const clinicId = await findClinicOfTwilioCall(tx, params.CallSid);
      if (!clinicId) return { body: { ok: true, ignored: "unknown call" }, handoffIds: [] };
      const seen = await recordWebhookEvent(tx, {
        source: "twilio",
        dedupeKey: `call-status:${params.CallSid}:${params.CallStatus}`,
        messageType: "call-status",
        clinicId,
        externalCallId: params.CallSid,
      });
      if (seen.duplicate) return { body: { ok: true, duplicate: true }, handoffIds: [] };
      const handoffIds: string[] = [];
      for (const call of await lockCalls(tx, { twilioCallSid: params.CallSid })) {
        handoffIds.push(
          (
            await endCall(tx, call, {
              endedReason: `twilio-${params.CallStatus}`,
              at,
              source: "twilio-call-status",
            })
          ).handoffId,
        );
      }
      return { body: { ok: true, duplicate: false }, handoffIds };
    }),
  );
  for (const handoffId of result.handoffIds) runAfterResponse(() => followUp(handoffId));
  return { status: 200, body: result.body };
}
