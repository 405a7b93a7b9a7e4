import "server-only";

import type { Col } from "./rows";
import type { Tx } from "./transaction";

export interface LostCall {
  id: Col<"calls", "id">;
  clinicId: Col<"calls", "clinic_id">;
  /** The last sign of life: the latest of the row's last change and its last event. */
  lastSeenAt: Col<"calls", "updated_at">;
  callerNumber: Col<"calls", "caller_number">;
}

/**
 * Calls still live that started more than `afterSeconds` ago: longer than Vapi lets any call
 * last, so they stopped sending messages without an end. Locked (the call's row first, as every
 * path takes it: lib/db/locks.ts), skipping any a webhook holds; that webhook may be ending it.
 */
export function lockLostCalls(
  tx: Tx,
  options: { afterSeconds: number; limit: number; clinicId?: string },
): Promise<LostCall[]> {
  return tx.query<LostCall>(
    `select c.id, c.clinic_id as "clinicId", c.caller_number as "callerNumber",
            greatest(c.updated_at, (select max(e.occurred_at) from public.call_events e where e.call_id = c.id)) as "lastSeenAt"
       from public.calls c
      where c.state not in ('completed', 'ended', 'failed', 'abandoned')
        and coalesce(c.started_at, c.created_at) < now() - make_interval(secs => $1)
        and ($3::uuid is null or c.clinic_id = $3)
      order by c.created_at
      limit $2
        for update of c skip locked`,
    [options.afterSeconds, options.limit, options.clinicId ?? null],
  );
}
