import "server-only";

import type { Col, Outer } from "./rows";
import type { Tx } from "./transaction";

/**
 * The assistant's side of the diary: claiming, confirming and releasing what check_availability
 * offered a call (`slotId` is a `slot_offers` id). The SQL functions are in
 * supabase/migrations/20261130000200_diary_bookings.sql; they take the locks in the documented
 * order (lib/db/locks.ts).
 */

export type ClaimOutcome = "held" | "taken" | "not_found" | "in_past" | "call_ended";

/** The offer a claim named, when it is this clinic's: what alternatives to a refusal are like. */
export interface ClaimedOffer {
  appointmentTypeId: string;
  procedureId: string | null;
  practitionerId: string;
  startsAt: Date;
}

/**
 * Claims an offer (claim_slot_atomic) and, in the same round trip, reads the offer it names
 * (when it is `clinicId`'s), so a refused caller's alternatives need no further lookup.
 */
export async function claimSlot(
  tx: Tx,
  slotId: string,
  callId: string,
  holdSeconds = 90,
  clinicId?: string,
): Promise<{
  outcome: ClaimOutcome;
  heldUntil: Date | null;
  startsAt: Date | null;
  offer: ClaimedOffer | null;
}> {
  const row = await tx.one<{
    /** claim_slot_atomic's outcome, computed in SQL. */
    outcome: ClaimOutcome;
    /** claim_slot_atomic's held_until, computed in SQL. */
    heldUntil: Date | null;
    /** The offer, through an outer join: null when it is not there. */
    startsAt: Outer<Col<"slot_offers", "starts_at">>;
    clinicId: Outer<Col<"slot_offers", "clinic_id">>;
    appointmentTypeId: Outer<Col<"slot_offers", "appointment_type_id">>;
    procedureId: Outer<Col<"slot_offers", "procedure_id">>;
    practitionerId: Outer<Col<"slot_offers", "practitioner_id">>;
  }>(
    `select r.outcome, r.held_until as "heldUntil", o.starts_at as "startsAt", o.clinic_id as "clinicId",
            o.appointment_type_id as "appointmentTypeId", o.procedure_id as "procedureId",
            o.practitioner_id as "practitionerId"
       from public.claim_slot_atomic($1, $2, $3) r left join public.slot_offers o on o.id = $1`,
    [slotId, callId, holdSeconds],
  );
  const mine = row.clinicId !== null && (clinicId === undefined || row.clinicId === clinicId);
  return {
    outcome: row.outcome,
    heldUntil: row.heldUntil,
    startsAt: row.startsAt,
    offer:
      mine && row.appointmentTypeId && row.practitionerId && row.startsAt
        ? {
            appointmentTypeId: row.appointmentTypeId,
            procedureId: row.procedureId,
            practitionerId: row.practitionerId,
            startsAt: row.startsAt,
          }
        : null,
  };
}

export async function confirmBooking(
  tx: Tx,
  input: {
    slotId: string;
    callId: string;
    patientName: string;
    patientPhone: string | null;
    procedureId: string | null;
  },
) {
  // confirm_booking_atomic's result table, computed in SQL.
  return tx.one<{ outcome: "booked" | "hold_expired" | "not_held"; bookingId: string | null }>(
    `select outcome, booking_id as "bookingId" from public.confirm_booking_atomic($1, $2, $3, $4, $5)`,
    [input.slotId, input.callId, input.patientName, input.patientPhone, input.procedureId],
  );
}

export async function releaseSlotHold(
  tx: Tx,
  slotId: string,
  callId: string,
): Promise<"released" | "not_held"> {
  // release_slot_hold's result, computed in SQL.
  const row = await tx.one<{ outcome: "released" | "not_held" }>(
    "select public.release_slot_hold($1, $2) as outcome",
    [slotId, callId],
  );
  return row.outcome;
}

/** Releases every hold of a call that ended; the freed slotIds (offer ids). */
export async function releaseCallHolds(tx: Tx, callId: string): Promise<string[]> {
  // release_call_holds's result, computed in SQL.
  const row = await tx.one<{ ids: string[] }>("select public.release_call_holds($1) as ids", [
    callId,
  ]);
  return row.ids;
}

export async function expireSlotHolds(tx: Tx): Promise<number> {
  // expire_slot_holds's result, computed in SQL.
  const row = await tx.one<{ count: number }>("select public.expire_slot_holds() as count");
  return row.count;
}

export async function callHasBooking(tx: Tx, callId: string): Promise<boolean> {
  const row = await tx.maybeOne(
    "select 1 from public.bookings where call_id = $1 and status not in ('cancelled', 'no_show') limit 1",
    [callId],
  );
  return row !== null;
}
