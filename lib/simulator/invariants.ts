import type { Client, Pool } from "pg";

/**
 * The call-flow invariants, read from the database itself after simulated traffic (smoke test,
 * benchmarks). Each returns a count of violations: anything but 0 is a bug.
 */
type Db = Pick<Client | Pool, "query">;

const count = async (db: Db, sql: string, params: unknown[] = []) =>
  (await db.query<{ n: number }>(sql, params)).rows[0]!.n;

/**
 * Double bookings: pairs of reservations of one practitioner, or of one resource, whose occupied
 * ranges overlap (the exclusion constraints forbid them; this reads the data, not the
 * constraint), plus offers booked by more than one live appointment.
 */
export function doubleBookings(db: Db): Promise<number> {
  return count(
    db,
    `select ((select count(*) from public.reservations a join public.reservations b
               on a.id < b.id and a.occupied && b.occupied
              and (a.practitioner_id = b.practitioner_id or a.resource_id = b.resource_id)
            where (a.kind <> 'hold' or a.held_until > now()) and (b.kind <> 'hold' or b.held_until > now()))
           + (select count(*) from (select offer_id from public.bookings
                                     where offer_id is not null and status not in ('cancelled', 'no_show')
                                     group by offer_id having count(*) > 1) d))::int as n`,
  );
}

/** Holds still kept by a call that has ended. */
export function danglingHolds(db: Db): Promise<number> {
  return count(
    db,
    `select count(*)::int as n from public.reservations r join public.calls c on c.id = r.call_id
      where r.kind = 'hold' and c.state in ('completed', 'ended', 'failed', 'abandoned')`,
  );
}

/** Calls (by Vapi id) that have not reached a terminal state. */
export function unfinishedCalls(db: Db, vapiCallIds: string[]): Promise<number> {
  return count(
    db,
    `select count(*)::int as n from public.calls where vapi_call_id = any($1) and state not in ('completed', 'ended', 'failed', 'abandoned')`,
    [vapiCallIds],
  );
}

/**
 * Calls whose audit trail does not account for their state: every transition recorded once
 * (versions 1..state_version, no gaps), each starting where the previous one ended, and the
 * last one ending in the call's current state.
 */
export function unauditedCalls(db: Db, vapiCallIds: string[]): Promise<number> {
  return count(
    db,
    `with t as (
       select e.call_id, e.state_version, e.from_state, e.to_state,
              lag(e.to_state) over (partition by e.call_id order by e.state_version) as previous,
              row_number() over (partition by e.call_id order by e.state_version) as position
         from public.call_events e join public.calls c on c.id = e.call_id
        where e.kind = 'transition' and c.vapi_call_id = any($1))
     select count(*)::int as n from public.calls c
      where c.vapi_call_id = any($1)
        and (c.state_version <> (select count(*) from t where t.call_id = c.id)
             or exists (select 1 from t where t.call_id = c.id and (t.state_version <> t.position or (t.position > 1 and t.from_state is distinct from t.previous)))
             or (c.state_version > 0 and c.state is distinct from (select t.to_state from t where t.call_id = c.id order by t.state_version desc limit 1)))`,
    [vapiCallIds],
  );
}

export interface FollowUpTally {
  owed: number;
  sent: number;
  skipped: number;
  failed: number;
  waiting: number;
}

/** What the calls owe in follow-ups and what became of it (texts actually received are the provider's to count). */
export async function followUpTally(db: Db, vapiCallIds: string[]): Promise<FollowUpTally> {
  const { rows } = await db.query<FollowUpTally>(
    `select count(*)::int as owed,
            count(*) filter (where f.status = 'sent')::int as sent,
            count(*) filter (where f.status = 'skipped')::int as skipped,
            count(*) filter (where f.status = 'failed')::int as failed,
            count(*) filter (where f.status in ('pending', 'sending'))::int as waiting
       from public.follow_ups f join public.calls c on c.id = f.call_id
      where c.vapi_call_id = any($1)`,
    [vapiCallIds],
  );
  return rows[0]!;
}
