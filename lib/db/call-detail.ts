import "server-only";

import type { Checked, Col, JsonAs, Outer } from "./rows";
import type { Tx } from "./transaction";

export interface CallDetail {
  call: {
    id: Col<"calls", "id">;
    clinicId: Col<"calls", "clinic_id">;
    timezone: Col<"clinics", "timezone">;
    locale: Col<"clinics", "locale">;
    currency: Col<"clinics", "currency">;
    state: Col<"calls", "state">;
    outcome: Col<"calls", "outcome">;
    /** The full number for the roles public.staff_phone allows, else null. */
    callerNumber: Col<"calls", "caller_number">;
    /** right(caller_number, 4): what everyone else sees. */
    callerLast4: Col<"calls", "caller_number">;
    patientId: Col<"calls", "patient_id">;
    callerName: Col<"calls", "caller_name">;
    intent: Col<"calls", "intent">;
    /** coalesce(started_at, created_at). */
    startedAt: Col<"calls", "started_at">;
    answeredAt: Col<"calls", "answered_at">;
    endedAt: Col<"calls", "ended_at">;
    endedReason: Col<"calls", "ended_reason">;
    /** array_agg of the procedures' names, computed in SQL. */
    procedures: Col<"procedures", "name">[];
    durationMs: Col<"calls", "duration_ms">;
    /** cost_usd::text, exact for display. */
    costUsd: string | null;
    interruptions: Col<"calls", "interruptions">;
    transferredTo: Col<"calls", "transferred_to">;
    urgency: Checked<Col<"calls", "urgency">, "urgent" | "emergency">;
    urgentSigns: Col<"calls", "urgent_signs">;
    transferOutcome: Col<"calls", "transfer_outcome">;
  };
  events: {
    id: Col<"call_events", "id">;
    kind: Col<"call_events", "kind">;
    event: Col<"call_events", "event">;
    fromState: Col<"call_events", "from_state">;
    toState: Col<"call_events", "to_state">;
    occurredAt: Col<"call_events", "occurred_at">;
    metadata: JsonAs<Col<"call_events", "metadata">, Record<string, unknown>>;
  }[];
  transcript: {
    seq: Col<"logs", "seq">;
    speaker: Col<"logs", "speaker">;
    spokenAt: Col<"logs", "spoken_at">;
    text: Col<"logs", "text">;
    findings: JsonAs<Col<"logs", "findings">, { type: string }[]>;
  }[];
  bookings: {
    id: Col<"bookings", "id">;
    status: Col<"bookings", "status">;
    patientName: Col<"bookings", "patient_name">;
    startsAt: Col<"bookings", "starts_at">;
    practitioner: Col<"practitioners", "name">;
    procedure: Outer<Col<"procedures", "name">>;
  }[];
  holds: {
    /** metadata ->> 'slotId'. */
    slotId: string;
    startsAt: Outer<Col<"slot_offers", "starts_at">>;
    practitioner: Outer<Col<"practitioners", "name">>;
    event: Col<"call_events", "event">;
    at: Col<"call_events", "occurred_at">;
    /** metadata ->> 'by'. */
    by: string | null;
  }[];
  followUps: {
    id: Col<"follow_ups", "id">;
    kind: Col<"follow_ups", "kind">;
    status: Col<"follow_ups", "status">;
    procedure: Outer<Col<"procedures", "name">>;
    attempts: Col<"follow_ups", "attempts">;
    lastError: Col<"follow_ups", "last_error">;
    skipReason: Col<"follow_ups", "skip_reason">;
    sentAt: Col<"follow_ups", "sent_at">;
    smsStatus: Outer<Col<"sms_messages", "status">>;
    smsBody: Outer<Col<"sms_messages", "body">>;
  }[];
  handoff: {
    summary: Col<"handoffs", "summary">;
    /** The questions jsonb as a string array, computed in SQL. */
    questions: JsonAs<Col<"handoffs", "questions">, string[]>;
    /** array_agg of the procedures' names, computed in SQL. */
    procedures: Col<"procedures", "name">[];
    booked: Col<"handoffs", "booked">;
    consentToText: Col<"handoffs", "consent_to_text">;
    droppedDuringBooking: Col<"handoffs", "dropped_during_booking">;
    deliveredAt: Col<"handoffs", "delivered_at">;
  } | null;
  /** The call-back the front desk owes this caller (one per call), done or not. */
  callback: {
    id: Col<"callback_tasks", "id">;
    reason: Col<"callback_tasks", "reason">;
    message: Col<"callback_tasks", "message">;
    urgency: Checked<Col<"callback_tasks", "urgency">, "routine" | "urgent">;
    doneAt: Col<"callback_tasks", "done_at">;
  } | null;
  latencies: {
    turn: Col<"turn_latencies", "turn">;
    source: Col<"turn_latencies", "source">;
    latencyMs: Col<"turn_latencies", "latency_ms">;
    breakdown: JsonAs<Col<"turn_latencies", "breakdown">, Record<string, number>>;
  }[];
}

/** Everything about one call, RLS-scoped: null if it does not exist or belongs to another clinic. */
export async function getCallDetail(tx: Tx, callId: string): Promise<CallDetail | null> {
  const call = await tx.maybeOne<CallDetail["call"]>(
    `select c.id, c.clinic_id as "clinicId", cl.timezone, cl.locale, cl.currency, c.state, c.outcome, public.staff_phone(c.clinic_id, c.caller_number) as "callerNumber",
            right(c.caller_number, 4) as "callerLast4", c.patient_id as "patientId", c.caller_name as "callerName",
            c.intent, coalesce(c.started_at, c.created_at) as "startedAt", c.answered_at as "answeredAt", c.ended_at as "endedAt",
            c.ended_reason as "endedReason", c.duration_ms as "durationMs", c.cost_usd::text as "costUsd", c.interruptions,
            c.transferred_to as "transferredTo", c.urgency, c.urgent_signs as "urgentSigns",
            c.transfer_outcome as "transferOutcome",
            coalesce((select array_agg(p.name order by p.sort_order) from public.procedures p where p.id = any (c.procedures_of_interest)), '{}') as procedures
       from public.calls c join public.clinics cl on cl.id = c.clinic_id where c.id = $1`,
    [callId],
  );
  if (!call) return null;
  const [events, transcript, bookings, holds, followUps, latencies] = [
    await tx.query<CallDetail["events"][number]>(
      `select id, kind, event, from_state as "fromState", to_state as "toState", occurred_at as "occurredAt", metadata
         from public.call_events where call_id = $1 order by id`,
      [callId],
    ),
    await tx.query<CallDetail["transcript"][number]>(
      `select seq, speaker, spoken_at as "spokenAt", text, findings from public.logs where call_id = $1 order by seq`,
      [callId],
    ),
    await tx.query<CallDetail["bookings"][number]>(
      `select b.id, b.status, b.patient_name as "patientName", b.starts_at as "startsAt", pr.name as practitioner, p.name as procedure
         from public.bookings b join public.practitioners pr on pr.id = b.practitioner_id
         left join public.procedures p on p.id = b.procedure_id
        where b.call_id = $1 order by b.created_at`,
      [callId],
    ),
    await tx.query<CallDetail["holds"][number]>(
      `select e.metadata ->> 'slotId' as "slotId", coalesce(s.starts_at, (e.metadata ->> 'startsAt')::timestamptz) as "startsAt", pr.name as practitioner, e.event, e.occurred_at as at,
              e.metadata ->> 'by' as by
         from public.call_events e
         left join public.slot_offers s on s.id = (e.metadata ->> 'slotId')::uuid
         left join public.practitioners pr on pr.id = s.practitioner_id
        where e.call_id = $1 and e.kind in ('hold', 'release') order by e.id`,
      [callId],
    ),
    await tx.query<CallDetail["followUps"][number]>(
      `select f.id, f.kind, f.status, p.name as procedure, f.attempts, f.last_error as "lastError", f.skip_reason as "skipReason",
              f.sent_at as "sentAt", m.status as "smsStatus", m.body as "smsBody"
         from public.follow_ups f left join public.procedures p on p.id = f.procedure_id
         left join public.sms_messages m on m.follow_up_id = f.id
        where f.call_id = $1 order by f.created_at`,
      [callId],
    ),
    await tx.query<CallDetail["latencies"][number]>(
      `select turn, source, latency_ms as "latencyMs", breakdown from public.turn_latencies where call_id = $1 order by turn, source`,
      [callId],
    ),
  ];
  const handoff = await tx.maybeOne<NonNullable<CallDetail["handoff"]>>(
    `select h.summary, coalesce((select jsonb_agg(q) from jsonb_array_elements_text(h.questions) q), '[]'::jsonb) as questions,
            coalesce((select array_agg(p.name order by p.sort_order) from public.procedures p where p.id = any (h.procedure_ids)), '{}') as procedures,
            h.booked, h.consent_to_text as "consentToText", h.dropped_during_booking as "droppedDuringBooking", h.delivered_at as "deliveredAt"
       from public.handoffs h where h.call_id = $1`,
    [callId],
  );
  const callback = await tx.maybeOne<NonNullable<CallDetail["callback"]>>(
    `select id, reason, message, urgency, done_at as "doneAt" from public.callback_tasks where call_id = $1`,
    [callId],
  );
  return { call, events, transcript, bookings, holds, followUps, latencies, handoff, callback };
}

/** Whether this person can see `callId` as one of `clinicId`'s calls (RLS-scoped). */
export async function isClinicCall(tx: Tx, clinicId: string, callId: string): Promise<boolean> {
  return Boolean(
    await tx.maybeOne("select 1 from public.calls where id = $1 and clinic_id = $2", [
      callId,
      clinicId,
    ]),
  );
}
