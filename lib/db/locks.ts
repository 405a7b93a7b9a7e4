import "server-only";

import type { Columns } from "./rows";
import type { Tx } from "./transaction";

type LockedCall = Columns<"calls", { id: "id"; clinicId: "clinic_id" }>;

/**
 * The lock order (architecture decision 10), for every path that touches more than one kind
 * of row, so concurrent Vapi webhooks, Twilio callbacks, tool calls, staff diary writes and the
 * sweeper cannot deadlock:
 *
 *   1. the webhook's dedupe row (`webhook_events`, by its unique key)
 *   2. the call's row (`calls`): by the webhook's upsert (`startVapiMessage`, both in
 *      `private.vapi_message_context`, in this order) or by `lockCalls`
 *   3. the practitioner's row, then the resource's row (`SELECT … FOR UPDATE`, in
 *      `private.lock_diary`), taken by `claim_slot_atomic`, `confirm_booking_atomic` and the
 *      staff functions (`diary_book`, `diary_move`, `diary_block`) before they read or write
 *      reservations (`20261130000200_diary_bookings.sql`)
 *   4. a booking's row, then its reservation's row; the reservations' trigger
 *      `reservations_touch_calls` then updates the holding call's row, which this transaction
 *      already holds (a hold is only taken, released or booked by its own call)
 *
 * Staff writes start at step 3 (they touch no call). The sweeper (`expire_slot_holds`) locks
 * expired holds only, with SKIP LOCKED, and touches no call. A path that has the call's id but
 * no lock yet (Twilio's call status) takes it here first.
 */
export async function lockCalls(tx: Tx, where: { twilioCallSid: string }): Promise<LockedCall[]> {
  return tx.query<LockedCall>(
    `select id, clinic_id as "clinicId" from public.calls where twilio_call_sid = $1 order by id for update`,
    [where.twilioCallSid],
  );
}

/** Locks one call's row (step 2) when the caller has not already. */
export async function lockCall(tx: Tx, callId: string): Promise<void> {
  await tx.query("select 1 from public.calls where id = $1 for update", [callId]);
}
