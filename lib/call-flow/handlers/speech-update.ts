import "server-only";

import { applyCallEvent } from "@/lib/db/calls";
import type { SpeechUpdate } from "@/lib/vapi/schemas";
import { inCallContext, requireCall } from "../context";

// speech-update: the first words move a connected call into conversation; the assistant
// speaking again ends an on-hold stall. Other turns change no state (latency is measured later).
export async function speechUpdate(message: SpeechUpdate) {
  const key = `${message.call?.id}:speech-update:${message.role}:${message.status}:${message.turn ?? ""}:${message.timestamp?.getTime() ?? ""}`;
  const result = await inCallContext(message, key, async (ctx) => {
    const call = requireCall(ctx);
    if (message.status !== "started") return;
    if (["idle", "incoming", "ringing", "connected"].includes(call.state)) {
      await applyCallEvent(ctx.tx, call.id, { type: "conversation.started" }, { occurredAt: ctx.at, metadata: { role: message.role } });
    } else if (call.state === "on_hold" && message.role === "assistant") {
      await applyCallEvent(ctx.tx, call.id, { type: "assistant.resumed" }, { occurredAt: ctx.at });
    }
  });
  return { status: 200, body: { ok: true, duplicate: result.duplicate } };
}
