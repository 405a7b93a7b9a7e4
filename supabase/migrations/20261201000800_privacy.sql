-- Privacy per clinic (issue 16): what the Vapi assistant may keep (HIPAA mode, recording), what
-- Voxanne says first (the AI and recording disclosure, worded by the clinic), how long each kind
-- of call and text data is kept, and the daily purge that enforces it. docs/data-flow.md.
--
-- A clinic without a row gets the column defaults (HIPAA mode on, recording off, the standard
-- greeting, the default windows): lib/db/privacy.ts reads them with a left join, so defaults
-- live here once. The windows' floors and ceilings are checked here as well as in the form.

create table public.privacy_settings (
  clinic_id uuid primary key references public.clinics (id) on delete cascade,
  hipaa_enabled boolean not null default true,
  recording_enabled boolean not null default false,
  greeting text check (greeting is null or length(greeting) between 1 and 400),
  transcript_days integer not null default 365 check (transcript_days between 30 and 3650),
  call_event_days integer not null default 365 check (call_event_days between 30 and 3650),
  handoff_days integer not null default 90 check (handoff_days between 30 and 3650),
  sms_days integer not null default 365 check (sms_days between 30 and 3650),
  webhook_days integer not null default 30 check (webhook_days between 7 and 365),
  updated_by uuid references auth.users (id) on delete set null,
  updated_at timestamptz not null default now()
);
create trigger privacy_settings_touch before update on public.privacy_settings
  for each row execute function private.touch_updated_at();
comment on table public.privacy_settings is 'Per-clinic privacy: the assistant''s HIPAA mode and recording, its first words, and retention windows; a clinic without a row gets the defaults.';
comment on column public.privacy_settings.clinic_id is 'The clinic (one row per clinic).';
comment on column public.privacy_settings.hipaa_enabled is 'compliancePlan.hipaaEnabled on the clinic''s Vapi assistant (honoured when the Vapi organization has HIPAA mode and a BAA).';
comment on column public.privacy_settings.recording_enabled is 'artifactPlan.recordingEnabled: whether Vapi records calls; the greeting must then say the call is recorded.';
comment on column public.privacy_settings.greeting is 'The first message, worded by the clinic; must name Voxanne, say it is an AI assistant and name the clinic (and, when recording, say so). Null: the standard wording.';
comment on column public.privacy_settings.transcript_days is 'Days redacted transcript lines (logs) are kept.';
comment on column public.privacy_settings.call_event_days is 'Days call events (state changes, tool metadata) and speech timings are kept.';
comment on column public.privacy_settings.handoff_days is 'Days hand-offs (the follow-up agent''s memory of a call) and their finished follow-ups are kept.';
comment on column public.privacy_settings.sms_days is 'Days SMS bodies and finished appointment-text delivery records are kept (opt-outs are never purged).';
comment on column public.privacy_settings.webhook_days is 'Days webhook receipts (dedupe keys, stored tool replies) are kept.';
comment on column public.privacy_settings.updated_by is 'Admin who last changed them.';
comment on column public.privacy_settings.updated_at is 'When they last changed.';

alter table public.privacy_settings enable row level security;
create policy "members read" on public.privacy_settings for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.privacy_settings for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.privacy_settings for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.privacy_settings from anon, authenticated;
grant insert (clinic_id, hipaa_enabled, recording_enabled, greeting, transcript_days, call_event_days,
              handoff_days, sms_days, webhook_days, updated_by),
  update (hipaa_enabled, recording_enabled, greeting, transcript_days, call_event_days, handoff_days,
          sms_days, webhook_days, updated_by) on public.privacy_settings to authenticated;
create trigger privacy_settings_audit after insert or update on public.privacy_settings
  for each row execute function private.audit_row_change('clinic_id');

-- One purge per clinic per UTC day (clinic_id null: webhook receipts no clinic was found for).
-- The row is claimed before the purge starts and finished with what it removed, so admins see
-- the last run, a second worker that day finds the row and does nothing, and a run that died
-- (no finished_at after 30 minutes) is taken over.
create table public.purge_runs (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid references public.clinics (id) on delete cascade,
  run_on date not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  removed jsonb not null default '{}'::jsonb check (jsonb_typeof(removed) = 'object'),
  error text check (length(error) <= 500),
  constraint purge_runs_once unique nulls not distinct (clinic_id, run_on)
);
create index purge_runs_clinic_idx on public.purge_runs (clinic_id, run_on desc);
comment on table public.purge_runs is 'The daily retention purge: one row per clinic per day with how many rows of each kind it removed.';
comment on column public.purge_runs.clinic_id is 'The clinic purged; null for webhook receipts without a clinic.';
comment on column public.purge_runs.run_on is 'The UTC day of the run (one per clinic per day).';
comment on column public.purge_runs.started_at is 'When the run was claimed.';
comment on column public.purge_runs.finished_at is 'When it finished; null while running or if it died (taken over after 30 minutes).';
comment on column public.purge_runs.removed is 'Rows removed per kind, e.g. {"transcriptLines": 120, "webhookReceipts": 40}.';
comment on column public.purge_runs.error is 'Why the run stopped, when it failed (no patient data).';

alter table public.purge_runs enable row level security;
create policy "admins read" on public.purge_runs for select to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.purge_runs from anon, authenticated;

-- What the purge's batches look up by age, so each batch reads only its own rows.
create index if not exists logs_clinic_created_idx on public.logs (clinic_id, created_at);
create index if not exists call_events_clinic_occurred_idx on public.call_events (clinic_id, occurred_at);
create index if not exists speech_events_clinic_at_idx on public.speech_events (clinic_id, at);
create index if not exists handoffs_clinic_created_idx on public.handoffs (clinic_id, created_at);
create index if not exists follow_ups_clinic_updated_idx on public.follow_ups (clinic_id, updated_at)
  where status in ('sent', 'failed', 'skipped');
create index if not exists appointment_texts_clinic_updated_idx on public.appointment_texts (clinic_id, updated_at)
  where status in ('sent', 'failed', 'skipped', 'withdrawn');
create index if not exists webhook_events_clinic_received_idx on public.webhook_events (clinic_id, received_at);
