import type { Client } from "pg";

import { loadHandoff } from "@/lib/db/handoffs";
import { wrap } from "@/lib/db/transaction";
import { planFollowUps } from "@/lib/follow-up/plan";

import { SECRETS, type CallScript } from "./call-script";

/**
 * A call's final state in the database, normalised (no ids, no caller number, no wall-clock
 * times), so two deliveries of the same logical call can be compared with one `toEqual`.
 */
export async function callOutcome(db: Client, script: CallScript) {
  const select = async (sql: string, params: unknown[] = [script.call.id]) =>
    (await db.query(sql, params)).rows;
  const names =
    "(select coalesce(array_agg(p.name order by p.name), '{}') from public.procedures p where p.id = any";
  const [call] = await select(
    `select c.state, c.outcome, c.ended_reason as "endedReason", c.intent, c.caller_name as "callerName", c.answered_at is not null as answered,
            c.last_turn_latency_ms as "boardLatencyMs",
            round(extract(epoch from c.ended_at) * 1000)::bigint - $2 as "endedAtMinusReported", ${names} (c.procedures_of_interest)) as procedures
       from public.calls c where c.vapi_call_id = $1`,
    [script.call.id, script.endedAt],
  );
  return {
    call,
    bookings: await select(
      `select b.status, b.patient_name as "patientName", b.offer_id = $2 as "scriptSlot",
              case when r.id is null then 'open' else 'booked' end as "slotStatus",
              (select name from public.procedures where id = b.procedure_id) as procedure
         from public.bookings b join public.calls c on c.id = b.call_id
         left join public.reservations r on r.booking_id = b.id where c.vapi_call_id = $1`,
      [script.call.id, script.slotId],
    ),
    slot: (
      await select(
        `select case when exists (select 1 from public.bookings b join public.reservations r on r.booking_id = b.id where b.offer_id = $1) then 'booked'
                     when exists (select 1 from public.reservations r where r.kind = 'hold' and r.offer_id = $1) then 'held'
                     else 'open' end as status,
                exists (select 1 from public.reservations r where r.kind = 'hold' and r.offer_id = $1) as held`,
        [script.slotId],
      )
    )[0],
    handoff: (
      await select(
        `select h.booked, h.final_state as "finalState", ${names} (h.procedure_ids)) as procedures, h.summary, h.questions,
              h.released_slot_ids = array[$2::uuid] as "releasedScriptSlot", h.dropped_during_booking as "droppedDuringBooking"
         from public.handoffs h join public.calls c on c.id = h.call_id where c.vapi_call_id = $1`,
        [script.call.id, script.slotId],
      )
    )[0],
    followUps: await select(
      `select f.kind, (select name from public.procedures where id = f.procedure_id) as procedure, f.skip_reason as "skipReason"
         from public.follow_ups f join public.calls c on c.id = f.call_id where c.vapi_call_id = $1 order by 1, 2`,
    ),
    // A hold must not outlast its call.
    heldSlots: (
      await select(
        "select count(*)::int as n from public.reservations r join public.calls c on c.id = r.call_id where r.kind = 'hold' and c.vapi_call_id = $1",
      )
    )[0]!.n,
    callbackTasks: (
      await select(
        `select count(*)::int as n from public.callback_tasks t join public.calls c on c.id = t.call_id where c.vapi_call_id = $1`,
      )
    )[0]!.n,
    logs: await select(
      `select l.seq, l.speaker, l.text from public.logs l join public.calls c on c.id = l.call_id where c.vapi_call_id = $1 order by l.seq`,
    ),
    latency: await select(
      `select t.source, count(*)::int as turns, array_agg(t.latency_ms::float order by t.turn) filter (where t.source <> 'tool_call') as ms
         from public.turn_latencies t join public.calls c on c.id = t.call_id where c.vapi_call_id = $1 group by 1 order by 1`,
    ),
    receipts: (
      await select(
        `select count(*)::int as n from public.webhook_events where source = 'vapi' and external_call_id = $1`,
      )
    )[0]!.n,
  };
}
export type CallOutcome = Awaited<ReturnType<typeof callOutcome>>;

/**
 * The call's audited story as the webhooks wrote it: every state change, ignored event, hold,
 * release, booking and tool run, in order. The follow-up agent's hand-off and sending notes
 * (sms.sent) are left out: they are written whenever the agent and worker get there.
 */
export async function callStory(db: Client, vapiCallId: string) {
  const { rows } = await db.query<{
    kind: string;
    event: string;
    from_state: string | null;
    to_state: string | null;
    state_version: number | null;
  }>(
    `select e.kind, e.event, e.from_state, e.to_state, e.state_version from public.call_events e
       join public.calls c on c.id = e.call_id where c.vapi_call_id = $1 and e.kind not in ('handoff', 'note') order by e.id`,
    [vapiCallId],
  );
  return rows;
}

/** The story's transitions chain (each starts where the last ended), agree with the version, and end once, last. */
export async function transitionsAreConsistent(db: Client, vapiCallId: string) {
  const transitions = (await callStory(db, vapiCallId)).filter((row) => row.kind === "transition");
  const { rows } = await db.query<{ state_version: number }>(
    "select state_version from public.calls where vapi_call_id = $1",
    [vapiCallId],
  );
  const terminal = ["completed", "ended", "failed", "abandoned"];
  return {
    versionMatches:
      rows[0]?.state_version === transitions.length &&
      transitions.every((row, index) => row.state_version === index + 1),
    chained: transitions.every((row, index) =>
      index === 0 ? row.from_state === "idle" : row.from_state === transitions[index - 1]!.to_state,
    ),
    terminalTransitions: transitions.filter((row) => terminal.includes(row.to_state ?? "")).length,
    lastIsTerminal: terminal.includes(transitions.at(-1)?.to_state ?? ""),
  };
}

/**
 * What the call's follow-ups should be (the follow-up agent's plan for the hand-off as it finally
 * stands) and what was recorded. Hand-offs reach the agent after the response, so this polls,
 * with a deadline, until the agent has acknowledged the latest hand-off and the two agree.
 */
export async function settledFollowUps(db: Client, vapiCallId: string, timeoutMs = 10_000) {
  const key = (item: { kind: string; procedureId: string | null }) =>
    `${item.kind}:${item.procedureId ?? ""}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<{ id: string; acknowledged: boolean }>(
      `select h.id, h.delivered_at = h.updated_at as acknowledged from public.handoffs h join public.calls c on c.id = h.call_id where c.vapi_call_id = $1`,
      [vapiCallId],
    );
    const handoff = rows[0] ? await loadHandoff(wrap(db), rows[0].id) : null;
    const owed = handoff ? planFollowUps(handoff).map(key).sort() : [];
    const recorded = await db.query<{ kind: string; procedureId: string | null }>(
      `select f.kind, f.procedure_id as "procedureId" from public.follow_ups f join public.calls c on c.id = f.call_id where c.vapi_call_id = $1`,
      [vapiCallId],
    );
    const settled = {
      acknowledged: rows[0]?.acknowledged === true,
      owed,
      recorded: recorded.rows.map(key).sort(),
    };
    if (
      (settled.acknowledged && settled.owed.join() === settled.recorded.join()) ||
      Date.now() > deadline
    )
      return settled;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Rows anywhere a webhook could have written that still hold what the caller said verbatim. */
export async function storedSecrets(db: Client, vapiCallId: string): Promise<number> {
  const { rows } = await db.query(
    `select count(*)::int as n from (
       select e.metadata::text as t from public.call_events e join public.calls c on c.id = e.call_id where c.vapi_call_id = $1
       union all select w.response::text from public.webhook_events w where w.external_call_id = $1
       union all select l.text from public.logs l join public.calls c on c.id = l.call_id where c.vapi_call_id = $1
       union all select h.summary || h.questions::text from public.handoffs h join public.calls c on c.id = h.call_id where c.vapi_call_id = $1) x
      where ${SECRETS.map((_, index) => `t like '%' || $${index + 2} || '%'`).join(" or ")}`,
    [vapiCallId, ...SECRETS],
  );
  return rows[0].n;
}
