import "server-only";

import type { HangMessage } from "@/lib/vapi/schemas";

import { applyCallEvent } from "../apply-event";
import { inCallContext, requireCall } from "../context";

// hang: the assistant has gone quiet (slow model, voice or tool server); the caller is waiting.
export async function hang(message: HangMessage) {
  const key = `${message.call?.id}:hang:${message.timestamp?.getTime() ?? ""}`;
  const result = await inCallContext(message, key, async (ctx) => {
    const call = requireCall(ctx);
    await applyCallEvent(ctx.tx, call.id, { type: "assistant.stalled" }, { occurredAt: ctx.at });
  });
  return { status: 200, body: { ok: true, duplicate: result.duplicate } };
}
