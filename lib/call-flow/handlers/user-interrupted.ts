import "server-only";

import { countInterruption } from "@/lib/db/calls";
import type { UserInterrupted } from "@/lib/vapi/schemas";

import { inCallContext, requireCall } from "../context";

// user-interrupted: the caller talked over the assistant. Counted per call (shown next to its
// latency: barge-ins often follow slow or long replies); a retried delivery counts once.
export async function userInterrupted(message: UserInterrupted) {
  const key = `${message.call?.id}:user-interrupted:${message.turnId ?? ""}:${message.timestamp?.getTime() ?? ""}`;
  const result = await inCallContext(message, key, async (ctx) => {
    await countInterruption(ctx.tx, requireCall(ctx).id);
  });
  return { status: 200, body: { ok: true, duplicate: result.duplicate } };
}
