import "server-only";

import type { SpeechEvent, TurnLatency } from "@/types/latency";

import type { Checked, Col } from "./rows";
import type { Tx } from "./transaction";

export type LatencySource =
  "speech_update" | "artifact_messages" | "performance_metrics" | "tool_call";

/** Keeps one caller stop or assistant start of a call; a repeated one changes nothing. */
export async function recordSpeechEvent(
  tx: Tx,
  call: { id: string; clinicId: string },
  event: SpeechEvent,
): Promise<void> {
  await tx.query(
    `insert into public.speech_events (call_id, clinic_id, role, at, turn) values ($1, $2, $3, $4, $5) on conflict do nothing`,
    [call.id, call.clinicId, event.role, event.at, event.turn],
  );
}

export function listSpeechEvents(tx: Tx, callId: string): Promise<SpeechEvent[]> {
  return tx.query<{
    role: Checked<Col<"speech_events", "role">, SpeechEvent["role"]>;
    at: Col<"speech_events", "at">;
    turn: Col<"speech_events", "turn">;
  }>("select role, at, turn from public.speech_events where call_id = $1", [callId]);
}

/**
 * Makes the call's speech-update turns the ones `turns` says, by turn: new ones added, ones a
 * late message paired differently corrected, ones no longer paired removed. The board shows
 * the latest turn, whatever order the messages came in.
 */
export async function replaceSpeechTurns(
  tx: Tx,
  call: { id: string; clinicId: string },
  turns: TurnLatency[],
): Promise<void> {
  const stored = await tx.query<{
    turn: Col<"turn_latencies", "turn">;
    latencyMs: Col<"turn_latencies", "latency_ms">;
  }>(
    "select turn, latency_ms as \"latencyMs\" from public.turn_latencies where call_id = $1 and source = 'speech_update'",
    [call.id],
  );
  const wanted = new Map(turns.map((turn) => [turn.turn, turn]));
  const unchanged = (row: { turn: number; latencyMs: number }) =>
    wanted.get(row.turn)?.latencyMs === Number(row.latencyMs);
  const stale = stored.filter((row) => !unchanged(row)).map((row) => row.turn);
  const fresh = [...wanted.values()].filter(
    (turn) => !stored.some((row) => row.turn === turn.turn && unchanged(row)),
  );
  if (stale.length === 0 && fresh.length === 0) return;
  if (stale.length > 0) {
    await tx.query(
      "delete from public.turn_latencies where call_id = $1 and source = 'speech_update' and turn = any ($2::int[])",
      [call.id, stale],
    );
  }
  await recordTurnLatencies(tx, {
    clinicId: call.clinicId,
    callId: call.id,
    source: "speech_update",
    turns: fresh,
    board: "none",
  });
  const latest = turns.at(-1);
  if (latest)
    await tx.query("update public.calls set last_turn_latency_ms = $2 where id = $1", [
      call.id,
      Math.round(latest.latencyMs),
    ]);
}

/**
 * Stores measured turns, once per (call, source, turn). What the live board shows as the
 * call's last reply time: a live measurement replaces it, a report's fills it if empty, and
 * our own tool-handling time never does (it is part of a turn, not a turn).
 */
export async function recordTurnLatencies(
  tx: Tx,
  input: {
    clinicId: string;
    callId: string;
    source: LatencySource;
    turns: TurnLatency[];
    board?: "replace" | "fill" | "none";
  },
): Promise<void> {
  if (input.turns.length === 0) return;
  // A key of the settings jsonb, not a column.
  const profile = await tx.maybeOne<{ profile: string }>(
    "select coalesce(settings ->> 'latency_profile', 'standard') as profile from public.clinics where id = $1",
    [input.clinicId],
  );
  for (const turn of input.turns) {
    await tx.query(
      `insert into public.turn_latencies (clinic_id, call_id, turn, source, latency_ms, user_ended_at, assistant_started_at, breakdown, assistant_profile)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (call_id, source, turn) do nothing`,
      [
        input.clinicId,
        input.callId,
        turn.turn,
        input.source,
        turn.latencyMs,
        turn.userEndedAt,
        turn.assistantStartedAt,
        turn.breakdown,
        profile?.profile ?? "standard",
      ],
    );
  }
  const last = Math.round(input.turns.at(-1)!.latencyMs);
  const board = input.board ?? "fill";
  if (board === "replace")
    await tx.query("update public.calls set last_turn_latency_ms = $2 where id = $1", [
      input.callId,
      last,
    ]);
  if (board === "fill")
    await tx.query(
      "update public.calls set last_turn_latency_ms = coalesce(last_turn_latency_ms, $2) where id = $1",
      [input.callId, last],
    );
}

/**
 * Records how long one tool call took us, as the next "tool_call" turn of the call (tool calls
 * have no turn of their own). One statement: the assistant is waiting.
 */
export async function recordToolTime(
  tx: Tx,
  input: { clinicId: string; callId: string; tool: string; ms: number },
): Promise<void> {
  await tx.query(
    `insert into public.turn_latencies (clinic_id, call_id, turn, source, latency_ms, breakdown, assistant_profile)
     select $1::uuid, $2::uuid, (select count(*) from public.turn_latencies where call_id = $2::uuid and source = 'tool_call'), 'tool_call',
            $3::numeric, $4::jsonb, (select coalesce(settings ->> 'latency_profile', 'standard') from public.clinics where id = $1::uuid)
     on conflict (call_id, source, turn) do nothing`,
    [input.clinicId, input.callId, input.ms, { [input.tool]: input.ms }],
  );
}

/** The clinic's user-end to assistant-start delays over recent days (live and report measurements). */
export function latencySummary(
  tx: Tx,
  clinicId: string,
  days = 7,
): Promise<{
  turns: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  over700: number;
}> {
  // Counts and percentiles, computed in SQL: the return type above is the row type.
  return tx.one(
    `select count(*)::int as turns,
            round(percentile_cont(0.5) within group (order by latency_ms))::int as p50,
            round(percentile_cont(0.95) within group (order by latency_ms))::int as p95,
            round(percentile_cont(0.99) within group (order by latency_ms))::int as p99,
            count(*) filter (where latency_ms > 700)::int as over700
       from public.turn_latencies
      where clinic_id = $1 and source in ('speech_update', 'artifact_messages') and created_at > now() - make_interval(days => $2)`,
    [clinicId, days],
  );
}

/**
 * The turns every latency figure counts, by clinic-local day, for clinic $1 between dates $2
 * and $3: speech updates and the report's messages (tool time is part of a turn, and Vapi's
 * metrics repeat turns already counted).
 */
export const LATENCY_TURNS = `select (t.created_at at time zone c.timezone)::date as day, coalesce(t.assistant_profile, 'standard') as profile, t.latency_ms
    from public.turn_latencies t join public.clinics c on c.id = t.clinic_id
   where t.clinic_id = $1 and t.source in ('speech_update', 'artifact_messages')
     and (t.created_at at time zone c.timezone)::date between $2::date and $3::date`;

/** Counts and percentiles per day and profile, computed in SQL. */
export interface LatencyDay {
  day: string;
  profile: string;
  turns: number;
  p50: number;
  p95: number;
  p99: number;
  over700: number;
  hangs: number;
}

/**
 * Turn latency per clinic-local day and assistant profile between `from` and `to` (dates,
 * inclusive), from the measurements that time real turns (speech updates and the report's
 * messages), with the day's `hang` alarms. The Latency page and `npm run latency:report` share it.
 */
export function latencyByDay(
  tx: Tx,
  clinicId: string,
  from: string,
  to: string,
): Promise<LatencyDay[]> {
  return tx.query<LatencyDay>(
    `with turns as (${LATENCY_TURNS}),
     hangs as (
       select (e.occurred_at at time zone c.timezone)::date as day, count(*)::int as hangs
         from public.call_events e join public.clinics c on c.id = e.clinic_id
        where e.clinic_id = $1 and e.event = 'assistant.stalled'
          and (e.occurred_at at time zone c.timezone)::date between $2::date and $3::date
        group by 1)
     select to_char(t.day, 'YYYY-MM-DD') as day, t.profile, count(*)::int as turns,
            round(percentile_cont(0.5) within group (order by t.latency_ms))::int as p50,
            round(percentile_cont(0.95) within group (order by t.latency_ms))::int as p95,
            round(percentile_cont(0.99) within group (order by t.latency_ms))::int as p99,
            count(*) filter (where t.latency_ms > 700)::int as over700,
            coalesce(max(h.hangs), 0)::int as hangs
       from turns t left join hangs h on h.day = t.day
      group by t.day, t.profile order by t.day, t.profile`,
    [clinicId, from, to],
  );
}
