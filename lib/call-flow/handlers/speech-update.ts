import "server-only";

import type { SpeechEvent } from "@/types/latency";
import { listSpeechEvents, recordSpeechEvent, replaceSpeechTurns } from "@/lib/db/latency";
import { fromSpeechEvents } from "@/lib/latency/extract";
import type { SpeechUpdate } from "@/lib/vapi/schemas";

import { applyCallEvent } from "../apply-event";
import { inCallContext, requireCall } from "../context";

// speech-update: the first words move a connected call into conversation; the assistant
// speaking again ends an on-hold stall; each caller-stops / assistant-starts pair is a turn latency
// (paired by time, so a late or crossed update still measures the right turn).
export async function speechUpdate(message: SpeechUpdate) {
  const key = `${message.call?.id}:speech-update:${message.role}:${message.status}:${message.turn ?? ""}:${message.timestamp?.getTime() ?? ""}`;
  const result = await inCallContext(message, key, async (ctx) => {
    const call = requireCall(ctx);
    // Latency: the caller's ends of speech and the assistant's starts, paired by their timestamps.
    const spoke =
      (message.role === "user" && message.status === "stopped") ||
      (message.role === "assistant" && message.status === "started");
    if (spoke) {
      await recordSpeechEvent(ctx.tx, call, {
        role: message.role as SpeechEvent["role"],
        at: ctx.at,
        turn: message.turn ?? null,
      });
      await replaceSpeechTurns(
        ctx.tx,
        call,
        fromSpeechEvents(await listSpeechEvents(ctx.tx, call.id)),
      );
    }
    if (message.status !== "started") return;
    if (["idle", "incoming", "ringing", "connected"].includes(call.state)) {
      await applyCallEvent(
        ctx.tx,
        call.id,
        { type: "conversation.started" },
        { occurredAt: ctx.at, metadata: { role: message.role } },
      );
    } else if (call.state === "on_hold" && message.role === "assistant") {
      await applyCallEvent(ctx.tx, call.id, { type: "assistant.resumed" }, { occurredAt: ctx.at });
    }
  });
  return { status: 200, body: { ok: true, duplicate: result.duplicate } };
}
