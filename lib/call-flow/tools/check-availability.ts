import { isTerminal } from "@/types/call-states";
import { noteBookingInterest } from "@/lib/db/calls";
import { matchProcedure } from "@/lib/procedures/lookup";
import { checkAvailabilityTool } from "@/lib/vapi/tool-definitions";

import { applyCallEvent } from "../apply-event";
import { offerTimes } from "./offer-times";
import { defineTool } from "./types";

const KIND_WORDS = {
  consultation: "consultation",
  treatment: "treatment",
  surgery: "surgery",
  review: "review",
} as const;

// check_availability {procedure, practitioner?, date?, partOfDay?, kind?} -> up to 5 times of the
// procedure's appointment type (the consultation first where one is required), soonest first but
// spread, each recorded as an offer only this call can hold.
export const checkAvailability = defineTool({
  ...checkAvailabilityTool,
  async run({ tx, clinic, call, at }, args) {
    await applyCallEvent(
      tx,
      call.id,
      { type: "availability.requested" },
      { occurredAt: at, patch: { intent: "booking" } },
    );
    const empty = (note: string, outcome: string) => ({
      outcome,
      result: { slots: [], timezone: clinic.timezone, note },
    });
    const procedure = args.procedure ? await matchProcedure(tx, clinic.id, args.procedure) : null;
    // A late delivery after the call ended is answered, but the call (and its hand-off) stay as
    // they ended. Intent and procedure of interest in one statement.
    if (!isTerminal(call.state)) await noteBookingInterest(tx, call.id, procedure?.id ?? null);
    if (!args.procedure)
      return empty(
        "Ask the caller which treatment or procedure they would like to book, then call check_availability with it. Times depend on the treatment.",
        "no_procedure",
      );
    if (!procedure)
      return empty(
        "We don't offer that procedure. Tell the caller which procedures we offer, or offer a call back from the team.",
        "unknown_procedure",
      );

    const offered = await offerTimes(tx, {
      clinicId: clinic.id,
      callId: call.id,
      locale: clinic.locale,
      procedureId: procedure.id,
      kind: args.kind,
      practitioner: args.practitioner,
      date: args.date,
      partOfDay: args.partOfDay,
    });
    const type = offered.type;
    if (!type)
      return empty(
        args.kind
          ? `${procedure.name} has no ${KIND_WORDS[args.kind]} that can be booked by phone; offer a call back from the team.`
          : `${procedure.name} cannot be booked by phone yet; offer a call back from the team.`,
        "no_type",
      );
    const notes: string[] = [];
    if (offered.practitionerUnknown)
      notes.push(
        `${args.practitioner} does not do the ${type.name}; these times are with the practitioners who do.`,
      );
    if (offered.consultationFirst)
      notes.unshift(
        `${procedure.name} needs a consultation first; these are times for the ${type.name}.`,
      );
    if (offered.widened)
      notes.push("Nothing is free at that time; these are the next available appointments.");
    if (offered.slots.length === 0)
      notes.push(
        `There are no free times for the ${type.name} within the booking window; offer a call back from the team.`,
      );
    return {
      outcome: `${offered.slots.length} slots`,
      result: {
        slots: offered.slots,
        timezone: clinic.timezone,
        appointmentType: {
          name: type.name,
          kind: type.kind,
          durationMinutes: type.durationMinutes,
          procedure: procedure.name,
          // "instant": tell the caller it is booked; "staff": the team will confirm it.
          confirmation: type.confirmation,
        },
        ...(notes.length ? { note: notes.join(" ") } : {}),
      },
    };
  },
});
