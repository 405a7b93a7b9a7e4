import "server-only";

import type { CallState } from "@/types/call-states";

import type { Checked, Col } from "./rows";
import type { Tx } from "./transaction";

/** A call as a Vapi message's handler gets it (lib/db/vapi-message.ts). */
export interface CallRow {
  id: Col<"calls", "id">;
  clinicId: Col<"calls", "clinic_id">;
  vapiCallId: Col<"calls", "vapi_call_id">;
  state: Checked<Col<"calls", "state">, CallState>;
  stateVersion: Col<"calls", "state_version">;
  callerNumber: Col<"calls", "caller_number">;
}

/** The clinic of a call Twilio knows by this CallSid, if we recorded one (several Vapi calls may share it). */
export async function findClinicOfTwilioCall(
  tx: Tx,
  twilioCallSid: string,
): Promise<string | null> {
  const row = await tx.maybeOne<{ clinicId: Col<"calls", "clinic_id"> }>(
    `select clinic_id as "clinicId" from public.calls where twilio_call_sid = $1 limit 1`,
    [twilioCallSid],
  );
  return row?.clinicId ?? null;
}

/** Columns a transition may fill in, only where still empty (e.g. answered_at). Keys are trusted column names. */
export type CallPatch = Partial<
  Record<"answered_at" | "ended_at" | "ended_reason" | "outcome" | "intent", unknown>
>;

/** The call's state and version, as a transition reads them. */
export function readCallState(
  tx: Tx,
  callId: string,
): Promise<{ clinicId: string; state: CallState; version: number }> {
  return tx.one<{
    clinicId: Col<"calls", "clinic_id">;
    state: Checked<Col<"calls", "state">, CallState>;
    version: Col<"calls", "state_version">;
  }>(
    `select clinic_id as "clinicId", state, state_version as version from public.calls where id = $1`,
    [callId],
  );
}

/**
 * Writes a transition if the call is still at `version` (compare-and-swap) and fills in the
 * patched columns that are empty. The new version, or null when another writer got there first.
 */
export async function writeCallState(
  tx: Tx,
  callId: string,
  change: { to: CallState; version: number; patch?: CallPatch },
): Promise<number | null> {
  const patch = Object.entries(change.patch ?? {}).filter(([, value]) => value !== undefined);
  const sets = patch.map(([column], index) => `${column} = coalesce(${column}, $${index + 4})`);
  const updated = await tx.maybeOne<{ version: Col<"calls", "state_version"> }>(
    `update public.calls set state = $2, state_version = state_version + 1${sets.length ? `, ${sets.join(", ")}` : ""}
      where id = $1 and state_version = $3 returning state_version as version`,
    [callId, change.to, change.version, ...patch.map(([, value]) => value)],
  );
  return updated?.version ?? null;
}

/** How the call ended for the business, set once by the transition that ended it. */
export async function setCallOutcome(tx: Tx, callId: string, outcome: string): Promise<void> {
  await tx.query("update public.calls set outcome = coalesce(outcome, $2) where id = $1", [
    callId,
    outcome,
  ]);
}

/** Why and when the call ended, if a later signal knows and nothing has said yet. */
export async function fillCallEnd(
  tx: Tx,
  callId: string,
  end: { endedReason: string | null; endedAt: Date },
): Promise<void> {
  await tx.query(
    "update public.calls set ended_reason = coalesce(ended_reason, $2), ended_at = coalesce(ended_at, $3) where id = $1",
    [callId, end.endedReason, end.endedAt],
  );
}

export interface CallEventInput {
  clinicId: string;
  callId: string;
  kind: "transition" | "ignored" | "hold" | "release" | "booking" | "handoff" | "tool" | "note";
  event: string;
  fromState?: CallState | null;
  toState?: CallState | null;
  version?: number | null;
  occurredAt?: Date;
  metadata?: Record<string, unknown>;
}

/** Appends one row to the call's story (business events: hold, release, booking, tool). */
export async function insertCallEvent(tx: Tx, input: CallEventInput): Promise<void> {
  await tx.query(
    `insert into public.call_events (clinic_id, call_id, kind, event, from_state, to_state, state_version, occurred_at, metadata)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      input.clinicId,
      input.callId,
      input.kind,
      input.event,
      input.fromState ?? null,
      input.toState ?? null,
      input.version ?? null,
      input.occurredAt ?? new Date(),
      input.metadata ?? {},
    ],
  );
}

export async function addProcedureOfInterest(
  tx: Tx,
  callId: string,
  procedureId: string,
): Promise<void> {
  await tx.query(
    `update public.calls set procedures_of_interest = array_append(procedures_of_interest, $2::uuid)
      where id = $1 and not ($2::uuid = any (procedures_of_interest))`,
    [callId, procedureId],
  );
}

export async function setCallDetails(
  tx: Tx,
  callId: string,
  details: { intent?: string; callerName?: string },
): Promise<void> {
  await tx.query(
    // Only when something changes: no new row version, no touch, no broadcast for a repeat.
    `update public.calls set intent = coalesce($2, intent), caller_name = coalesce(caller_name, $3)
      where id = $1 and (intent is distinct from coalesce($2, intent) or caller_name is distinct from coalesce(caller_name, $3))`,
    [callId, details.intent ?? null, details.callerName ?? null],
  );
}

/**
 * A caller asking for times: intent `booking` and, when known, the procedure among the call's
 * procedures of interest, in one statement (check_availability's path is counted in round
 * trips). Writes only when something changes: no new row version, touch or broadcast for a repeat.
 */
export async function noteBookingInterest(
  tx: Tx,
  callId: string,
  procedureId: string | null,
): Promise<void> {
  await tx.query(
    `update public.calls
        set intent = 'booking',
            procedures_of_interest = case when $2::uuid is null or $2::uuid = any (procedures_of_interest)
                                          then procedures_of_interest
                                          else array_append(procedures_of_interest, $2::uuid) end
      where id = $1
        and (intent is distinct from 'booking' or ($2::uuid is not null and not ($2::uuid = any (procedures_of_interest))))`,
    [callId, procedureId],
  );
}

/** What the end-of-call report says the call cost and lasted (the report is the record of truth). */
export async function recordCallReport(
  tx: Tx,
  callId: string,
  report: { durationMs?: number; costUsd?: number },
): Promise<void> {
  // Values no real call has (a cost beyond the column, a duration of years) are dropped, not failed on.
  const costUsd =
    report.costUsd !== undefined && Math.abs(report.costUsd) < 1e7 ? report.costUsd : undefined;
  const durationMs =
    report.durationMs !== undefined && report.durationMs < 2_147_483_647
      ? Math.round(report.durationMs)
      : undefined;
  if (durationMs === undefined && costUsd === undefined) return;
  await tx.query(
    `update public.calls set duration_ms = coalesce($2, duration_ms), cost_usd = coalesce($3, cost_usd)
      where id = $1 and (duration_ms is distinct from coalesce($2, duration_ms) or cost_usd is distinct from coalesce($3, cost_usd))`,
    [callId, durationMs ?? null, costUsd ?? null],
  );
}

/** Counts a barge-in: the caller talked over the assistant. */
export async function countInterruption(tx: Tx, callId: string): Promise<void> {
  await tx.query("update public.calls set interruptions = interruptions + 1 where id = $1", [
    callId,
  ]);
}

/** Who took a forwarded call, as Vapi's transfer destination describes it. */
export async function setTransferredTo(tx: Tx, callId: string, destination: string): Promise<void> {
  await tx.query(
    "update public.calls set transferred_to = $2 where id = $1 and transferred_to is distinct from $2",
    [callId, destination.slice(0, 200)],
  );
}

/** Records when the call was answered, if nothing has yet (for an in-progress that arrives too late to move the call). */
export async function fillAnsweredAt(tx: Tx, callId: string, at: Date): Promise<void> {
  await tx.query("update public.calls set answered_at = $2 where id = $1 and answered_at is null", [
    callId,
    at,
  ]);
}
