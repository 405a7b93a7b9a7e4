import "server-only";

import type { EndOfCallReport } from "@/lib/vapi/schemas";
import { inCallContext, requireCall } from "../context";
import { endCall } from "../end-call";

// end-of-call-report: ends the call if no status-update did, and fills in why and when.
// The transcript is not stored here: it may only reach `logs` through the redaction intercept.
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
  });
  return { status: 200, body: { ok: true, duplicate: result.duplicate } };
}
