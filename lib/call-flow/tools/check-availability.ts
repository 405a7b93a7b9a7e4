import { isTerminal } from "@/types/call-states";
import { addProcedureOfInterest, setCallDetails } from "@/lib/db/calls";
import { listAvailableSlots } from "@/lib/db/slots";
import { matchProcedure } from "@/lib/procedures/lookup";
import { checkAvailabilityTool } from "@/lib/vapi/tool-definitions";

import { applyCallEvent } from "../apply-event";
import { describeSlot } from "./slot-format";
import { defineTool } from "./types";

// check_availability {procedure?, date?, partOfDay?} -> up to 5 bookable slots, soonest first.
export const checkAvailability = defineTool({
  ...checkAvailabilityTool,
  async run({ tx, clinic, call, at }, args) {
    await applyCallEvent(
      tx,
      call.id,
      { type: "availability.requested" },
      { occurredAt: at, patch: { intent: "booking" } },
    );
    // A late delivery after the call ended is answered, but the call (and its hand-off) stay as they ended.
    if (!isTerminal(call.state)) {
      await setCallDetails(tx, call.id, { intent: "booking" });
      if (args.procedure) {
        const procedure = await matchProcedure(tx, clinic.id, args.procedure);
        if (procedure) await addProcedureOfInterest(tx, call.id, procedure.id);
      }
    }
    let slots = await listAvailableSlots(tx, clinic.id, {
      date: args.date,
      partOfDay: args.partOfDay,
    });
    let note: string | undefined;
    if (slots.length === 0 && (args.date || args.partOfDay)) {
      slots = await listAvailableSlots(tx, clinic.id, {});
      note = "Nothing is free at that time; these are the next available appointments.";
    }
    if (slots.length === 0)
      note =
        "There are no free appointments in the next two weeks; offer a call back from the team.";
    return {
      outcome: `${slots.length} slots`,
      result: {
        slots: slots.map((slot) => describeSlot(slot, clinic.timezone)),
        timezone: clinic.timezone,
        ...(note ? { note } : {}),
      },
    };
  },
});
