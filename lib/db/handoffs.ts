import "server-only";

import type { Handoff } from "@/types/handoff";

import type { Col, JsonAs } from "./rows";
import type { Tx } from "./transaction";

/**
 * Writes (or refreshes) the hand-off for a call that has ended, in the transaction that ended
 * it: who called, what they asked about, whether they booked, what was held and released,
 * whether they were cut off mid-booking, and whether they may be texted.
 */
export async function writeHandoff(tx: Tx, callId: string): Promise<string> {
  const row = await tx.one<{ id: Col<"handoffs", "id"> }>(
    `insert into public.handoffs (clinic_id, call_id, caller_number, caller_name, procedure_ids, booked, booking_id,
                                  released_slot_ids, final_state, dropped_during_booking, consent_to_text)
     select c.clinic_id, c.id, c.caller_number, c.caller_name, c.procedures_of_interest, b.id is not null, b.id,
            coalesce((select array_agg(distinct (e.metadata ->> 'slotId')::uuid) from public.call_events e
                       where e.call_id = c.id and e.kind = 'release'), '{}'),
            c.state,
            c.state in ('abandoned', 'failed') and exists (
              select 1 from public.call_events e where e.call_id = c.id and e.kind = 'transition'
                 and e.to_state = c.state and e.from_state in ('booking_appointment', 'confirming_details')),
            not public.sms_opted_out(c.clinic_id, c.caller_number)
       from public.calls c
       left join lateral (select id from public.bookings where call_id = c.id and status <> 'cancelled' limit 1) b on true
      where c.id = $1
     on conflict (call_id) do update set
       caller_name = coalesce(excluded.caller_name, handoffs.caller_name),
       procedure_ids = array(select distinct unnest(handoffs.procedure_ids || excluded.procedure_ids)),
       booked = excluded.booked,
       booking_id = excluded.booking_id,
       released_slot_ids = excluded.released_slot_ids,
       final_state = excluded.final_state,
       dropped_during_booking = handoffs.dropped_during_booking or excluded.dropped_during_booking,
       consent_to_text = excluded.consent_to_text
     returning id`,
    [callId],
  );
  return row.id;
}

/** Adds what the end-of-call report knows: procedures heard in the transcript, a redacted summary and questions. */
export async function enrichHandoff(
  tx: Tx,
  callId: string,
  input: { procedureIds: string[]; summary: string; questions: string[] },
) {
  await tx.query(
    `update public.calls set procedures_of_interest = array(select distinct unnest(procedures_of_interest || $2::uuid[])) where id = $1`,
    [callId, input.procedureIds],
  );
  await tx.query(
    `update public.handoffs set procedure_ids = array(select distinct unnest(procedure_ids || $2::uuid[])),
            summary = case when $3 = '' then summary else left($3, 2000) end,
            questions = case when jsonb_array_length($4::jsonb) = 0 then questions else $4::jsonb end
      where call_id = $1`,
    [callId, input.procedureIds, input.summary, JSON.stringify(input.questions)],
  );
}

/** The hand-off as the follow-up agent receives it. */
export async function loadHandoff(tx: Tx, handoffId: string): Promise<Handoff | null> {
  return tx.maybeOne<{
    handoffId: Col<"handoffs", "id">;
    clinicId: Col<"handoffs", "clinic_id">;
    callId: Col<"handoffs", "call_id">;
    clinicName: Col<"clinics", "name">;
    callerNumber: Col<"handoffs", "caller_number">;
    callerName: Col<"handoffs", "caller_name">;
    // A jsonb_agg over procedures, built in SQL.
    procedures: {
      id: Col<"procedures", "id">;
      name: Col<"procedures", "name">;
      aftercareDocumentId: Col<"procedures", "aftercare_document_id">;
    }[];
    booked: Col<"handoffs", "booked">;
    bookingId: Col<"handoffs", "booking_id">;
    releasedSlotIds: Col<"handoffs", "released_slot_ids">;
    questions: JsonAs<Col<"handoffs", "questions">, string[]>;
    summary: Col<"handoffs", "summary">;
    consentToText: Col<"handoffs", "consent_to_text">;
    finalState: Col<"handoffs", "final_state">;
    droppedDuringBooking: Col<"handoffs", "dropped_during_booking">;
    // to_char() of ended_at / updated_at: ISO strings, as the hand-off travels.
    endedAt: string;
    updatedAt: string;
  }>(
    `select h.id as "handoffId", h.clinic_id as "clinicId", h.call_id as "callId", cl.name as "clinicName",
            h.caller_number as "callerNumber", h.caller_name as "callerName",
            coalesce((select jsonb_agg(jsonb_build_object('id', p.id, 'name', p.name, 'aftercareDocumentId', p.aftercare_document_id) order by p.sort_order)
                        from public.procedures p where p.id = any (h.procedure_ids)), '[]'::jsonb) as procedures,
            h.booked, h.booking_id as "bookingId", h.released_slot_ids as "releasedSlotIds",
            coalesce((select jsonb_agg(q) from jsonb_array_elements_text(h.questions) q), '[]'::jsonb) as questions,
            h.summary, h.consent_to_text as "consentToText", h.final_state as "finalState",
            h.dropped_during_booking as "droppedDuringBooking",
            to_char(coalesce(c.ended_at, h.created_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "endedAt",
            to_char(h.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt"
       from public.handoffs h join public.calls c on c.id = h.call_id join public.clinics cl on cl.id = h.clinic_id
      where h.id = $1`,
    [handoffId],
  );
}

/** Hand-offs the agent has not acknowledged (or that changed since): the outbox to (re)deliver. */
export function listUndeliveredHandoffs(tx: Tx, limit = 20): Promise<{ id: string }[]> {
  return tx.query<{ id: Col<"handoffs", "id"> }>(
    `select id from public.handoffs
      where (delivered_at is null or delivered_at < updated_at) and updated_at < now() - interval '3 seconds'
      order by updated_at limit $1`,
    [limit],
  );
}

export async function markHandoffDelivered(tx: Tx, handoffId: string): Promise<void> {
  await tx.query("update public.handoffs set delivered_at = now() where id = $1", [handoffId]);
}
