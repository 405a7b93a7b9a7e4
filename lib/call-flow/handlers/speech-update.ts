import "server-only";

import { applyCallEvent } from "@/lib/db/calls";
import { markUserStopped, nextTurn, recordTurnLatencies, takeUserStopped } from "@/lib/db/latency";
import { fromSpeechPair } from "@/lib/latency/extract";
import type { SpeechUpdate } from "@/lib/vapi/schemas";
import { inCallContext, requireCall } from "../context";

// speech-update: the first words move a connected call into conversation; the assistant
// speaking again ends an on-hold stall; each caller-stops / assistant-starts pair is a turn latency.
export async function speechUpdate(message: SpeechUpdate) {
  const key = `${message.call?.id}:speech-update:${message.role}:${message.status}:${message.turn ?? ""}:${message.timestamp?.getTime() ?? ""}`;
  const result = await inCallContext(message, key, async (ctx) => {
    const call = requireCall(ctx);
    // Latency: the caller's end of speech, then the assistant's start, by message timestamps.
    if (message.role === "user" && message.status === "stopped") await markUserStopped(ctx.tx, call, ctx.at, message.turn ?? null);
    if (message.role === "assistant" && message.status === "started") {
      const mark = await takeUserStopped(ctx.tx, call.id);
      const turn = mark ? fromSpeechPair(mark.userStoppedAt, ctx.at, message.turn ?? mark.turn ?? (await nextTurn(ctx.tx, call.id, "speech_update"))) : null;
      if (turn) await recordTurnLatencies(ctx.tx, { clinicId: call.clinicId, callId: call.id, source: "speech_update", turns: [turn], board: "replace" });
    }
    if (message.status !== "started") return;
    if (["idle", "incoming", "ringing", "connected"].includes(call.state)) {
      await applyCallEvent(ctx.tx, call.id, { type: "conversation.started" }, { occurredAt: ctx.at, metadata: { role: message.role } });
    } else if (call.state === "on_hold" && message.role === "assistant") {
      await applyCallEvent(ctx.tx, call.id, { type: "assistant.resumed" }, { occurredAt: ctx.at });
    }
  });
  return { status: 200, body: { ok: true, duplicate: result.duplicate } };
}
