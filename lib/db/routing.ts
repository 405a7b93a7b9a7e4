import "server-only";

import type { OpeningSchedule } from "@/types/opening-hours";

import { loadOpeningSchedule } from "./opening-hours";
import type { Checked, Col } from "./rows";
import type { Tx } from "./transaction";

// After hours and urgent calls (supabase/migrations/20261201000910_after_hours_and_urgent_calls.sql):
// the clinic's routing configuration, the call's urgency and transfer, call-back tasks with
// the message taken, and the staff alert for an urgent call (a durable follow-up).

export type AfterHoursModeValue = "message" | "book" | "both";

export interface RotaRow {
  id: Col<"on_call_rota", "id">;
  weekday: Col<"on_call_rota", "weekday">;
  clinicianName: Col<"on_call_rota", "clinician_name">;
  phoneNumber: Col<"on_call_rota", "phone_number">;
}

export interface RoutingSettings {
  frontDeskNumber: Col<"clinics", "front_desk_number">;
  afterHoursMode: Checked<Col<"clinics", "after_hours_mode">, AfterHoursModeValue>;
  emergencyNumber: Col<"clinics", "emergency_number">;
}

export interface RoutingSource extends RoutingSettings {
  schedule: OpeningSchedule;
  rota: RotaRow[];
}

export function listRota(tx: Tx, clinicId: string): Promise<RotaRow[]> {
  return tx.query<RotaRow>(
    `select id, weekday, clinician_name as "clinicianName", phone_number as "phoneNumber"
       from public.on_call_rota where clinic_id = $1 order by weekday`,
    [clinicId],
  );
}

/** The clinic's routing settings; null when the clinic is not visible (RLS). */
export async function getRoutingSettings(
  tx: Tx,
  clinicId: string,
): Promise<RoutingSettings | null> {
  return tx.maybeOne<RoutingSettings>(
    `select front_desk_number as "frontDeskNumber", after_hours_mode as "afterHoursMode",
            emergency_number as "emergencyNumber"
       from public.clinics where id = $1`,
    [clinicId],
  );
}

/** Everything a transfer is chosen from (lib/hours/routing.ts). */
export async function loadRoutingSource(tx: Tx, clinicId: string): Promise<RoutingSource> {
  const settings = await getRoutingSettings(tx, clinicId);
  if (!settings) throw new Error("loadRoutingSource: the clinic is not visible");
  return {
    ...settings,
    schedule: await loadOpeningSchedule(tx, clinicId),
    rota: await listRota(tx, clinicId),
  };
}

/** Saves the after-hours settings (admins, by RLS); false when the clinic is not theirs to change. */
export async function saveRoutingSettings(
  tx: Tx,
  clinicId: string,
  settings: RoutingSettings,
): Promise<boolean> {
  const rows = await tx.query(
    `update public.clinics set front_desk_number = $2, after_hours_mode = $3, emergency_number = $4
      where id = $1 returning id`,
    [clinicId, settings.frontDeskNumber, settings.afterHoursMode, settings.emergencyNumber],
  );
  return rows.length > 0;
}

/**
 * Replaces the rota with `nights` (one clinician per night at most, by the unique constraint).
 * The clinic's row is locked first, as for opening hours; false when it is not theirs.
 */
export async function replaceRota(
  tx: Tx,
  clinicId: string,
  nights: { weekday: number; clinicianName: string; phoneNumber: string }[],
): Promise<boolean> {
  const clinic = await tx.maybeOne("select id from public.clinics where id = $1 for update", [
    clinicId,
  ]);
  if (!clinic) return false;
  await tx.query(
    `delete from public.on_call_rota r where r.clinic_id = $1 and not (r.weekday = any ($2::smallint[]))`,
    [clinicId, nights.map((night) => night.weekday)],
  );
  await tx.query(
    `insert into public.on_call_rota (clinic_id, weekday, clinician_name, phone_number)
     select $1, n.weekday, n.name, n.phone
       from unnest($2::smallint[], $3::text[], $4::text[]) as n (weekday, name, phone)
     on conflict (clinic_id, weekday) do update
       set clinician_name = excluded.clinician_name, phone_number = excluded.phone_number
       where (on_call_rota.clinician_name, on_call_rota.phone_number::text)
             is distinct from (excluded.clinician_name, excluded.phone_number::text)`,
    [
      clinicId,
      nights.map((night) => night.weekday),
      nights.map((night) => night.clinicianName),
      nights.map((night) => night.phoneNumber),
    ],
  );
  return true;
}

export interface CallUrgency {
  urgency: Checked<Col<"calls", "urgency">, "urgent" | "emergency">;
  urgentSigns: Col<"calls", "urgent_signs">;
  transferTarget: Checked<Col<"calls", "transfer_target">, "front_desk" | "on_call">;
  transferOutcome: Checked<
    Col<"calls", "transfer_outcome">,
    "requested" | "refused" | "transferred" | "unanswered"
  >;
}

export function getCallUrgency(tx: Tx, callId: string): Promise<CallUrgency> {
  return tx.one<CallUrgency>(
    `select urgency, urgent_signs as "urgentSigns", transfer_target as "transferTarget",
            transfer_outcome as "transferOutcome"
       from public.calls where id = $1`,
    [callId],
  );
}

/**
 * Flags a call urgent (or an emergency, which only ever escalates) with the signs found,
 * merged with those already recorded. Returns whether this was the first flag.
 */
export async function flagCallUrgent(
  tx: Tx,
  callId: string,
  input: { signs: string[]; emergency: boolean; at: Date },
): Promise<{ first: boolean; changed: boolean }> {
  const row = await tx.maybeOne<{ first: boolean }>(
    `with before as (select urgency, urgent_signs from public.calls where id = $1)
     update public.calls c
        set urgency = case when $3 or c.urgency = 'emergency' then 'emergency' else 'urgent' end,
            urgent_signs = array(select distinct s from unnest(c.urgent_signs || $2::text[]) s order by s),
            urgent_at = coalesce(c.urgent_at, $4)
       from before
      where c.id = $1
        and (c.urgency is null or ($3 and c.urgency <> 'emergency') or not ($2::text[] <@ c.urgent_signs))
     returning before.urgency is null as first`,
    [callId, input.signs, input.emergency, input.at],
  );
  return { first: row?.first ?? false, changed: row !== null };
}

/** Where a transfer was chosen to go (or that none could be made), and later how it ended. */
export async function setTransfer(
  tx: Tx,
  callId: string,
  input: {
    target?: "front_desk" | "on_call" | null;
    outcome: "requested" | "refused" | "transferred" | "unanswered";
  },
): Promise<void> {
  await tx.query(
    `update public.calls
        set transfer_target = case when $2::boolean then $3 else transfer_target end,
            transfer_outcome = $4
      where id = $1 and transfer_outcome is distinct from $4
        -- A late transfer-update never undoes "nobody answered" (reordered messages).
        and not ($4 = 'transferred' and transfer_outcome = 'unanswered')`,
    [callId, input.target !== undefined, input.target ?? null, input.outcome],
  );
}

/**
 * Opens (or escalates) the call's call-back task: one per call. A later message replaces an
 * earlier one; urgency only ever goes up.
 */
export async function upsertCallbackTask(
  tx: Tx,
  task: {
    clinicId: string;
    callId: string;
    reason: string;
    message?: string | null;
    urgency: "routine" | "urgent";
  },
): Promise<void> {
  await tx.query(
    `insert into public.callback_tasks (clinic_id, call_id, reason, message, urgency)
     values ($1, $2, $3, $4, $5)
     on conflict (call_id) do update
       set message = coalesce(excluded.message, callback_tasks.message),
           reason = case when excluded.message is not null or excluded.urgency = 'urgent' then excluded.reason
                         else callback_tasks.reason end,
           urgency = case when callback_tasks.urgency = 'urgent' then 'urgent' else excluded.urgency end,
           done_at = null, done_by = null`,
    [task.clinicId, task.callId, task.reason, task.message ?? null, task.urgency],
  );
}

/** Queues the staff text about an urgent call (once per call); sent by the follow-up worker. */
export async function queueUrgentAlert(
  tx: Tx,
  input: { clinicId: string; callId: string; toNumber: string },
): Promise<boolean> {
  const rows = await tx.query(
    `insert into public.follow_ups (clinic_id, call_id, kind, to_number, due_by)
     values ($1, $2, 'urgent_alert', $3, now() + interval '5 minutes')
     on conflict on constraint follow_ups_once do nothing returning id`,
    [input.clinicId, input.callId, input.toNumber],
  );
  return rows.length > 0;
}

/**
 * Opens the call's call-back task unless it has one (a message taken, a cut-off booking):
 * one task per call, and a repeated end signal changes nothing. Returns whether it opened.
 */
export async function openCallbackTaskOnce(
  tx: Tx,
  task: { clinicId: string; callId: string; reason: string; urgency: "routine" | "urgent" },
): Promise<boolean> {
  const rows = await tx.query(
    `insert into public.callback_tasks (clinic_id, call_id, reason, urgency)
     values ($1, $2, $3, $4)
     on conflict (call_id) do nothing returning id`,
    [task.clinicId, task.callId, task.reason, task.urgency],
  );
  return rows.length > 0;
}
