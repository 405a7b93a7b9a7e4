import "server-only";

import { z } from "zod";

import { retryOnConflict } from "@/lib/db/errors";
import { lockCalls } from "@/lib/db/locks";
import { withService } from "@/lib/db/transaction";
import { recordWebhookEvent } from "@/lib/db/webhook-events";
import { deliverHandoff } from "@/lib/follow-up/delivery";
import { runAfterResponse } from "../context";
import { endCall } from "../end-call";

export const twilioCallStatusSchema = z.looseObject({
  CallSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/, "CallSid must be a Twilio call sid"),
  CallStatus: z.string().min(1).max(30),
  Timestamp: z.string().max(100).optional(),
});

const ENDED = new Set(["completed", "busy", "failed", "no-answer", "canceled"]);

// Twilio call-status: the carrier says the call is over, whatever Vapi managed to send. Every
// call on that CallSid ends (if it had not) and its holds are released at once. Locks follow
// the one order (lib/db/locks.ts): the dedupe row, the calls, then their slots.
export async function twilioCallStatus(params: z.infer<typeof twilioCallStatusSchema>) {
  if (!ENDED.has(params.CallStatus)) return { status: 200, body: { ok: true, ignored: params.CallStatus } };
  const at = params.Timestamp && !Number.isNaN(Date.parse(params.Timestamp)) ? new Date(params.Timestamp) : new Date();
  const result = await retryOnConflict(() =>
    withService(async (tx) => {
      const known = await tx.maybeOne<{ clinicId: string }>(
        `select clinic_id as "clinicId" from public.calls where twilio_call_sid = $1 limit 1`,
        [params.CallSid],
      );
      if (!known) return { body: { ok: true, ignored: "unknown call" }, handoffIds: [] };
      const seen = await recordWebhookEvent(tx, { source: "twilio", dedupeKey: `call-status:${params.CallSid}:${params.CallStatus}`,
        messageType: "call-status", clinicId: known.clinicId, externalCallId: params.CallSid });
      if (seen.duplicate) return { body: { ok: true, duplicate: true }, handoffIds: [] };
      const handoffIds: string[] = [];
      for (const call of await lockCalls(tx, { twilioCallSid: params.CallSid })) {
        handoffIds.push((await endCall(tx, call, { endedReason: `twilio-${params.CallStatus}`, at, source: "twilio-call-status" })).handoffId);
      }
      return { body: { ok: true, duplicate: false }, handoffIds };
    }),
  );
  for (const handoffId of result.handoffIds) runAfterResponse(() => deliverHandoff(handoffId));
  return { status: 200, body: result.body };
}
