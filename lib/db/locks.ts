import "server-only";

import type { Tx } from "./transaction";

/**
 * The lock order (architecture decision 10), for every path that touches more than one kind
 * of row, so concurrent Vapi webhooks, Twilio callbacks, tool calls and the sweeper cannot
 * deadlock:
 *
 *   1. the webhook's dedupe row (`webhook_events`, by its unique key)
 *   2. the call's row (`calls`): by the webhook's upsert (`upsertCall`) or by `lockCalls`
 *   3. the slots it claims, holds or releases, in one statement ordered by id (the SQL
 *      functions in `20261122000500_bookings.sql`); the slots' trigger `slots_touch_calls`
 *      (`20261122000800_realtime.sql`) then updates the call row this transaction already holds
 *
 * The sweeper (`expire_slot_holds`) locks expired slots only, with SKIP LOCKED, and touches no
 * call. A path that has the call's id but no lock yet (Twilio's call status) takes it here first.
 */
export async function lockCalls(
  tx: Tx,
  where: { twilioCallSid: string },
): Promise<{ id: string; clinicId: string }[]> {
  return tx.query<{ id: string; clinicId: string }>(
    `select id, clinic_id as "clinicId" from public.calls where twilio_call_sid = $1 order by id for update`,
    [where.twilioCallSid],
  );
}

/** Locks one call's row (step 2) when the caller has not already. */
export async function lockCall(tx: Tx, callId: string): Promise<void> {
  await tx.query("select 1 from public.calls where id = $1 for update", [callId]);
}
