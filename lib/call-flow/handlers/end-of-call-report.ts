import "server-only";

import { recordCallReport } from "@/lib/db/calls";
import { recordTurnLatencies } from "@/lib/db/latency";
import { followUp } from "@/lib/follow-up";
import { fromArtifactMessages, fromPerformanceMetrics } from "@/lib/latency/extract";
import { storeRedactedTranscript } from "@/lib/redaction/intercept";
import {
  reportMessages,
  reportStructuredData,
  reportTimes,
  transcriptLines,
} from "@/lib/vapi/report";
import type { EndOfCallReport } from "@/lib/vapi/schemas";

import { applyCallEvent } from "../apply-event";
import { inCallContext, requireCall } from "../context";
import { endCall } from "../end-call";
import { completeHandoff } from "../handoff";

// end-of-call-report: ends the call if no status-update did, fills in why, when, how long and
// what it cost and the turn latencies; then, in this order, stores the transcript through the
// redaction intercept (raw text is never persisted), completes the hand-off, and hands it to
// the follow-up agent once committed. Reports of every vintage are read the same way
// (lib/vapi/report.ts).
export async function endOfCallReport(message: EndOfCallReport) {
  const key = `${message.call?.id}:end-of-call-report`;
  const times = reportTimes(message);
  const lines = transcriptLines(message);
  const result = await inCallContext(
    message,
    key,
    async (ctx) => {
      const call = requireCall(ctx);
      // A call first seen at its report (earlier messages lost) is filed by what the report
      // shows: someone answered if anyone spoke, and a caller who spoke had a conversation.
      if (["idle", "incoming", "ringing"].includes(call.state) && lines.length > 0) {
        const at = times.startedAt ?? ctx.at;
        const metadata = { source: "end-of-call-report" };
        await applyCallEvent(
          ctx.tx,
          call.id,
          { type: "call.answered" },
          { occurredAt: at, metadata, patch: { answered_at: at } },
        );
        if (lines.some((line) => line.speaker === "user")) {
          await applyCallEvent(
            ctx.tx,
            call.id,
            { type: "conversation.started" },
            { occurredAt: lines.find((line) => line.speaker === "user")?.at ?? at, metadata },
          );
        }
      }
      const { handoffId } = await endCall(ctx.tx, call, {
        endedReason: message.endedReason ?? null,
        at: ctx.at,
        endedAt: times.endedAt,
        source: "end-of-call-report",
      });
      await recordCallReport(ctx.tx, call.id, {
        durationMs: times.durationMs,
        costUsd: message.cost,
      });
      const ids = { clinicId: ctx.clinic.id, callId: call.id };
      await recordTurnLatencies(ctx.tx, {
        ...ids,
        source: "artifact_messages",
        turns: fromArtifactMessages(reportMessages(message)),
      });
      await recordTurnLatencies(ctx.tx, {
        ...ids,
        source: "performance_metrics",
        turns: fromPerformanceMetrics(message.artifact?.performanceMetrics),
      });
      // 1. Redaction: the transcript is stored only in its redacted form (the only way into logs).
      const redacted = await storeRedactedTranscript(ctx.tx, {
        ...ids,
        lines,
        summary: message.analysis?.summary,
      });
      // 2. The hand-off: what the report adds for the follow-up agent.
      await completeHandoff(ctx.tx, {
        ...ids,
        heard: lines,
        redacted,
        structuredData: reportStructuredData(message),
      });
      // 3. The follow-up: the hand-off goes to the agent once all of this has committed.
      ctx.afterCommit(() => followUp(handoffId));
    },
    // Never filed as starting after it ended: the report's start, else its end.
    { startedAt: times.startedAt ?? times.endedAt },
  );
  return { status: 200, body: { ok: true, duplicate: result.duplicate } };
}
