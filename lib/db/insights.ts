import "server-only";

import { LATENCY_TURNS } from "./latency";
import type { Col, Present } from "./rows";
import type { Tx } from "./transaction";

// The funnels and latency figures are counts and percentiles per day, computed in SQL: their
// types stay explicit; only OutcomeByReason reads columns.

/** Calls per clinic-local day, and how many of them got to each step towards a booking. */
export interface CallFunnelDay {
  day: string;
  calls: number;
  /** intent = 'booking', or the assistant was asked for availability. */
  intent: number;
  /** A slot was held for the caller. */
  held: number;
  /** The call made a booking that is not cancelled. */
  booked: number;
}

/** Aftercare texts sent per clinic-local day, how many were opened, and how many led to a booking. */
export interface FollowUpFunnelDay {
  day: string;
  sent: number;
  opened: number;
  /** The same caller booked after the text was sent. */
  bookedLater: number;
}

export interface OutcomeByReason {
  /** coalesce(ended_reason, 'in progress'). */
  endedReason: Present<Col<"calls", "ended_reason">>;
  /** coalesce(outcome, 'none'). */
  outcome: Present<Col<"calls", "outcome">>;
  /** count(*). */
  calls: number;
}

// Every day of the range, so charts show quiet days as zero rather than skipping them.
const DAYS = "select d::date as day from generate_series($2::date, $3::date, interval '1 day') d";

/** The booking funnel per day between `from` and `to` (dates, inclusive, clinic-local). */
export function callFunnelByDay(
  tx: Tx,
  clinicId: string,
  from: string,
  to: string,
): Promise<CallFunnelDay[]> {
  return tx.query<CallFunnelDay>(
    `with days as (${DAYS}),
     steps as (
       select (c.created_at at time zone cl.timezone)::date as day,
              c.intent = 'booking' or exists (select 1 from public.call_events e where e.call_id = c.id and e.event = 'availability.requested') as intent,
              exists (select 1 from public.call_events e where e.call_id = c.id and e.event = 'slot.held') as held,
              exists (select 1 from public.bookings b where b.call_id = c.id and b.status <> 'cancelled') as booked
         from public.calls c join public.clinics cl on cl.id = c.clinic_id
        where c.clinic_id = $1 and (c.created_at at time zone cl.timezone)::date between $2::date and $3::date)
     select to_char(d.day, 'YYYY-MM-DD') as day, count(s.day)::int as calls,
            count(*) filter (where s.intent)::int as intent,
            count(*) filter (where s.held)::int as held,
            count(*) filter (where s.booked)::int as booked
       from days d left join steps s on s.day = d.day
      group by d.day order by d.day`,
    [clinicId, from, to],
  );
}

/** The aftercare funnel per day the text was sent, between `from` and `to` (inclusive, clinic-local). */
export function followUpFunnelByDay(
  tx: Tx,
  clinicId: string,
  from: string,
  to: string,
): Promise<FollowUpFunnelDay[]> {
  return tx.query<FollowUpFunnelDay>(
    `with days as (${DAYS}),
     sent as (
       select (f.sent_at at time zone cl.timezone)::date as day,
              exists (select 1 from public.aftercare_links l where l.follow_up_id = f.id and l.open_count > 0) as opened,
              exists (select 1 from public.bookings b left join public.calls bc on bc.id = b.call_id
                       where b.clinic_id = f.clinic_id and b.created_at > f.sent_at
                         and (bc.caller_number = c.caller_number or b.patient_phone = c.caller_number)) as booked_later
         from public.follow_ups f
         join public.calls c on c.id = f.call_id
         join public.clinics cl on cl.id = f.clinic_id
        where f.clinic_id = $1 and f.kind = 'aftercare' and f.status = 'sent' and f.sent_at is not null
          and (f.sent_at at time zone cl.timezone)::date between $2::date and $3::date)
     select to_char(d.day, 'YYYY-MM-DD') as day, count(s.day)::int as sent,
            count(*) filter (where s.opened)::int as opened,
            count(*) filter (where s.booked_later)::int as "bookedLater"
       from days d left join sent s on s.day = d.day
      group by d.day order by d.day`,
    [clinicId, from, to],
  );
}

/**
 * Calls per ended reason and outcome between `from` and `to`, most common reasons first (the
 * page charts the top 8 and counts outcomes over all). Calls still in progress have neither
 * and show as 'in progress' / 'none'.
 */
export function outcomesByEndedReason(
  tx: Tx,
  clinicId: string,
  from: string,
  to: string,
): Promise<OutcomeByReason[]> {
  return tx.query<OutcomeByReason>(
    `select coalesce(c.ended_reason, 'in progress') as "endedReason", coalesce(c.outcome, 'none') as outcome, count(*)::int as calls
       from public.calls c join public.clinics cl on cl.id = c.clinic_id
      where c.clinic_id = $1 and (c.created_at at time zone cl.timezone)::date between $2::date and $3::date
      group by 1, 2
      order by sum(count(*)) over (partition by coalesce(c.ended_reason, 'in progress')) desc, 1, calls desc, 2`,
    [clinicId, from, to],
  );
}

export interface LatencyOverview {
  summary: {
    turns: number;
    p50: number | null;
    p95: number | null;
    p99: number | null;
    over700: number;
  };
  /** Every day of the range, with null percentiles on days without a measured turn. */
  days: { day: string; turns: number; p50: number | null; p95: number | null }[];
}

/** Turn latency over the whole range and per day across assistant profiles, for the Latency page. */
export async function latencyOverview(
  tx: Tx,
  clinicId: string,
  from: string,
  to: string,
): Promise<LatencyOverview> {
  const summary = await tx.one<LatencyOverview["summary"]>(
    `select count(*)::int as turns,
            round(percentile_cont(0.5) within group (order by latency_ms))::int as p50,
            round(percentile_cont(0.95) within group (order by latency_ms))::int as p95,
            round(percentile_cont(0.99) within group (order by latency_ms))::int as p99,
            count(*) filter (where latency_ms > 700)::int as over700
       from (${LATENCY_TURNS}) turns`,
    [clinicId, from, to],
  );
  const days = await tx.query<LatencyOverview["days"][number]>(
    `with days as (${DAYS}), turns as (${LATENCY_TURNS})
     select to_char(d.day, 'YYYY-MM-DD') as day, count(t.day)::int as turns,
            round(percentile_cont(0.5) within group (order by t.latency_ms))::int as p50,
            round(percentile_cont(0.95) within group (order by t.latency_ms))::int as p95
       from days d left join turns t on t.day = d.day
      group by d.day order by d.day`,
    [clinicId, from, to],
  );
  return { summary, days };
}
