import "server-only";

import { fillAnsweredAt, setTransferredTo } from "@/lib/db/calls";
import { setTransfer } from "@/lib/db/routing";
import { followUp } from "@/lib/follow-up";
import { describeDestination } from "@/lib/vapi/destination";
import type { StatusUpdate } from "@/lib/vapi/schemas";

import { applyCallEvent } from "../apply-event";
import { inCallContext, requireCall } from "../context";
import { endCall } from "../end-call";
import type { CallEvent } from "../machine";

const EVENTS: Record<string, CallEvent["type"]> = {
  queued: "call.received",
  scheduled: "call.received",
  ringing: "call.ringing",
  "in-progress": "call.answered",
  forwarding: "transfer.started",
};

// status-update: ringing, in-progress, forwarding, ended (other statuses are recorded as seen).
export async function statusUpdate(message: StatusUpdate) {
  const key = `${message.call?.id}:status-update:${message.status}:${message.timestamp?.getTime() ?? ""}`;
  const result = await inCallContext(message, key, async (ctx) => {
    const call = requireCall(ctx);
    if (message.status === "ended") {
      const { handoffId } = await endCall(ctx.tx, call, {
        endedReason: message.endedReason ?? null,
        at: ctx.at,
        source: "status-update",
      });
      ctx.afterCommit(() => followUp(handoffId));
      return;
    }
    const destination =
      message.status === "forwarding" ? describeDestination(message.destination) : null;
    if (destination) await setTransferredTo(ctx.tx, call.id, destination);
    // Vapi is putting the call through (as transfer-update says); whether anyone answered is
    // known at the end (lib/call-flow/end-call.ts).
    if (message.status === "forwarding")
      await setTransfer(ctx.tx, call.id, { outcome: "transferred" });
    const type = EVENTS[message.status];
    if (!type) return;
    const applied = await applyCallEvent(ctx.tx, call.id, { type } as CallEvent, {
      occurredAt: ctx.at,
      metadata: { status: message.status },
      patch: type === "call.answered" ? { answered_at: ctx.at } : undefined,
    });
    // A late in-progress (the conversation already started, or the call ended) moves nothing,
    // but it is still the only word on when the call was answered.
    if (type === "call.answered" && !applied.applied) await fillAnsweredAt(ctx.tx, call.id, ctx.at);
  });
  return { status: 200, body: { ok: true, duplicate: result.duplicate } };
}
