import "server-only";

import { z } from "zod";

import { recordWebhookEvent } from "@/lib/db/calls";
import { withService } from "@/lib/db/transaction";
import { deliverHandoff } from "@/lib/follow-up/delivery";
import { runAfterResponse } from "../context";
import { endCall } from "../end-call";

export const twilioCallStatusSchema = z.looseObject({
  CallSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/, "CallSid must be a Twilio call sid"),
  CallStatus: z.string().min(1).max(30),
  Timestamp: z.string().optional(),
});

const ENDED = new Set(["completed", "busy", "failed", "no-answer", "canceled"]);

// Twilio call-status: the carrier says the call is over, whatever Vapi managed to send. The call
// ends (if it had not) and its holds are released at once.
export async function twilioCallStatus(params: z.infer<typeof twilioCallStatusSchema>) {
  if (!ENDED.has(params.CallStatus)) return { status: 200, body: { ok: true, ignored: params.CallStatus } };
  const result = await withService(async (tx) => {
    const call = await tx.maybeOne<{ id: string; clinicId: string }>(
      `select id, clinic_id as "clinicId" from public.calls where twilio_call_sid = $1`,
      [params.CallSid],
    );
    if (!call) return { status: 200, body: { ok: true, ignored: "unknown call" } };
    const seen = await recordWebhookEvent(tx, { source: "twilio", dedupeKey: `call-status:${params.CallSid}:${params.CallStatus}`,
      messageType: "call-status", clinicId: call.clinicId, externalCallId: params.CallSid });
    if (seen.duplicate) return { status: 200, body: { ok: true, duplicate: true } };
    const at = params.Timestamp && !Number.isNaN(Date.parse(params.Timestamp)) ? new Date(params.Timestamp) : new Date();
    const { handoffId } = await endCall(tx, call, { endedReason: `twilio-${params.CallStatus}`, at, source: "twilio-call-status" });
    return { status: 200, body: { ok: true, duplicate: false }, handoffId };
  });
  if ("handoffId" in result && result.handoffId) runAfterResponse(() => deliverHandoff(result.handoffId));
  return { status: result.status, body: result.body };
}
