import "server-only";

import { storeRedactedTranscript, transcriptLines } from "@/lib/redaction/intercept";
import type { EndOfCallReport } from "@/lib/vapi/schemas";
import { inCallContext, requireCall } from "../context";
import { endCall } from "../end-call";

// end-of-call-report: ends the call if no status-update did, fills in why and when, and
// stores the transcript through the redaction intercept (raw text is never persisted).
export async function endOfCallReport(message: EndOfCallReport) {
  const key = `${message.call?.id}:end-of-call-report`;
  const result = await inCallContext(message, key, async (ctx) => {
    const call = requireCall(ctx);
    await endCall(ctx.tx, call, {
      endedReason: message.endedReason ?? null,
      at: ctx.at,
      endedAt: message.endedAt,
      source: "end-of-call-report",
    });
    await storeRedactedTranscript(ctx.tx, { clinicId: ctx.clinic.id, callId: call.id, lines: transcriptLines(message) });
  });
  return { status: 200, body: { ok: true, duplicate: result.duplicate } };
}
