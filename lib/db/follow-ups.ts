import "server-only";

import type { Handoff } from "@/types/handoff";

import type { Checked, Col, Outer } from "./rows";
import type { Tx } from "./transaction";

/** One follow-up the agent decided is owed; with a skip reason it is recorded as skipped. */
export interface OwedFollowUp {
  kind: "aftercare" | "cut_off" | "missed_call";
  procedureId: string | null;
  skipReason: string | null;
}

/** Records what is owed, once: follow_ups is unique per (call, kind, procedure). Returns how many are new. */
export async function enqueueFollowUps(
  tx: Tx,
  handoff: Pick<Handoff, "handoffId" | "clinicId" | "callId" | "callerNumber" | "endedAt">,
  plan: OwedFollowUp[],
): Promise<number> {
  let created = 0;
  for (const item of plan) {
    if (item.kind === "missed_call") {
      // Once per number per clinic-local day: concurrent hand-offs from one number queue here.
      await tx.query("select pg_advisory_xact_lock(hashtextextended($1, 0))", [
        `missed_call:${handoff.clinicId}:${handoff.callerNumber}`,
      ]);
    }
    const rows = await tx.query(
      `insert into public.follow_ups (clinic_id, call_id, handoff_id, procedure_id, kind, status, to_number, due_by, skip_reason)
       select $1, $2, $3, $4, $5, $6, $7, $8::timestamptz + interval '5 minutes', $9
        where $5 <> 'missed_call'
           or not exists (select 1 from public.follow_ups f join public.clinics c on c.id = f.clinic_id
                           where f.clinic_id = $1 and f.kind = 'missed_call' and f.to_number = $7
                             and f.status <> 'skipped'
                             and (f.created_at at time zone c.timezone)::date = (now() at time zone c.timezone)::date)
       on conflict on constraint follow_ups_once do nothing returning id`,
      [
        handoff.clinicId,
        handoff.callId,
        handoff.handoffId,
        item.procedureId,
        item.kind,
        item.skipReason ? "skipped" : "pending",
        handoff.callerNumber,
        handoff.endedAt,
        item.skipReason,
      ],
    );
    created += rows.length;
  }
  return created;
}

/** Whether anything was done for the caller: a call-back task, a transfer, an urgent flag. */
export async function callWasHandled(tx: Tx, callId: string): Promise<boolean> {
  const row = await tx.one<{ handled: boolean }>(
    `select exists (select 1 from public.callback_tasks t where t.call_id = c.id)
            or c.transfer_outcome is not null or c.urgency is not null or c.transferred_to is not null as handled
       from public.calls c where c.id = $1`,
    [callId],
  );
  return row.handled;
}

export interface ClaimedFollowUp {
  id: Col<"follow_ups", "id">;
  clinicId: Col<"follow_ups", "clinic_id">;
  callId: Col<"follow_ups", "call_id">;
  kind: Checked<
    Col<"follow_ups", "kind">,
    "aftercare" | "cut_off" | "booking_confirmation" | "urgent_alert" | "missed_call"
  >;
  toNumber: Col<"follow_ups", "to_number">;
  attempts: Col<"follow_ups", "attempts">;
  dueBy: Col<"follow_ups", "due_by">;
  clinicName: Col<"clinics", "name">;
  /** Never null: jobs of a clinic without its number wait (claimDueFollowUps). */
  clinicPhone: NonNullable<Col<"clinics", "phone_number">>;
  timezone: Col<"clinics", "timezone">;
  locale: Col<"clinics", "locale">;
  currency: Col<"clinics", "currency">;
  /** Null for an urgent_alert, which has no hand-off. */
  callerName: Outer<Col<"handoffs", "caller_name">>;
  /** The call's urgent signs (urgent_alert). */
  urgentSigns: Col<"calls", "urgent_signs">;
  urgency: Col<"calls", "urgency">;
  /** right(caller_number, 4), computed in SQL. */
  callerLast4: string | null;
  transferredTo: Col<"calls", "transferred_to">;
  procedureName: Outer<Col<"procedures", "name">>;
  aftercareDocumentId: Outer<Col<"procedures", "aftercare_document_id">>;
  /** exists (…) over sms_opt_outs, computed in SQL. */
  optedOut: boolean;
  bookingStartsAt: Outer<Col<"bookings", "starts_at">>;
  bookingPractitioner: Outer<Col<"practitioners", "name">>;
  bookingType: Outer<Col<"appointment_types", "name">>;
}

/**
 * Claims due jobs for this worker: FOR UPDATE SKIP LOCKED, so concurrent workers never take
 * the same one. A job left "sending" by a worker that died is claimed again once its claim is
 * older than `claimTimeoutSeconds` (FOLLOW_UP_CLAIM_TIMEOUT_SECONDS).
 */
export function claimDueFollowUps(
  tx: Tx,
  options: { limit: number; claimTimeoutSeconds: number },
): Promise<ClaimedFollowUp[]> {
  return tx.query<ClaimedFollowUp>(
    `with due as (
       select id from public.follow_ups
        where ((status = 'pending' and next_attempt_at <= now())
               or (status = 'sending' and locked_at < now() - make_interval(secs => $2::double precision)))
          -- Texts go from the clinic's number: a clinic still being set up has none yet.
          and exists (select 1 from public.clinics k where k.id = clinic_id and k.phone_number is not null)
        order by next_attempt_at limit $1 for update skip locked),
     claimed as (
       update public.follow_ups f set status = 'sending', locked_at = now(), attempts = f.attempts + 1
         from due where f.id = due.id returning f.*)
     select f.id, f.clinic_id as "clinicId", f.call_id as "callId", f.kind, f.to_number as "toNumber", f.attempts, f.due_by as "dueBy",
            cl.name as "clinicName", cl.phone_number as "clinicPhone", cl.timezone, cl.locale, cl.currency, h.caller_name as "callerName",
            c.urgent_signs as "urgentSigns", c.urgency, right(c.caller_number, 4) as "callerLast4",
            c.transferred_to as "transferredTo",
            p.name as "procedureName", p.aftercare_document_id as "aftercareDocumentId",
            public.sms_opted_out(f.clinic_id, f.to_number) as "optedOut",
            b.starts_at as "bookingStartsAt", pr.name as "bookingPractitioner", t.name as "bookingType"
       from claimed f
       join public.clinics cl on cl.id = f.clinic_id
       join public.calls c on c.id = f.call_id
       left join public.handoffs h on h.id = f.handoff_id
       left join public.procedures p on p.id = f.procedure_id
       left join public.bookings b on b.id = h.booking_id
       left join public.practitioners pr on pr.id = b.practitioner_id
       left join public.appointment_types t on t.id = b.appointment_type_id`,
    [options.limit, options.claimTimeoutSeconds],
  );
}

/**
 * Restarts this worker's claim just before it works on the job, so the claim timeout has to
 * cover one send and its record, not a whole batch sent one after another. Fenced by the attempt
 * number the claim set: false when the claim expired and another worker has taken the job since.
 */
export async function renewClaim(tx: Tx, job: { id: string; attempts: number }): Promise<boolean> {
  const rows = await tx.query(
    "update public.follow_ups set locked_at = now() where id = $1 and status = 'sending' and attempts = $2 returning id",
    [job.id, job.attempts],
  );
  return rows.length > 0;
}

export async function markFollowUp(
  tx: Tx,
  id: string,
  change:
    | { status: "sent" }
    | { status: "skipped"; reason: string }
    | { status: "failed"; error: string }
    | { status: "pending"; retryAt: Date; error: string },
): Promise<void> {
  if (change.status === "sent") {
    await tx.query(
      "update public.follow_ups set status = 'sent', sent_at = now(), locked_at = null, last_error = null where id = $1",
      [id],
    );
  } else if (change.status === "skipped") {
    await tx.query(
      "update public.follow_ups set status = 'skipped', skip_reason = $2, locked_at = null where id = $1",
      [id, change.reason.slice(0, 200)],
    );
  } else if (change.status === "failed") {
    await tx.query(
      "update public.follow_ups set status = 'failed', last_error = $2, locked_at = null where id = $1",
      [id, change.error.slice(0, 500)],
    );
  } else {
    await tx.query(
      "update public.follow_ups set status = 'pending', next_attempt_at = $2, last_error = $3, locked_at = null where id = $1",
      [id, change.retryAt, change.error.slice(0, 500)],
    );
  }
}

// The dashboard imports these from here; they live with their own tables now.
export { completeCallbackTask, listOpenCallbacks, type CallbackTask } from "./callback-tasks";
export { listSmsMessages, type SmsRow } from "./sms-messages";
