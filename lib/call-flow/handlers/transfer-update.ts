import "server-only";

import { setTransferredTo } from "@/lib/db/calls";
import { setTransfer } from "@/lib/db/routing";
import { describeDestination } from "@/lib/vapi/destination";
import type { TransferUpdate } from "@/lib/vapi/schemas";

import { applyCallEvent } from "../apply-event";
import { inCallContext, requireCall } from "../context";

// transfer-update: the assistant forwarded the call. The call moves to transferring (if it can
// still move) and records who took it, for the call page and the live board, and that the
// transfer went through (calls.transfer_outcome = transferred; a warm transfer nobody answers
// comes back to Voxanne, whose take_message then records it as unanswered).
export async function transferUpdate(message: TransferUpdate) {
  const destination = describeDestination(message.destination);
  const key = `${message.call?.id}:transfer-update:${message.timestamp?.getTime() ?? ""}:${destination ?? ""}`;
  const result = await inCallContext(message, key, async (ctx) => {
    const call = requireCall(ctx);
    if (destination) await setTransferredTo(ctx.tx, call.id, destination);
    await setTransfer(ctx.tx, call.id, { outcome: "transferred" });
    await applyCallEvent(
      ctx.tx,
      call.id,
      { type: "transfer.started" },
      { occurredAt: ctx.at, metadata: { source: "transfer-update", destination } },
    );
  });
  return { status: 200, body: { ok: true, duplicate: result.duplicate } };
}
