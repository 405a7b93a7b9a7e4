import "server-only";

import type { LiveCall, LiveCallsSnapshot } from "@/types/live-call";

import type { Tx } from "./transaction";

/**
 * The board's snapshot, in the same shape as the broadcasts: calls still in progress, and
 * those that started today in the clinic's time zone. RLS-scoped to the person asking.
 */
export async function getLiveCallsSnapshot(tx: Tx, clinicId: string): Promise<LiveCallsSnapshot> {
  // private.call_board_payload() builds the call's JSON in SQL (the broadcast's shape).
  const rows = await tx.query<{ call: LiveCall }>(
    `select private.call_board_payload(c.id) as call
       from public.calls c
       join public.clinics cl on cl.id = c.clinic_id
      where c.clinic_id = $1
        and (   (c.state not in ('completed', 'ended', 'failed', 'abandoned') and c.created_at > now() - interval '6 hours')
             or (c.created_at at time zone cl.timezone)::date = (now() at time zone cl.timezone)::date)
      order by c.created_at desc
      limit 200`,
    [clinicId],
  );
  // now(): no column.
  const now = await tx.one<{ now: Date }>("select now() as now");
  return { calls: rows.map((row) => row.call), serverTime: now.now.toISOString() };
}
