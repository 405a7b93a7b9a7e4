import { cancelByPhone } from "@/lib/db/appointment-changes";
import { insertCallEvent, setCallDetails } from "@/lib/db/calls";
import { cancelAppointmentTool } from "@/lib/vapi/tool-definitions";

import { defineTool } from "./types";

const REASONS: Record<string, string> = {
  call_ended: "This call has ended.",
  not_found:
    "That appointmentId is not one of the caller's appointments; use an appointmentId find_appointments returned on this call.",
  not_allowed:
    "That appointment can no longer be cancelled by phone (it has started, was already cancelled or has happened). Offer a call back from the team.",
};

// cancel_appointment {appointmentId, reason?} -> cancels the caller's own appointment (the
// assistant reads the clinic's cancellation policy first); its time is freed at once.
export const cancelAppointment = defineTool({
  ...cancelAppointmentTool,
  async run({ tx, clinic, call, at }, { appointmentId, reason }) {
    const outcome = await cancelByPhone(tx, {
      bookingId: appointmentId,
      callId: call.id,
      reason: reason
        ? `Cancelled by the patient on a call: ${reason}`
        : "Cancelled by the patient on a call.",
    });
    if (outcome === "cancelled") {
      await setCallDetails(tx, call.id, { intent: "cancel" });
      await insertCallEvent(tx, {
        clinicId: clinic.id,
        callId: call.id,
        kind: "booking",
        event: "booking.cancelled",
        occurredAt: at,
        metadata: { bookingId: appointmentId },
      });
      return { outcome, result: { cancelled: true } };
    }
    return {
      outcome,
      result: { cancelled: false, reason: REASONS[outcome] ?? "It could not be cancelled." },
    };
  },
});
