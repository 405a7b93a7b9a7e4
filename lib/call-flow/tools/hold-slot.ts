import { insertCallEvent } from "@/lib/db/calls";
import { claimSlot } from "@/lib/db/slots";
import { holdSlotTool } from "@/lib/vapi/tool-definitions";

import { applyCallEvent } from "../apply-event";
import { spokenTime, zonedIso } from "../time";
import { alternativesTo } from "./alternatives";
import { defineTool } from "./types";

export const HOLD_SECONDS = 90;

const REASONS = {
  taken: "Another caller has just taken that time.",
  not_found:
    "That slot does not exist or its offer has expired; use a slotId check_availability gave this call.",
  in_past: "That time has already passed.",
  call_ended: "This call has ended.",
} as const;

// hold_slot {slotId} -> holds the offered time for this call for 90 s (claim_slot_atomic), or offers alternatives.
export const holdSlot = defineTool({
  ...holdSlotTool,
  async run({ tx, clinic, call, at }, { slotId }) {
    const claim = await claimSlot(tx, slotId, call.id, HOLD_SECONDS, clinic.id);
    if (claim.outcome === "held" && claim.heldUntil) {
      await applyCallEvent(
        tx,
        call.id,
        { type: "slot.held" },
        { occurredAt: at, metadata: { slotId } },
      );
      await insertCallEvent(tx, {
        clinicId: clinic.id,
        callId: call.id,
        kind: "hold",
        event: "slot.held",
        occurredAt: at,
        // The time itself too: offers are cleared an hour after they expire, the call page is not.
        metadata: {
          slotId,
          heldUntil: claim.heldUntil.toISOString(),
          ...(claim.startsAt ? { startsAt: claim.startsAt.toISOString() } : {}),
        },
      });
      return {
        outcome: "held",
        result: {
          held: true,
          slotId,
          heldUntil: zonedIso(claim.heldUntil, clinic.timezone),
          holdSeconds: HOLD_SECONDS,
          label: claim.startsAt ? spokenTime(claim.startsAt, clinic) : undefined,
        },
      };
    }
    const alternatives =
      claim.outcome === "call_ended"
        ? []
        : await alternativesTo(tx, {
            clinicId: clinic.id,
            locale: clinic.locale,
            callId: call.id,
            slotId,
            offer: claim.offer,
          });
    return {
      outcome: claim.outcome,
      result: {
        held: false,
        slotId,
        reason: REASONS[claim.outcome as keyof typeof REASONS] ?? "That time is not available.",
        alternatives,
      },
    };
  },
});
