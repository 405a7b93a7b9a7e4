import "server-only";

import { recordTurnLatencies } from "@/lib/db/latency";
import { deliverHandoff } from "@/lib/follow-up/delivery";
import { fromArtifactMessages, fromPerformanceMetrics } from "@/lib/latency/extract";
import { rememberCall } from "@/lib/follow-up/remember";
import { transcriptLines } from "@/lib/redaction/intercept";
import type { EndOfCallReport } from "@/lib/vapi/schemas";
import { inCallContext, requireCall } from "../context";
import { endCall } from "../end-call";

// end-of-call-report: ends the call if no status-update did, fills in why and when, stores the
// transcript through the redaction intercept (raw text is never persisted), enriches the
// hand-off, and hands it to the follow-up agent once committed.
export async function endOfCallReport(message: EndOfCallReport) {
  const key = `${message.call?.id}:end-of-call-report`;
  const result = await inCallContext(message, key, async (ctx) => {
    const call = requireCall(ctx);
    const { handoffId } = await endCall(ctx.tx, call, {
      endedReason: message.endedReason ?? null,
      at: ctx.at,
      endedAt: message.endedAt,
      source: "end-of-call-report",
    });
    await rememberCall(ctx.tx, {
      clinicId: ctx.clinic.id,
      callId: call.id,
      lines: transcriptLines(message),
      summary: message.analysis?.summary,
      structuredData: message.analysis?.structuredData,
    });
    const artifact = message.artifact;
    const measured = { clinicId: ctx.clinic.id, callId: call.id };
    await recordTurnLatencies(ctx.tx, { ...measured, source: "artifact_messages", turns: fromArtifactMessages(artifact?.messages ?? message.messages) });
    await recordTurnLatencies(ctx.tx, { ...measured, source: "performance_metrics", turns: fromPerformanceMetrics(artifact?.performanceMetrics) });
    ctx.afterCommit(() => deliverHandoff(handoffId));
  });
  return { status: 200, body: { ok: true, duplicate: result.duplicate } };
}
