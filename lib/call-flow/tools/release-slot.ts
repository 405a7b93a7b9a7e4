import { insertCallEvent } from "@/lib/db/calls";
import { releaseSlotHold } from "@/lib/db/slots";
import { releaseSlotTool } from "@/lib/vapi/tool-definitions";

import { applyCallEvent } from "../apply-event";
import { defineTool } from "./types";

// release_slot {slotId} -> releases this call's hold, e.g. when the caller wants another time.
export const releaseSlot = defineTool({
  ...releaseSlotTool,
  async run({ tx, clinic, call, at }, { slotId }) {
    const outcome = await releaseSlotHold(tx, slotId, call.id);
    if (outcome === "released") {
      await applyCallEvent(
        tx,
        call.id,
        { type: "slot.released" },
        { occurredAt: at, metadata: { slotId } },
      );
      await insertCallEvent(tx, {
        clinicId: clinic.id,
        callId: call.id,
        kind: "release",
        event: "slot.released",
        occurredAt: at,
        metadata: { slotId, by: "caller" },
      });
      return { outcome, result: { released: true, slotId } };
    }
    return {
      outcome,
      result: { released: false, slotId, reason: "That slot is not held by this call." },
    };
  },
});
