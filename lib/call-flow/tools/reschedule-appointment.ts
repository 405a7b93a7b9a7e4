import { rescheduleByPhone } from "@/lib/db/appointment-changes";
import { insertCallEvent, setCallDetails } from "@/lib/db/calls";
import { getOffer } from "@/lib/db/offers";
import { rescheduleAppointmentTool } from "@/lib/vapi/tool-definitions";

import { spokenTime, zonedIso } from "../time";
import { alternativesTo } from "./alternatives";
import { defineTool } from "./types";

const REASONS: Record<string, string> = {
  call_ended: "This call has ended.",
  slot_not_found:
    "That slotId is not a time offered on this call, or the offer has expired; call check_availability for the same treatment and use one of its slotIds.",
  not_found:
    "That appointmentId is not one of the caller's appointments; use an appointmentId find_appointments returned on this call.",
  not_allowed:
    "That appointment can no longer be moved (it has started, was cancelled or has already happened). Offer a call back from the team.",
  in_past: "That time has already passed; offer another time.",
  changed:
    "The appointment was changed a moment ago (on the manage link or by the clinic); call find_appointments again and read the caller its current time.",
  taken: "Someone else has just taken that time; offer one of the alternatives.",
  different_type:
    "That time is for a different treatment; call check_availability with the appointment's own treatment.",
};

// reschedule_appointment {appointmentId, slotId} -> moves the caller's appointment onto a time
// check_availability offered this call, in one transaction (reschedule_appointment_atomic): the
// new time taken and the old freed together, never none or two.
export const rescheduleAppointment = defineTool({
  ...rescheduleAppointmentTool,
  async run({ tx, clinic, call, at }, { appointmentId, slotId }) {
    const moved = await rescheduleByPhone(tx, {
      bookingId: appointmentId,
      slotId,
      callId: call.id,
    });
    if (moved.outcome === "rescheduled" && moved.startsAt && moved.endsAt) {
      await setCallDetails(tx, call.id, { intent: "reschedule" });
      await insertCallEvent(tx, {
        clinicId: clinic.id,
        callId: call.id,
        kind: "booking",
        event: "booking.rescheduled",
        occurredAt: at,
        metadata: { bookingId: appointmentId, slotId, startsAt: moved.startsAt.toISOString() },
      });
      return {
        outcome: "rescheduled",
        result: {
          rescheduled: true,
          appointmentId,
          start: zonedIso(moved.startsAt, clinic.timezone),
          end: zonedIso(moved.endsAt, clinic.timezone),
          label: spokenTime(moved.startsAt, clinic),
          note: "It is moved; the old time is released.",
        },
      };
    }
    const alternatives =
      moved.outcome === "taken" || moved.outcome === "in_past"
        ? await alternativesTo(tx, {
            clinicId: clinic.id,
            locale: clinic.locale,
            callId: call.id,
            slotId,
            offer: await getOffer(tx, clinic.id, slotId),
          })
        : [];
    return {
      outcome: moved.outcome,
      result: {
        rescheduled: false,
        reason: REASONS[moved.outcome] ?? "That appointment could not be moved.",
        ...(alternatives.length ? { alternatives } : {}),
      },
    };
  },
});
