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

export async function claimSlot(tx: Tx, slotId: string, callId: string, holdSeconds = 90) {
  return tx.one<{
    /** claim_slot_atomic's outcome, computed in SQL. */
    outcome: ClaimOutcome;
    /** claim_slot_atomic's held_until, computed in SQL. */
    heldUntil: Date | null;
    /** A scalar subquery: null when the offer is not there. */
    startsAt: Outer<Col<"slot_offers", "starts_at">>;
  }>(
    `select r.outcome, r.held_until as "heldUntil", (select starts_at from public.slot_offers where id = $1) as "startsAt"
       from public.claim_slot_atomic($1, $2, $3) r`,
    [slotId, callId, holdSeconds],
  );
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
