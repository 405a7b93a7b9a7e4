import "server-only";

import type { PrivacySettings, RetentionKind } from "@/types/privacy";

import type { Col, JsonAs } from "./rows";
import type { Tx } from "./transaction";

// ---- Settings -----------------------------------------------------------------------------

/** The settings as `PrivacySettings` fields (json_build_object: computed, no column). */
export const PRIVACY_COLUMNS = `hipaa_enabled as "hipaaEnabled", recording_enabled as "recordingEnabled", greeting,
  json_build_object('transcriptDays', transcript_days, 'callEventDays', call_event_days,
                    'handoffDays', handoff_days, 'smsDays', sms_days, 'webhookDays', webhook_days) as retention`;

/** The clinic's saved privacy settings (RLS-scoped), or null when it never saved any (the defaults apply). */
export function getPrivacySettings(tx: Tx, clinicId: string): Promise<PrivacySettings | null> {
  return tx.maybeOne<PrivacySettings>(
    `select ${PRIVACY_COLUMNS} from public.privacy_settings where clinic_id = $1`,
    [clinicId],
  );
}

/** Saves the settings (admins of the clinic, by RLS; audited by trigger). */
export async function savePrivacySettings(
  tx: Tx,
  clinicId: string,
  settings: PrivacySettings,
  userId: string,
): Promise<void> {
  const r = settings.retention;
  await tx.query(
    `insert into public.privacy_settings (clinic_id, hipaa_enabled, recording_enabled, greeting,
            transcript_days, call_event_days, handoff_days, sms_days, webhook_days, updated_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict (clinic_id) do update set hipaa_enabled = excluded.hipaa_enabled,
       recording_enabled = excluded.recording_enabled, greeting = excluded.greeting,
       transcript_days = excluded.transcript_days, call_event_days = excluded.call_event_days,
       handoff_days = excluded.handoff_days, sms_days = excluded.sms_days,
       webhook_days = excluded.webhook_days, updated_by = excluded.updated_by`,
    [
      clinicId,
      settings.hipaaEnabled,
      settings.recordingEnabled,
      settings.greeting,
      r.transcriptDays,
      r.callEventDays,
      r.handoffDays,
      r.smsDays,
      r.webhookDays,
      userId,
    ],
  );
}

// ---- The daily purge ----------------------------------------------------------------------

/** What a purge removes, each kind with the retention window that governs it. */
export const PURGE_KINDS = {
  transcriptLines: "transcriptDays",
  callEvents: "callEventDays",
  speechEvents: "callEventDays",
  handoffs: "handoffDays",
  followUps: "smsDays",
  appointmentTexts: "smsDays",
  smsMessages: "smsDays",
  webhookReceipts: "webhookDays",
} as const satisfies Record<string, RetentionKind>;
export type PurgeKind = keyof typeof PURGE_KINDS;
/** What a run tallies: the kinds above, and stored files no document refers to any more. */
export type PurgeTally = PurgeKind | "unreferencedFiles" | "signInLeftovers";

// Each statement deletes at most $3 rows of clinic $1 older than $2, skipping rows another
// transaction holds (a worker sending a text), and answers how many it removed. Oldest first.
const PURGE_SQL: Record<PurgeKind, string> = {
  transcriptLines: `with doomed as (
      select id from public.logs where clinic_id = $1 and created_at < $2
       order by created_at limit $3 for update skip locked),
    gone as (delete from public.logs t using doomed where t.id = doomed.id returning 1)
    select count(*)::int as n from gone`,
  callEvents: `with doomed as (
      select id from public.call_events where clinic_id = $1 and occurred_at < $2
       order by occurred_at limit $3 for update skip locked),
    gone as (delete from public.call_events t using doomed where t.id = doomed.id returning 1)
    select count(*)::int as n from gone`,
  speechEvents: `with doomed as (
      select call_id, role, at from public.speech_events where clinic_id = $1 and at < $2
       order by at limit $3 for update skip locked),
    gone as (delete from public.speech_events t using doomed
              where t.call_id = doomed.call_id and t.role = doomed.role and t.at = doomed.at returning 1)
    select count(*)::int as n from gone`,
  // A hand-off with a follow-up still to send stays; its finished follow-ups go with it.
  handoffs: `with doomed as (
      select h.id from public.handoffs h where h.clinic_id = $1 and h.created_at < $2
         and not exists (select 1 from public.follow_ups f
                          where f.handoff_id = h.id and f.status in ('pending', 'sending'))
       order by h.created_at limit $3 for update skip locked),
    gone as (delete from public.handoffs t using doomed where t.id = doomed.id returning 1)
    select count(*)::int as n from gone`,
  followUps: `with doomed as (
      select id from public.follow_ups where clinic_id = $1 and updated_at < $2
         and status in ('sent', 'failed', 'skipped')
       order by updated_at limit $3 for update skip locked),
    gone as (delete from public.follow_ups t using doomed where t.id = doomed.id returning 1)
    select count(*)::int as n from gone`,
  appointmentTexts: `with doomed as (
      select id from public.appointment_texts where clinic_id = $1 and updated_at < $2
         and status in ('sent', 'failed', 'skipped', 'withdrawn')
       order by updated_at limit $3 for update skip locked),
    gone as (delete from public.appointment_texts t using doomed where t.id = doomed.id returning 1)
    select count(*)::int as n from gone`,
  smsMessages: `with doomed as (
      select id from public.sms_messages where clinic_id = $1 and created_at < $2
       order by created_at limit $3 for update skip locked),
    gone as (delete from public.sms_messages t using doomed where t.id = doomed.id returning 1)
    select count(*)::int as n from gone`,
  webhookReceipts: `with doomed as (
      select id from public.webhook_events where clinic_id = $1 and received_at < $2
       order by received_at limit $3 for update skip locked),
    gone as (delete from public.webhook_events t using doomed where t.id = doomed.id returning 1)
    select count(*)::int as n from gone`,
};

// Webhook receipts no clinic was found for (clinic_id null): the purge's platform run.
const PURGE_UNOWNED_RECEIPTS = `with doomed as (
    select id from public.webhook_events where clinic_id is null and received_at < $1
     order by received_at limit $2 for update skip locked),
  gone as (delete from public.webhook_events t using doomed where t.id = doomed.id returning 1)
  select count(*)::int as n from gone`;

/** One batch of one kind for a clinic (or, clinicId null, unowned webhook receipts): how many rows went. */
export async function purgeBatch(
  tx: Tx,
  kind: PurgeKind,
  clinicId: string | null,
  before: Date,
  limit: number,
): Promise<number> {
  if (clinicId === null) {
    if (kind !== "webhookReceipts") return 0;
    const row = await tx.one<{ n: number }>(PURGE_UNOWNED_RECEIPTS, [before, limit]);
    return row.n;
  }
  // count(*)::int: computed, no column.
  const row = await tx.one<{ n: number }>(PURGE_SQL[kind], [clinicId, before, limit]);
  return row.n;
}

export interface ClaimedPurge {
  id: Col<"purge_runs", "id">;
  /** The database's clock when the run was claimed: every window counts back from it. */
  startedAt: Col<"purge_runs", "started_at">;
}

/**
 * Claims today's (UTC) run for a clinic (null: unowned webhook receipts): a new row, or one whose
 * run died (unfinished after 30 minutes). Null when today's run is done or under way elsewhere.
 */
export function claimPurgeRun(tx: Tx, clinicId: string | null): Promise<ClaimedPurge | null> {
  return tx.maybeOne<ClaimedPurge>(
    `insert into public.purge_runs (clinic_id, run_on) values ($1, (now() at time zone 'utc')::date)
     on conflict on constraint purge_runs_once do update set started_at = now(), error = null
       where purge_runs.finished_at is null and purge_runs.started_at < now() - interval '30 minutes'
     returning id, started_at as "startedAt"`,
    [clinicId],
  );
}

/** Adds what a kind removed to the run's tally (kept across a takeover). */
export async function addPurged(tx: Tx, runId: string, kind: PurgeTally, n: number): Promise<void> {
  await tx.query(
    `update public.purge_runs
        set removed = removed || jsonb_build_object($2::text, coalesce((removed->>$2)::int, 0) + $3)
      where id = $1`,
    [runId, kind, n],
  );
}

/** Marks the run finished, or records why it stopped (then it is taken over after 30 minutes). */
export async function finishPurgeRun(tx: Tx, runId: string, error?: string): Promise<void> {
  await tx.query(
    error === undefined
      ? "update public.purge_runs set finished_at = now() where id = $1"
      : "update public.purge_runs set error = left($2, 500) where id = $1",
    error === undefined ? [runId] : [runId, error],
  );
}

/**
 * Clinics whose run today is neither finished nor under way, and whether the unowned receipts'
 * run is due too (`null` in the list).
 */
export async function clinicsDueForPurge(tx: Tx): Promise<(string | null)[]> {
  const rows = await tx.query<{ id: Col<"clinics", "id"> | null }>(
    `select s.id from (select id from public.clinics union all select null) s
      where not exists (
        select 1 from public.purge_runs r
         where r.clinic_id is not distinct from s.id and r.run_on = (now() at time zone 'utc')::date
           and (r.finished_at is not null or r.started_at > now() - interval '30 minutes'))`,
  );
  return rows.map((row) => row.id);
}

export interface PurgeRunSummary {
  runOn: Col<"purge_runs", "run_on">;
  startedAt: Col<"purge_runs", "started_at">;
  finishedAt: Col<"purge_runs", "finished_at">;
  removed: JsonAs<Col<"purge_runs", "removed">, Partial<Record<PurgeTally, number>>>;
  error: Col<"purge_runs", "error">;
}

/** The clinic's latest purge runs, newest first (RLS: its admins). */
export function recentPurgeRuns(tx: Tx, clinicId: string, limit = 7): Promise<PurgeRunSummary[]> {
  return tx.query<PurgeRunSummary>(
    `select run_on as "runOn", started_at as "startedAt", finished_at as "finishedAt", removed, error
       from public.purge_runs where clinic_id = $1 order by run_on desc limit $2`,
    [clinicId, limit],
  );
}

/** The storage paths the clinic's aftercare documents point at (every other file of theirs is unreferenced). */
export async function referencedFiles(tx: Tx, clinicId: string): Promise<Set<string>> {
  const rows = await tx.query<{ path: Col<"aftercare_documents", "storage_path"> }>(
    "select storage_path as path from public.aftercare_documents where clinic_id = $1",
    [clinicId],
  );
  return new Set(rows.map((row) => row.path));
}

/** Sign-in counters and ended local sessions past their keeping (the unowned daily run). */
export async function purgeSignInLeftovers(tx: Tx): Promise<number> {
  // count: computed by the function, no column.
  const row = await tx.one<{ n: number }>(`select public.purge_sign_in_leftovers() as n`);
  return row.n;
}
