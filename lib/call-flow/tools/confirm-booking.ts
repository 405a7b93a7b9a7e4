import { getAppointment } from "@/lib/db/appointments";
import { insertCallEvent, setCallDetails } from "@/lib/db/calls";
import { confirmBooking as confirmBookingAtomic } from "@/lib/db/slots";
import { matchProcedure } from "@/lib/procedures/lookup";
import { confirmBookingTool } from "@/lib/vapi/tool-definitions";

import { applyCallEvent } from "../apply-event";
import { alternativesTo } from "./alternatives";
import { defineTool } from "./types";

/** Keeps a plausible phone number in E.164-ish form, or nothing. */
function normalisePhone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const digits = raw.replace(/[^\d+]/g, "");
  return /^\+?[0-9]{7,15}$/.test(digits) ? digits : null;
}

// confirm_booking {slotId, patientName, procedure?, patientPhone?} -> books the slot this call holds.
export const confirmBooking = defineTool({
  ...confirmBookingTool,
  async run({ tx, clinic, call, at }, args) {
    await applyCallEvent(
      tx,
      call.id,
      { type: "booking.requested" },
      { occurredAt: at, metadata: { slotId: args.slotId } },
    );
    const procedure = args.procedure ? await matchProcedure(tx, clinic.id, args.procedure) : null;
    const result = await confirmBookingAtomic(tx, {
      slotId: args.slotId,
      callId: call.id,
      patientName: args.patientName,
      patientPhone: normalisePhone(args.patientPhone) ?? normalisePhone(call.callerNumber),
      procedureId: procedure?.id ?? null,
    });
    if (result.outcome === "booked" && result.bookingId) {
      await applyCallEvent(
        tx,
        call.id,
        { type: "booking.confirmed" },
        { occurredAt: at, metadata: { bookingId: result.bookingId } },
      );
      await insertCallEvent(tx, {
        clinicId: clinic.id,
        callId: call.id,
        kind: "booking",
        event: "booking.created",
        occurredAt: at,
        metadata: {
          bookingId: result.bookingId,
          slotId: args.slotId,
          procedureId: procedure?.id ?? null,
        },
      });
      await setCallDetails(tx, call.id, { callerName: args.patientName });
      const appointment = await getAppointment(tx, clinic.id, result.bookingId);
      const confirmed = appointment?.status === "confirmed";
      return {
        outcome: "booked",
        result: {
          booked: true,
          bookingId: result.bookingId,
          slotId: args.slotId,
          procedure: procedure?.name ?? null,
          status: confirmed ? "confirmed" : "pending",
          note: confirmed
            ? "It is booked and confirmed; a confirmation text follows the call."
            : "It is booked; the team will confirm it by text shortly.",
        },
      };
    }
    await applyCallEvent(
      tx,
      call.id,
      { type: "booking.failed" },
      { occurredAt: at, metadata: { slotId: args.slotId, reason: result.outcome } },
    );
    const alternatives = await alternativesTo(tx, {
      clinicId: clinic.id,
      locale: clinic.locale,
      callId: call.id,
      slotId: args.slotId,
    });
    return {
      outcome: result.outcome,
      result: {
        booked: false,
        slotId: args.slotId,
        reason:
          result.outcome === "hold_expired"
            ? "The hold on that time expired before it was confirmed; hold it again or offer another time."
            : "That time is not held for this call; hold it with hold_slot first.",
        alternatives,
      },
    };
  },
});
