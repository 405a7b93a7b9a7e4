import { insertCallEvent } from "@/lib/db/calls";
import { joinWaitlistByPhone } from "@/lib/db/waitlist";
import { joinWaitlistTool } from "@/lib/vapi/tool-definitions";

import { defineTool } from "./types";

const REASONS: Record<string, string> = {
  not_found:
    "That appointmentId is not one of the caller's appointments; use an appointmentId find_appointments returned on this call.",
  not_allowed:
    "That appointment can no longer go on the waitlist (it has started, was cancelled or has happened).",
  no_caller_number:
    "The number they are calling from is hidden, so their appointment cannot be found by phone. Offer a call back from the team.",
};

const WAITING_NOTE =
  "Tell the caller they are on the waitlist: if an earlier time comes up for this treatment they will get a text with a link, and the first to take it gets it. Their current appointment stays as it is until then.";

// join_waitlist {appointmentId} -> the caller's own appointment (booked under the number they
// call from) goes on the waitlist for an earlier time; joining twice is harmless.
export const joinWaitlist = defineTool({
  ...joinWaitlistTool,
  async run({ tx, clinic, call, at }, { appointmentId }) {
    const outcome = call.callerNumber
      ? await joinWaitlistByPhone(tx, {
          clinicId: clinic.id,
          bookingId: appointmentId,
          phone: call.callerNumber,
        })
      : "no_caller_number";
    if (outcome === "waiting" || outcome === "already_waiting") {
      if (outcome === "waiting")
        await insertCallEvent(tx, {
          clinicId: clinic.id,
          callId: call.id,
          kind: "booking",
          event: "waitlist.joined",
          occurredAt: at,
          metadata: { bookingId: appointmentId },
        });
      return { outcome, result: { waitlisted: true, note: WAITING_NOTE } };
    }
    return {
      outcome,
      result: { waitlisted: false, reason: REASONS[outcome] ?? "It could not be added." },
    };
  },
});
