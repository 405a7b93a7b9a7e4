-- CallWaiting AI: the complete schema, RLS policies and functions, generated from
-- supabase/migrations by `npm run docs:deliverables` (a test keeps it in sync). Apply the
-- migrations themselves with `supabase db push` or `npm run db:migrate`.

-- ─── supabase/migrations/20261122000100_platform.sql ───────────────────────────────────────────

-- Platform: extensions, the unexposed `private` schema, and the generic helpers every later
-- migration uses. The schema is split by domain, one migration each, applied in this order:
--   platform · clinics_and_staff · catalogue · calls · bookings · follow_ups · audit · realtime
-- Supabase keeps extensions in the `extensions` schema; the local shim does the same.

create extension if not exists pgcrypto with schema extensions;
create extension if not exists btree_gist with schema extensions;
create extension if not exists pg_trgm with schema extensions;

-- Helpers that policies and triggers call. Not exposed through the Data API.
create schema if not exists private;
grant usage on schema private to authenticated, service_role;

-- Keeps updated_at honest without trusting clients.
create or replace function private.touch_updated_at() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

-- Append-only tables (call_events, audit_log) refuse every update with this trigger.
create or replace function private.forbid_update() returns trigger
language plpgsql set search_path = '' as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = '42501';
end;
$$;

-- E.164: a plus sign and 8 to 15 digits, no leading zero.
create domain public.e164 as text check (value ~ '^\+[1-9][0-9]{7,14}$');
comment on domain public.e164 is 'A phone number in E.164 form, e.g. +15555550199.';

-- ─── supabase/migrations/20261122000200_clinics_and_staff.sql ──────────────────────────────────

-- Clinics (the tenants), their staff, and the membership helpers every RLS policy calls.
--
-- The policies of every clinic-owned table follow one pattern, written out next to each table:
--   "members read"   members of the row's clinic read it:
--                    clinic_id = any ((select private.member_clinic_ids())::uuid[])
--   "admins insert", "admins update", "admins delete"
--                    where the clinic's admins manage the rows (the catalogue, redaction rules)
--   otherwise no user writes: insert, update, delete and truncate are revoked from anon and
--   authenticated, and webhooks write through SECURITY DEFINER functions or as service_role.

create table public.clinics (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null check (length(name) between 1 and 120),
  timezone text not null default 'UTC',
  phone_number public.e164 not null unique,
  front_desk_number public.e164,
  settings jsonb not null default '{}'::jsonb check (jsonb_typeof(settings) = 'object'),
  vapi_assistant_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.clinics is 'A clinic (tenant). Every other row belongs to exactly one clinic.';
comment on column public.clinics.id is 'Primary key; also the first folder of the clinic''s storage paths.';
comment on column public.clinics.slug is 'URL-safe unique name, e.g. harbour-aesthetics.';
comment on column public.clinics.name is 'Display name used by the assistant and in SMS.';
comment on column public.clinics.timezone is 'IANA time zone for opening hours and slot times.';
comment on column public.clinics.phone_number is 'The clinic''s Twilio number (E.164) that Vapi answers; resolves inbound calls to the clinic.';
comment on column public.clinics.front_desk_number is 'Human front desk number the assistant transfers to.';
comment on column public.clinics.settings is 'Opening hours ({"hours":{"mon":["09:00","17:00"],...}}), slot_minutes, and other clinic preferences.';
comment on column public.clinics.vapi_assistant_id is 'Id of the clinic''s assistant in Vapi, once pushed.';
comment on column public.clinics.created_at is 'When the clinic was created.';
comment on column public.clinics.updated_at is 'When the clinic was last changed.';

create or replace function private.check_timezone() returns trigger
language plpgsql set search_path = '' as $$
begin
  if not exists (select 1 from pg_catalog.pg_timezone_names where name = new.timezone) then
    raise exception 'unknown time zone: %', new.timezone using errcode = '22023';
  end if;
  return new;
end;
$$;
create trigger clinics_check_timezone before insert or update of timezone on public.clinics
  for each row execute function private.check_timezone();
create trigger clinics_touch before update on public.clinics
  for each row execute function private.touch_updated_at();
-- Staff changes to a clinic are audited (clinics_audit, in ..._audit.sql). Its policies follow
-- the membership helpers below, which they call.

create table public.clinic_members (
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null check (role in ('admin', 'receptionist')),
  display_name text not null default '' check (length(display_name) <= 120),
  created_at timestamptz not null default now(),
  primary key (clinic_id, user_id)
);
create index clinic_members_user_idx on public.clinic_members (user_id);
comment on table public.clinic_members is 'Which staff belong to which clinic, and in what role.';
comment on column public.clinic_members.clinic_id is 'The clinic.';
comment on column public.clinic_members.user_id is 'The staff member (auth.users.id).';
comment on column public.clinic_members.role is 'admin: manages procedures, aftercare, redaction, assistant; receptionist: confirms bookings.';
comment on column public.clinic_members.display_name is 'Name shown in the dashboard and audit trail.';
comment on column public.clinic_members.created_at is 'When the membership was granted.';

-- Membership helpers. SECURITY DEFINER so they can read clinic_members without recursing
-- into its own policy; policies call them as `(select private.x())` so Postgres evaluates
-- them once per statement (an initPlan), not once per row.
create or replace function private.member_clinic_ids() returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(m.clinic_id), '{}')
  from public.clinic_members m
  where m.user_id = (select auth.uid());
$$;

create or replace function private.admin_clinic_ids() returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(m.clinic_id), '{}')
  from public.clinic_members m
  where m.user_id = (select auth.uid()) and m.role = 'admin';
$$;

revoke all on function private.member_clinic_ids(), private.admin_clinic_ids() from public;
grant execute on function private.member_clinic_ids(), private.admin_clinic_ids()
  to authenticated, service_role;

-- clinics: members read their clinics, admins update them; nobody inserts or deletes one.
alter table public.clinics enable row level security;
create policy "members read their clinics" on public.clinics for select to authenticated
  using (id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins update their clinics" on public.clinics for update to authenticated
  using (id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (id = any ((select private.admin_clinic_ids())::uuid[]));

-- clinic_members: members read their clinic's team; memberships are granted by the service side.
alter table public.clinic_members enable row level security;
create policy "members read their clinic's team" on public.clinic_members for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));

-- ─── supabase/migrations/20261122000300_catalogue.sql ──────────────────────────────────────────

-- What a clinic offers: its practitioners, procedures, what the assistant may say about them,
-- and the aftercare documents (with their private Storage bucket) sent after calls.
-- Members of the clinic read these; its admins insert, update and delete them. Staff changes
-- are audited by triggers in ..._audit.sql.

create table public.practitioners (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  name text not null check (length(name) between 1 and 120),
  title text not null default '' check (length(title) <= 120),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, clinic_id)
);
create index practitioners_clinic_idx on public.practitioners (clinic_id);
create trigger practitioners_touch before update on public.practitioners
  for each row execute function private.touch_updated_at();
comment on table public.practitioners is 'Surgeons and injectors whose diaries hold appointment slots.';
comment on column public.practitioners.id is 'Primary key.';
comment on column public.practitioners.clinic_id is 'The clinic.';
comment on column public.practitioners.name is 'Name the assistant may say, e.g. "Dr Amara Okafor".';
comment on column public.practitioners.title is 'Role, e.g. "Consultant plastic surgeon".';
comment on column public.practitioners.active is 'Inactive practitioners get no new slots.';
comment on column public.practitioners.created_at is 'When the practitioner was added.';
comment on column public.practitioners.updated_at is 'When the practitioner was last changed.';

alter table public.practitioners enable row level security;
create policy "members read" on public.practitioners for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.practitioners for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.practitioners for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.practitioners for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

create table public.aftercare_documents (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  title text not null check (length(title) between 1 and 160),
  storage_path text not null unique,
  file_name text not null check (length(file_name) between 1 and 200),
  content_type text not null default 'application/pdf' check (content_type = 'application/pdf'),
  size_bytes integer not null check (size_bytes > 0 and size_bytes <= 10485760),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Storage policies key on the first folder, so it must be the owning clinic.
  constraint aftercare_documents_path_in_clinic check (split_part(storage_path, '/', 1) = clinic_id::text),
  unique (id, clinic_id)
);
create index aftercare_documents_clinic_idx on public.aftercare_documents (clinic_id);
create trigger aftercare_documents_touch before update on public.aftercare_documents
  for each row execute function private.touch_updated_at();
comment on table public.aftercare_documents is 'Aftercare PDFs a clinic sends patients (private storage, per clinic).';
comment on column public.aftercare_documents.id is 'Primary key.';
comment on column public.aftercare_documents.clinic_id is 'Owning clinic.';
comment on column public.aftercare_documents.title is 'Title shown to staff and in the patient''s link page, e.g. "Facelift Aftercare".';
comment on column public.aftercare_documents.storage_path is 'Object path in the aftercare bucket: <clinic_id>/aftercare/<file>.pdf.';
comment on column public.aftercare_documents.file_name is 'Original file name, for downloads.';
comment on column public.aftercare_documents.content_type is 'Always application/pdf (checked by content on upload).';
comment on column public.aftercare_documents.size_bytes is 'File size; uploads are limited to 10 MiB.';
comment on column public.aftercare_documents.sha256 is 'Content hash, to detect replacements and duplicates.';
comment on column public.aftercare_documents.uploaded_by is 'Staff member who uploaded it.';
comment on column public.aftercare_documents.created_at is 'When it was uploaded.';
comment on column public.aftercare_documents.updated_at is 'When it was last replaced or renamed.';

alter table public.aftercare_documents enable row level security;
create policy "members read" on public.aftercare_documents for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.aftercare_documents for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.aftercare_documents for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.aftercare_documents for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

-- Private Storage bucket for aftercare PDFs, first folder = clinic id (Supabase only: the
-- block does nothing where there is no storage schema, e.g. plain PostgreSQL with the local
-- shim, whose file store is a folder). Patients never read the bucket directly: /a/<token>
-- mints a short-lived signed URL with the service role after checking its own link table.
-- The policies on storage.objects are executed as text only because storage may not exist.
do $migration$
begin
  if not exists (select 1 from pg_namespace where nspname = 'storage') then
    return;
  end if;

  insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
  values ('aftercare', 'aftercare', false, 10485760, array['application/pdf'])
  on conflict (id) do update set public = false, file_size_limit = excluded.file_size_limit,
    allowed_mime_types = excluded.allowed_mime_types;

  execute $p$create policy "clinic members read aftercare" on storage.objects for select to authenticated
    using (bucket_id = 'aftercare' and (storage.foldername(name))[1] = any ((select private.member_clinic_ids())::text[]))$p$;
  execute $p$create policy "clinic admins upload aftercare" on storage.objects for insert to authenticated
    with check (bucket_id = 'aftercare' and (storage.foldername(name))[1] = any ((select private.admin_clinic_ids())::text[]))$p$;
  execute $p$create policy "clinic admins replace aftercare" on storage.objects for update to authenticated
    using (bucket_id = 'aftercare' and (storage.foldername(name))[1] = any ((select private.admin_clinic_ids())::text[]))$p$;
  execute $p$create policy "clinic admins delete aftercare" on storage.objects for delete to authenticated
    using (bucket_id = 'aftercare' and (storage.foldername(name))[1] = any ((select private.admin_clinic_ids())::text[]))$p$;
end
$migration$;

create table public.procedures (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  name text not null check (length(name) between 1 and 120),
  synonyms text[] not null default '{}' check (cardinality(synonyms) <= 50),
  duration_minutes integer not null default 60 check (duration_minutes between 5 and 1440),
  description text not null default '' check (length(description) <= 4000),
  active boolean not null default true,
  sort_order integer not null default 0,
  aftercare_document_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, clinic_id),
  -- Composite keys keep every reference inside one clinic.
  foreign key (aftercare_document_id, clinic_id) references public.aftercare_documents (id, clinic_id)
    on delete set null (aftercare_document_id)
);
create unique index procedures_clinic_name_key on public.procedures (clinic_id, lower(name));
create index procedures_clinic_order_idx on public.procedures (clinic_id, sort_order);
create index procedures_name_trgm_idx on public.procedures using gin (lower(name) extensions.gin_trgm_ops);
create trigger procedures_touch before update on public.procedures
  for each row execute function private.touch_updated_at();
comment on table public.procedures is 'Procedures a clinic offers; the assistant matches callers'' words to them.';
comment on column public.procedures.id is 'Primary key.';
comment on column public.procedures.clinic_id is 'Owning clinic.';
comment on column public.procedures.name is 'Canonical name, e.g. "Facelift".';
comment on column public.procedures.synonyms is 'Other words callers use, e.g. {"face lift","rhytidectomy"}.';
comment on column public.procedures.duration_minutes is 'Typical procedure duration, for lookup_procedure answers.';
comment on column public.procedures.description is 'Plain description the assistant may read out.';
comment on column public.procedures.active is 'Inactive procedures are hidden from the assistant.';
comment on column public.procedures.sort_order is 'Order in admin lists and the assistant prompt.';
comment on column public.procedures.aftercare_document_id is 'Aftercare PDF sent to callers interested in this procedure.';
comment on column public.procedures.created_at is 'When the procedure was added.';
comment on column public.procedures.updated_at is 'When the procedure was last changed.';

alter table public.procedures enable row level security;
create policy "members read" on public.procedures for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.procedures for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.procedures for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.procedures for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

create table public.procedure_knowledge (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  procedure_id uuid not null,
  topic text not null default 'general'
    check (topic in ('general', 'recovery', 'candidacy', 'price', 'risks', 'preparation')),
  question text not null check (length(question) between 1 and 500),
  answer text not null check (length(answer) between 1 and 4000),
  search tsvector generated always as (
    setweight(to_tsvector('english', question), 'A') || setweight(to_tsvector('english', answer), 'B')
  ) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (procedure_id, clinic_id) references public.procedures (id, clinic_id) on delete cascade
);
create index procedure_knowledge_procedure_idx on public.procedure_knowledge (procedure_id);
create index procedure_knowledge_clinic_idx on public.procedure_knowledge (clinic_id);
create index procedure_knowledge_search_idx on public.procedure_knowledge using gin (search);
create index procedure_knowledge_question_trgm_idx on public.procedure_knowledge
  using gin (question extensions.gin_trgm_ops);
create trigger procedure_knowledge_touch before update on public.procedure_knowledge
  for each row execute function private.touch_updated_at();
comment on table public.procedure_knowledge is 'Clinic-approved answers the assistant may give about a procedure. Nothing medical is invented beyond these.';
comment on column public.procedure_knowledge.id is 'Primary key.';
comment on column public.procedure_knowledge.clinic_id is 'Owning clinic (same as the procedure''s).';
comment on column public.procedure_knowledge.procedure_id is 'The procedure this answers about.';
comment on column public.procedure_knowledge.topic is 'Kind of question: recovery, candidacy, price, risks, preparation or general.';
comment on column public.procedure_knowledge.question is 'A question as a caller might ask it.';
comment on column public.procedure_knowledge.answer is 'The approved answer.';
comment on column public.procedure_knowledge.search is 'Full-text vector over question (weight A) and answer (weight B).';
comment on column public.procedure_knowledge.created_at is 'When the entry was added.';
comment on column public.procedure_knowledge.updated_at is 'When the entry was last changed.';

alter table public.procedure_knowledge enable row level security;
create policy "members read" on public.procedure_knowledge for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.procedure_knowledge for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.procedure_knowledge for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.procedure_knowledge for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

-- ─── supabase/migrations/20261122000400_calls.sql ──────────────────────────────────────────────

-- Calls: the call and its state, its append-only story, speech timings and turn latencies,
-- the redaction boundary (the clinic's redaction rules and the redacted transcript lines), and
-- webhook de-duplication. Writers are the webhooks (service side); staff read their clinic's
-- rows (and admins manage redaction rules). Broadcasting a call's changes is in ..._realtime.sql.
--
-- Lock order (architecture decision 10), the one every path follows: a call's row first
-- (`calls`, locked by the webhook's upsert or by `for update` before anything else), then the
-- slots it holds or claims (by id). Vapi webhooks, Twilio status callbacks, tool calls and the
-- end of a call all take them in that order; the sweeper takes slot locks only (SKIP LOCKED)
-- and touches no call. lib/db/locks.ts says the same for the TypeScript side.

create table public.calls (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  vapi_call_id text not null unique check (length(vapi_call_id) between 1 and 200),
  -- Not unique: one Twilio call can carry several Vapi calls (a transfer to another
  -- assistant, a retried leg), and Vapi may send a CallSid we have already seen, so a unique
  -- CallSid made every message of such a call fail. Indexed below; a Twilio status ends every
  -- call on the sid.
  twilio_call_sid text check (twilio_call_sid ~ '^CA[0-9a-fA-F]{32}$'),
  caller_number text check (caller_number ~ '^\+?[0-9]{3,15}$'),
  caller_name text check (length(caller_name) <= 120),
  state text not null default 'idle' check (state in (
    'idle', 'incoming', 'ringing', 'connected', 'in_conversation', 'collecting_info',
    'booking_appointment', 'confirming_details', 'transferring', 'on_hold',
    'completed', 'ended', 'failed', 'abandoned')),
  state_version integer not null default 0 check (state_version >= 0),
  intent text check (intent in ('booking', 'information', 'reschedule', 'cancel', 'other')),
  outcome text check (outcome in ('booked', 'follow_up', 'information', 'transferred', 'abandoned', 'failed')),
  procedures_of_interest uuid[] not null default '{}',
  assistant_id text,
  started_at timestamptz,
  answered_at timestamptz,
  ended_at timestamptz,
  ended_reason text check (length(ended_reason) <= 200),
  last_turn_latency_ms integer check (last_turn_latency_ms >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- revision orders the board's deltas: it grows on every change to the row, and changes to
  -- one call are serialised by its row lock, so a higher revision is always newer.
  revision bigint not null default 0,
  -- What real Vapi and Twilio traffic tells us about a call.
  duration_ms integer check (duration_ms >= 0),
  cost_usd numeric(12, 4),
  interruptions integer not null default 0 check (interruptions >= 0),
  transferred_to text check (length(transferred_to) <= 200),
  unique (id, clinic_id)
);
create index calls_clinic_active_idx on public.calls (clinic_id, created_at desc);
create index calls_clinic_state_idx on public.calls (clinic_id, state)
  where state not in ('completed', 'ended', 'failed', 'abandoned');
create index calls_twilio_call_sid_idx on public.calls (twilio_call_sid) where twilio_call_sid is not null;
create trigger calls_touch before update on public.calls
  for each row execute function private.touch_updated_at();
comment on table public.calls is 'One phone call answered by the assistant, with its current state in the call-flow state machine.';
comment on column public.calls.id is 'Primary key.';
comment on column public.calls.clinic_id is 'The clinic whose number was called.';
comment on column public.calls.vapi_call_id is 'Vapi''s call id (message.call.id); unique, the key webhooks resolve by.';
comment on column public.calls.twilio_call_sid is 'Twilio CallSid (call.phoneCallProviderId), for Twilio status callbacks. Not unique: one Twilio call may carry several Vapi calls.';
comment on column public.calls.caller_number is 'Caller''s number as given by the carrier; masked in the dashboard.';
comment on column public.calls.caller_name is 'Name the caller gave, once known.';
comment on column public.calls.state is 'Current state (lib/call-flow states). Terminal: completed, ended, failed, abandoned.';
comment on column public.calls.state_version is 'Incremented on every transition; optimistic concurrency and broadcast ordering.';
comment on column public.calls.intent is 'What the caller wanted, once known.';
comment on column public.calls.outcome is 'How the call ended for the business: booked, follow-up scheduled, etc.';
comment on column public.calls.procedures_of_interest is 'Procedures the caller asked about (procedures.id).';
comment on column public.calls.assistant_id is 'Vapi assistant id that answered.';
comment on column public.calls.started_at is 'When the call began: Vapi''s startedAt when a message carries it (a call first seen at its end-of-call report), else the first message''s time; never after ended_at.';
comment on column public.calls.answered_at is 'When the conversation started (status in-progress).';
comment on column public.calls.ended_at is 'When the call ended.';
comment on column public.calls.ended_reason is 'Vapi endedReason, verbatim (unknown values kept).';
comment on column public.calls.last_turn_latency_ms is 'Latest measured user-end to assistant-start delay, for the live board.';
comment on column public.calls.created_at is 'When the row was created.';
comment on column public.calls.updated_at is 'When the row last changed.';
comment on column public.calls.revision is 'Incremented on every change (state, details, hold); orders live updates.';
comment on column public.calls.duration_ms is 'Length of the call as Vapi reports it (durationMs, or durationSeconds x 1000).';
comment on column public.calls.cost_usd is 'What Vapi charged for the call (end-of-call report cost, USD).';
comment on column public.calls.interruptions is 'How many times the caller talked over the assistant (user-interrupted messages).';
comment on column public.calls.transferred_to is 'Who took the call when it was forwarded: the destination''s description, name or number.';

-- Runs before calls_touch (triggers fire in name order), so a no-op upsert by a webhook that
-- changes nothing neither bumps the revision nor broadcasts.
create or replace function private.bump_call_revision() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new is distinct from old then
    new.revision := old.revision + 1;
  end if;
  return new;
end;
$$;
create trigger calls_bump_revision before update on public.calls
  for each row execute function private.bump_call_revision();

create or replace function private.is_terminal_call_state(p_state text) returns boolean
language sql immutable set search_path = '' as $$
  select p_state in ('completed', 'ended', 'failed', 'abandoned');
$$;

alter table public.calls enable row level security;
create policy "members read" on public.calls for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.calls from anon, authenticated;

create table public.call_events (
  id bigint generated always as identity primary key,
  clinic_id uuid not null,
  call_id uuid not null,
  kind text not null check (kind in ('transition', 'ignored', 'hold', 'release', 'booking', 'handoff', 'tool', 'note')),
  event text not null check (length(event) between 1 and 100),
  from_state text,
  to_state text,
  state_version integer,
  metadata jsonb not null default '{}'::jsonb,
  occurred_at timestamptz not null default now(),
  recorded_at timestamptz not null default now(),
  foreign key (call_id, clinic_id) references public.calls (id, clinic_id) on delete cascade
);
create index call_events_call_idx on public.call_events (call_id, id);
create trigger call_events_append_only before update on public.call_events
  for each row execute function private.forbid_update();
comment on table public.call_events is 'Append-only story of a call: every state transition and business event (hold, release, booking, hand-off).';
comment on column public.call_events.id is 'Monotonic id; orders events within a call.';
comment on column public.call_events.clinic_id is 'The call''s clinic.';
comment on column public.call_events.call_id is 'The call.';
comment on column public.call_events.kind is 'transition, ignored (late or duplicate event), hold, release, booking, handoff, tool, note.';
comment on column public.call_events.event is 'The event name, e.g. status.in-progress or slot.held.';
comment on column public.call_events.from_state is 'State before (transitions).';
comment on column public.call_events.to_state is 'State after (transitions).';
comment on column public.call_events.state_version is 'The call''s state_version after this event.';
comment on column public.call_events.metadata is 'Small structured details (ids, reasons). Never transcript text.';
comment on column public.call_events.occurred_at is 'When it happened according to the source (e.g. Vapi timestamp).';
comment on column public.call_events.recorded_at is 'When we stored it.';

alter table public.call_events enable row level security;
create policy "members read" on public.call_events for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.call_events from anon, authenticated;

-- Speech updates are fire-and-forget: Vapi may deliver them late or out of order. One pending
-- "caller stopped" per call (the former speech_marks table) paired each assistant start with
-- whichever stop had arrived last, so a crossed pair measured a wrong turn (seconds long,
-- spanning other turns). Instead every caller stop and assistant start of a call is kept, and
-- turns are paired by the messages' own timestamps, so the same call measures the same turns in
-- any arrival order. Kept out of `calls` so it does not broadcast.
create table public.speech_events (
  call_id uuid not null,
  clinic_id uuid not null,
  role text not null check (role in ('user', 'assistant')),
  at timestamptz not null,
  turn integer check (turn >= 0),
  primary key (call_id, role, at),
  foreign key (call_id, clinic_id) references public.calls (id, clinic_id) on delete cascade
);
comment on table public.speech_events is 'Each caller end of speech and assistant start of speech in a call, from Vapi speech updates; turn latencies are paired from them by time.';
comment on column public.speech_events.call_id is 'The call.';
comment on column public.speech_events.clinic_id is 'The call''s clinic.';
comment on column public.speech_events.role is 'user: the caller stopped speaking; assistant: the assistant started speaking.';
comment on column public.speech_events.at is 'When (Vapi speech-update timestamp).';
comment on column public.speech_events.turn is 'Vapi''s turn number, when sent.';

alter table public.speech_events enable row level security;
create policy "members read" on public.speech_events for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.speech_events from anon, authenticated;

create table public.turn_latencies (
  id bigint generated always as identity primary key,
  clinic_id uuid not null,
  call_id uuid not null,
  turn integer not null check (turn >= 0),
  source text not null check (source in ('speech_update', 'artifact_messages', 'performance_metrics', 'tool_call')),
  latency_ms numeric(10, 1) not null check (latency_ms >= 0),
  user_ended_at timestamptz,
  assistant_started_at timestamptz,
  breakdown jsonb not null default '{}'::jsonb,
  assistant_profile text,
  created_at timestamptz not null default now(),
  unique (call_id, source, turn),
  foreign key (call_id, clinic_id) references public.calls (id, clinic_id) on delete cascade
);
create index turn_latencies_clinic_created_idx on public.turn_latencies (clinic_id, created_at);
comment on table public.turn_latencies is 'Per-turn delay from the caller''s end of speech to the assistant''s start, by measurement source.';
comment on column public.turn_latencies.id is 'Primary key.';
comment on column public.turn_latencies.clinic_id is 'The call''s clinic.';
comment on column public.turn_latencies.call_id is 'The call.';
comment on column public.turn_latencies.turn is 'Turn number within the call (0-based).';
comment on column public.turn_latencies.source is 'speech_update pairs, artifact_messages timings, Vapi performance_metrics, or our own tool_call handling time.';
comment on column public.turn_latencies.latency_ms is 'The delay in milliseconds.';
comment on column public.turn_latencies.user_ended_at is 'When the caller stopped speaking, if known.';
comment on column public.turn_latencies.assistant_started_at is 'When the assistant started speaking, if known.';
comment on column public.turn_latencies.breakdown is 'Component delays when the source has them (model, voice, transcriber, endpointing).';
comment on column public.turn_latencies.assistant_profile is 'Assistant latency profile in use, for per-configuration figures.';
comment on column public.turn_latencies.created_at is 'When it was measured.';

alter table public.turn_latencies enable row level security;
create policy "members read" on public.turn_latencies for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.turn_latencies from anon, authenticated;

-- The redaction boundary (architecture decision 6): a clinic's own rules, applied with the
-- built-in detectors (lib/redaction), and the only place transcript text is stored, redacted.
create table public.redaction_rules (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  kind text not null check (kind in ('keyword', 'pattern')),
  value text not null check (length(value) between 1 and 200),
  category text not null default 'CUSTOM'
    check (category in ('NAME', 'PHONE', 'EMAIL', 'DOB', 'ADDRESS', 'ID', 'CARD', 'MEDICAL', 'CUSTOM')),
  description text not null default '' check (length(description) <= 500),
  enabled boolean not null default true,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index redaction_rules_clinic_value_key on public.redaction_rules (clinic_id, kind, lower(value));
create trigger redaction_rules_touch before update on public.redaction_rules
  for each row execute function private.touch_updated_at();
comment on table public.redaction_rules is 'A clinic''s own redaction rules, applied with the built-in detectors before anything reaches logs.';
comment on column public.redaction_rules.id is 'Primary key.';
comment on column public.redaction_rules.clinic_id is 'Owning clinic.';
comment on column public.redaction_rules.kind is 'keyword: whole word, case-insensitive; pattern: a regular expression (validated on save).';
comment on column public.redaction_rules.value is 'The keyword or the regular expression.';
comment on column public.redaction_rules.category is 'Placeholder type written in place of a match, e.g. MEDICAL -> [MEDICAL].';
comment on column public.redaction_rules.description is 'Why the rule exists, for other admins.';
comment on column public.redaction_rules.enabled is 'Disabled rules are kept but not applied.';
comment on column public.redaction_rules.created_by is 'Admin who created the rule.';
comment on column public.redaction_rules.created_at is 'When the rule was created.';
comment on column public.redaction_rules.updated_at is 'When the rule was last changed.';

-- Admins manage their clinic's rules (audited, see ..._audit.sql).
alter table public.redaction_rules enable row level security;
create policy "members read" on public.redaction_rules for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.redaction_rules for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.redaction_rules for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.redaction_rules for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

create table public.logs (
  id bigint generated always as identity primary key,
  clinic_id uuid not null,
  call_id uuid not null,
  seq integer not null check (seq >= 0),
  speaker text not null check (speaker in ('user', 'assistant', 'system', 'tool')),
  spoken_at timestamptz,
  text text not null check (length(text) <= 20000),
  findings jsonb not null default '[]'::jsonb check (jsonb_typeof(findings) = 'array'),
  created_at timestamptz not null default now(),
  unique (call_id, seq),
  foreign key (call_id, clinic_id) references public.calls (id, clinic_id) on delete cascade
);
comment on table public.logs is 'Redacted transcript lines. Written only through the redaction intercept (lib/redaction); raw text is never stored.';
comment on column public.logs.id is 'Primary key.';
comment on column public.logs.clinic_id is 'The call''s clinic.';
comment on column public.logs.call_id is 'The call.';
comment on column public.logs.seq is 'Line number within the call; (call_id, seq) makes writes idempotent.';
comment on column public.logs.speaker is 'user (caller), assistant, system or tool.';
comment on column public.logs.spoken_at is 'When the line was spoken.';
comment on column public.logs.text is 'The redacted line, with typed placeholders such as [PHONE].';
comment on column public.logs.findings is 'What was redacted: [{type,start,end}] offsets into the original line. Never the matched text.';
comment on column public.logs.created_at is 'When the line was stored.';

-- No user role can insert, update or delete a line.
alter table public.logs enable row level security;
create policy "members read" on public.logs for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.logs from anon, authenticated;

create table public.webhook_events (
  id bigint generated always as identity primary key,
  source text not null check (source in ('vapi', 'twilio', 'follow-up')),
  dedupe_key text not null check (length(dedupe_key) between 1 and 500),
  message_type text not null check (length(message_type) between 1 and 100),
  clinic_id uuid references public.clinics (id) on delete cascade,
  external_call_id text,
  received_at timestamptz not null default now(),
  -- Tool-call replies are kept with the webhook event, so a retried tool call gets the same answer.
  response jsonb,
  unique (source, dedupe_key)
);
create index webhook_events_received_idx on public.webhook_events (received_at);
comment on table public.webhook_events is 'One row per accepted webhook message; the unique key makes duplicates harmless. Service-side only.';
comment on column public.webhook_events.id is 'Primary key.';
comment on column public.webhook_events.source is 'Who sent it: vapi, twilio or the internal follow-up agent hook.';
comment on column public.webhook_events.dedupe_key is 'Derived key (e.g. call id + type + status/turn + timestamp); a repeat is acknowledged and ignored.';
comment on column public.webhook_events.message_type is 'Message type, e.g. status-update.';
comment on column public.webhook_events.clinic_id is 'Resolved clinic, when known.';
comment on column public.webhook_events.external_call_id is 'Provider call id, when the message has one.';
comment on column public.webhook_events.received_at is 'When we accepted it.';
comment on column public.webhook_events.response is 'What we answered (tool-call results), returned again to a retried duplicate.';

-- Service side only: RLS on and no policy, and no rights for anon or authenticated.
alter table public.webhook_events enable row level security;
revoke all on public.webhook_events from anon, authenticated;

-- ─── supabase/migrations/20261122000500_bookings.sql ───────────────────────────────────────────

-- Bookings: appointment slots, the bookings made in them, and the functions that guard the
-- booking invariants (architecture decision 3). Webhooks call the functions through the
-- service role; they are never exposed to staff or the anon key. Staff read their clinic's
-- slots and bookings, and receptionists confirm or cancel bookings.
--
-- Locking rule, to make deadlocks impossible: every function locks all the slot rows it will
-- touch (the target and the call's current holds) in one statement, ordered by id. Callers have
-- locked the call's row before (lock order: call, then slots; see ..._calls.sql and
-- lib/db/locks.ts).

create table public.slots (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  practitioner_id uuid not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  status text not null default 'open' check (status in ('open', 'held', 'booked', 'blocked')),
  held_by_call uuid,
  held_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, clinic_id),
  unique (practitioner_id, starts_at),
  check (ends_at > starts_at),
  -- A hold always names its call and its expiry; nothing else carries either.
  check (case when status = 'held' then held_by_call is not null and held_until is not null
              else held_by_call is null and held_until is null end),
  foreign key (practitioner_id, clinic_id) references public.practitioners (id, clinic_id) on delete cascade,
  foreign key (held_by_call, clinic_id) references public.calls (id, clinic_id),
  -- Backstop for claim_slot_atomic: one practitioner is never held or booked twice at once.
  constraint slots_no_overlapping_claims exclude using gist (
    practitioner_id with =, tstzrange(starts_at, ends_at) with &&
  ) where (status in ('held', 'booked'))
);
create index slots_clinic_start_idx on public.slots (clinic_id, starts_at);
create index slots_held_idx on public.slots (held_until) where status = 'held';
create index slots_held_by_call_idx on public.slots (held_by_call) where held_by_call is not null;
create trigger slots_touch before update on public.slots
  for each row execute function private.touch_updated_at();
-- A change to a hold also touches the holding call so it broadcasts: slots_touch_calls, in
-- ..._realtime.sql.
comment on table public.slots is 'Pre-materialised appointment slots. A hold is data (status held + held_until), never an open transaction.';
comment on column public.slots.id is 'Primary key; the slotId the assistant passes to tools.';
comment on column public.slots.clinic_id is 'Owning clinic.';
comment on column public.slots.practitioner_id is 'Whose diary the slot is in.';
comment on column public.slots.starts_at is 'Start (UTC; shown in the clinic''s time zone).';
comment on column public.slots.ends_at is 'End.';
comment on column public.slots.status is 'open, held (by a live call, until held_until), booked, blocked (by staff).';
comment on column public.slots.held_by_call is 'The call holding the slot, while held.';
comment on column public.slots.held_until is 'Hold expiry (90 s after the claim); an expired hold counts as free.';
comment on column public.slots.created_at is 'When the slot was generated.';
comment on column public.slots.updated_at is 'When the slot last changed.';

alter table public.slots enable row level security;
create policy "members read" on public.slots for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.slots from anon, authenticated;

create table public.bookings (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  slot_id uuid not null,
  call_id uuid,
  procedure_id uuid,
  patient_name text not null check (length(patient_name) between 1 and 120),
  patient_phone text check (patient_phone ~ '^\+?[0-9]{3,15}$'),
  status text not null default 'pending' check (status in ('pending', 'confirmed', 'cancelled')),
  confirmed_by uuid references auth.users (id) on delete set null,
  confirmed_at timestamptz,
  cancelled_by uuid references auth.users (id) on delete set null,
  cancelled_at timestamptz,
  cancel_reason text check (length(cancel_reason) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, clinic_id),
  foreign key (slot_id, clinic_id) references public.slots (id, clinic_id),
  foreign key (call_id, clinic_id) references public.calls (id, clinic_id),
  foreign key (procedure_id, clinic_id) references public.procedures (id, clinic_id)
    on delete set null (procedure_id)
);
-- At most one live booking per slot, whatever the code above it does.
create unique index bookings_one_live_per_slot on public.bookings (slot_id) where status <> 'cancelled';
create index bookings_clinic_created_idx on public.bookings (clinic_id, created_at desc);
create trigger bookings_touch before update on public.bookings
  for each row execute function private.touch_updated_at();
comment on table public.bookings is 'Appointments booked by the assistant; receptionists confirm or cancel them.';
comment on column public.bookings.id is 'Primary key.';
comment on column public.bookings.clinic_id is 'Owning clinic.';
comment on column public.bookings.slot_id is 'The booked slot.';
comment on column public.bookings.call_id is 'The call that made the booking.';
comment on column public.bookings.procedure_id is 'Procedure the appointment is for, if given.';
comment on column public.bookings.patient_name is 'Name the caller gave for the appointment.';
comment on column public.bookings.patient_phone is 'Contact number (defaults to the caller''s number).';
comment on column public.bookings.status is 'pending (made by the assistant), confirmed (by staff) or cancelled.';
comment on column public.bookings.confirmed_by is 'Staff member who confirmed.';
comment on column public.bookings.confirmed_at is 'When it was confirmed.';
comment on column public.bookings.cancelled_by is 'Staff member who cancelled.';
comment on column public.bookings.cancelled_at is 'When it was cancelled.';
comment on column public.bookings.cancel_reason is 'Why it was cancelled.';
comment on column public.bookings.created_at is 'When the assistant booked it.';
comment on column public.bookings.updated_at is 'When it last changed.';

alter table public.bookings enable row level security;
create policy "members read" on public.bookings for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
-- Receptionists and admins confirm or cancel; only the status columns are writable by staff.
create policy "members confirm or cancel" on public.bookings for update to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.bookings from anon, authenticated;
grant update (status, cancel_reason) on public.bookings to authenticated;

-- Staff changes to a booking: allowed transitions only, stamped with who and when; a
-- cancellation frees the slot in the same transaction. (Status changes are also audited, without
-- copying the patient's name or phone: bookings_audit, in ..._audit.sql.)
create or replace function private.on_booking_status_change() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.status = old.status then
    return new;
  end if;
  if not ((old.status = 'pending' and new.status in ('confirmed', 'cancelled'))
          or (old.status = 'confirmed' and new.status = 'cancelled')) then
    raise exception 'a % booking cannot become %', old.status, new.status using errcode = '22023';
  end if;
  if new.status = 'confirmed' then
    new.confirmed_by := (select auth.uid());
    new.confirmed_at := now();
  else
    new.cancelled_by := (select auth.uid());
    new.cancelled_at := now();
    update public.slots set status = 'open', held_by_call = null, held_until = null
      where id = new.slot_id and status = 'booked';
  end if;
  return new;
end;
$$;
create trigger bookings_status_change before update of status on public.bookings
  for each row execute function private.on_booking_status_change();

-- Tops up open slots for the next p_days days from the clinic's opening hours
-- (settings.hours = {"mon": ["09:00", "17:00"], ...}, settings.slot_minutes, default 30).
-- Idempotent: existing slots are left as they are. Service side only.
create or replace function public.generate_slots(p_clinic_id uuid, p_days integer default 14)
returns integer language plpgsql security definer set search_path = '' as $$
declare
  v_clinic public.clinics;
  v_minutes integer;
  v_inserted integer;
begin
  select * into v_clinic from public.clinics where id = p_clinic_id;
  if not found then
    raise exception 'clinic % not found', p_clinic_id using errcode = 'P0002';
  end if;
  v_minutes := coalesce((v_clinic.settings ->> 'slot_minutes')::integer, 30);

  with days as (
    select (now() at time zone v_clinic.timezone)::date + d as day
    from generate_series(0, greatest(p_days, 1) - 1) as d
  ), hours as (
    select day,
           (v_clinic.settings -> 'hours' -> lower(to_char(day, 'dy')) ->> 0)::time as opens,
           (v_clinic.settings -> 'hours' -> lower(to_char(day, 'dy')) ->> 1)::time as closes
    from days
  ), starts as (
    select local_start at time zone v_clinic.timezone as starts_at
    from hours h
    cross join lateral generate_series(h.day + h.opens, h.day + h.closes - make_interval(mins => v_minutes),
                                       make_interval(mins => v_minutes)) as local_start
    where h.opens is not null and h.closes is not null
  )
  insert into public.slots (clinic_id, practitioner_id, starts_at, ends_at)
  select v_clinic.id, p.id, s.starts_at, s.starts_at + make_interval(mins => v_minutes)
  from starts s
  cross join public.practitioners p
  where p.clinic_id = v_clinic.id and p.active and s.starts_at > now()
  on conflict (practitioner_id, starts_at) do nothing;

  get diagnostics v_inserted = row_count;
  return v_inserted;
end;
$$;
revoke all on function public.generate_slots(uuid, integer) from public, anon, authenticated;
grant execute on function public.generate_slots(uuid, integer) to service_role;

-- Claims p_slot_id for p_call_id for p_hold_seconds. A call holds at most one slot: a new
-- hold releases its previous one. An expired hold counts as free.
-- outcome: held | taken | not_found | in_past | call_ended
create or replace function public.claim_slot_atomic(p_slot_id uuid, p_call_id uuid, p_hold_seconds integer default 90)
returns table (outcome text, slot_id uuid, held_until timestamptz)
language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
declare
  v_call public.calls;
  v_slot public.slots;
begin
  select * into v_call from public.calls c where c.id = p_call_id;
  if not found or private.is_terminal_call_state(v_call.state) then
    return query select 'call_ended'::text, p_slot_id, null::timestamptz;
    return;
  end if;

  -- Fast path without a lock: once a claim has committed, every other caller sees it here and
  -- is answered at once instead of queueing on the row lock. Reading "taken" can only be wrong
  -- towards refusing a slot that was freed an instant ago, never towards a double hold.
  select * into v_slot from public.slots s where s.id = p_slot_id;
  if found and (v_slot.status in ('booked', 'blocked')
                or (v_slot.status = 'held' and v_slot.held_until > now() and v_slot.held_by_call <> p_call_id)) then
    return query select 'taken'::text, p_slot_id, null::timestamptz;
    return;
  end if;

  perform 1 from public.slots s
   where s.id = p_slot_id or (s.held_by_call = p_call_id and s.status = 'held')
   order by s.id for update;

  select * into v_slot from public.slots s where s.id = p_slot_id;
  if not found or v_slot.clinic_id <> v_call.clinic_id then
    return query select 'not_found'::text, p_slot_id, null::timestamptz;
    return;
  end if;
  if v_slot.starts_at <= now() then
    return query select 'in_past'::text, p_slot_id, null::timestamptz;
    return;
  end if;
  if v_slot.status in ('booked', 'blocked')
     or (v_slot.status = 'held' and v_slot.held_until > now() and v_slot.held_by_call <> p_call_id) then
    return query select 'taken'::text, p_slot_id, null::timestamptz;
    return;
  end if;

  update public.slots s set status = 'open', held_by_call = null, held_until = null
   where s.held_by_call = p_call_id and s.status = 'held' and s.id <> p_slot_id;

  update public.slots s
     set status = 'held', held_by_call = p_call_id, held_until = now() + make_interval(secs => p_hold_seconds)
   where s.id = p_slot_id;

  return query select 'held'::text, p_slot_id, now() + make_interval(secs => p_hold_seconds);
exception
  -- The exclusion constraint: an overlapping slot of the same practitioner is held or booked.
  when exclusion_violation then
    return query select 'taken'::text, p_slot_id, null::timestamptz;
end;
$$;

-- Books the slot this call holds. Compare-and-swap on (held_by_call, valid hold); repeating
-- a successful confirmation returns the same booking.
-- outcome: booked | hold_expired | not_held
create or replace function public.confirm_booking_atomic(
  p_slot_id uuid, p_call_id uuid, p_patient_name text, p_patient_phone text, p_procedure_id uuid
) returns table (outcome text, booking_id uuid)
language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
declare
  v_slot public.slots;
  v_booking uuid;
begin
  select * into v_slot from public.slots s where s.id = p_slot_id for update;
  if not found then
    return query select 'not_held'::text, null::uuid;
    return;
  end if;

  if v_slot.status = 'booked' then
    select b.id into v_booking from public.bookings b
     where b.slot_id = p_slot_id and b.call_id = p_call_id and b.status <> 'cancelled';
    return query select (case when v_booking is null then 'not_held' else 'booked' end)::text, v_booking;
    return;
  end if;

  if v_slot.status <> 'held' or v_slot.held_by_call is distinct from p_call_id then
    return query select 'not_held'::text, null::uuid;
    return;
  end if;

  if v_slot.held_until <= now() then
    update public.slots s set status = 'open', held_by_call = null, held_until = null where s.id = p_slot_id;
    return query select 'hold_expired'::text, null::uuid;
    return;
  end if;

  update public.slots s set status = 'booked', held_by_call = null, held_until = null where s.id = p_slot_id;
  insert into public.bookings (clinic_id, slot_id, call_id, procedure_id, patient_name, patient_phone)
  values (v_slot.clinic_id, p_slot_id, p_call_id,
          (select p.id from public.procedures p where p.id = p_procedure_id and p.clinic_id = v_slot.clinic_id),
          p_patient_name, p_patient_phone)
  returning id into v_booking;
  return query select 'booked'::text, v_booking;
end;
$$;

-- Releases this call's hold on one slot (compare-and-swap). outcome: released | not_held
create or replace function public.release_slot_hold(p_slot_id uuid, p_call_id uuid)
returns text language plpgsql security definer set search_path = '' as $$
begin
  update public.slots s set status = 'open', held_by_call = null, held_until = null
   where s.id = p_slot_id and s.held_by_call = p_call_id and s.status = 'held';
  return case when found then 'released' else 'not_held' end;
end;
$$;

-- Releases every hold of a call that ended. Returns the freed slot ids.
create or replace function public.release_call_holds(p_call_id uuid)
returns uuid[] language plpgsql security definer set search_path = '' as $$
declare
  v_ids uuid[];
begin
  perform 1 from public.slots s where s.held_by_call = p_call_id and s.status = 'held' order by s.id for update;
  with freed as (
    update public.slots s set status = 'open', held_by_call = null, held_until = null
     where s.held_by_call = p_call_id and s.status = 'held'
    returning s.id)
  select coalesce(array_agg(id), '{}') into v_ids from freed;
  return v_ids;
end;
$$;

-- The sweeper: flips holds that outlived held_until back to open. Correctness never depends
-- on it (claims treat expired holds as free); it keeps the board and counts honest.
create or replace function public.expire_slot_holds()
returns integer language plpgsql security definer set search_path = '' as $$
declare
  v_count integer;
begin
  with expired as (
    select s.id from public.slots s
     where s.status = 'held' and s.held_until <= now()
     order by s.id for update skip locked)
  update public.slots s set status = 'open', held_by_call = null, held_until = null
    from expired where s.id = expired.id;
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;

revoke all on function public.claim_slot_atomic(uuid, uuid, integer), public.confirm_booking_atomic(uuid, uuid, text, text, uuid),
  public.release_slot_hold(uuid, uuid), public.release_call_holds(uuid), public.expire_slot_holds()
  from public, anon, authenticated;
grant execute on function public.claim_slot_atomic(uuid, uuid, integer), public.confirm_booking_atomic(uuid, uuid, text, text, uuid),
  public.release_slot_hold(uuid, uuid), public.release_call_holds(uuid), public.expire_slot_holds()
  to service_role;

-- On Supabase with pg_cron enabled (Dashboard → Integrations → Cron), sweep every minute.
-- Plain PostgreSQL and projects without pg_cron rely on the app's sweeper (instrumentation.ts).
do $$
begin
  if exists (select 1 from pg_extension where extname = 'pg_cron') then
    perform cron.schedule('expire-slot-holds', '* * * * *', 'select public.expire_slot_holds()');
  end if;
end
$$;

-- ─── supabase/migrations/20261122000600_follow_ups.sql ─────────────────────────────────────────

-- After the call (architecture decision 7): the hand-off memory passed to the follow-up agent,
-- durable follow-up jobs, SMS sent and received, opt-outs, the patient's aftercare links, and
-- the receptionist's call-back tasks. Written by the service side (webhooks, the follow-up
-- worker); staff read their clinic's rows and mark call-back tasks done.

create table public.handoffs (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  call_id uuid not null unique,
  caller_number text check (caller_number ~ '^\+?[0-9]{3,15}$'),
  caller_name text check (length(caller_name) <= 120),
  procedure_ids uuid[] not null default '{}',
  booked boolean not null default false,
  booking_id uuid,
  released_slot_ids uuid[] not null default '{}',
  questions jsonb not null default '[]'::jsonb check (jsonb_typeof(questions) = 'array'),
  summary text not null default '' check (length(summary) <= 2000),
  consent_to_text boolean not null default true,
  final_state text not null,
  created_at timestamptz not null default now(),
  delivered_at timestamptz,
  -- The follow-up agent's working state: whether the call was cut off mid-booking (it owes a
  -- "we got cut off" text and a call back, see callback_tasks below).
  dropped_during_booking boolean not null default false,
  updated_at timestamptz not null default now(),
  unique (id, clinic_id),
  foreign key (call_id, clinic_id) references public.calls (id, clinic_id) on delete cascade,
  foreign key (booking_id, clinic_id) references public.bookings (id, clinic_id)
);
create trigger handoffs_touch before update on public.handoffs
  for each row execute function private.touch_updated_at();
comment on table public.handoffs is 'The inbound agent''s memory of a call, handed to the follow-up agent. Written in the transaction that ends the call.';
comment on column public.handoffs.id is 'Primary key.';
comment on column public.handoffs.clinic_id is 'The call''s clinic.';
comment on column public.handoffs.call_id is 'The call (one hand-off per call).';
comment on column public.handoffs.caller_number is 'Number to follow up on.';
comment on column public.handoffs.caller_name is 'Name the caller gave, if any.';
comment on column public.handoffs.procedure_ids is 'Procedures of interest (procedures.id).';
comment on column public.handoffs.booked is 'Whether the call ended with a booking.';
comment on column public.handoffs.booking_id is 'The booking, if one was made.';
comment on column public.handoffs.released_slot_ids is 'Slots held and then released during the call.';
comment on column public.handoffs.questions is 'Objections and questions noted, as short redacted strings.';
comment on column public.handoffs.summary is 'Short redacted summary of the call.';
comment on column public.handoffs.consent_to_text is 'Whether the caller may be texted (false if they declined or opted out).';
comment on column public.handoffs.final_state is 'The call''s terminal state.';
comment on column public.handoffs.created_at is 'When the hand-off was written.';
comment on column public.handoffs.delivered_at is 'When the follow-up agent accepted it.';
comment on column public.handoffs.dropped_during_booking is 'The call ended (abandoned or failed) while a slot was held or being confirmed.';
comment on column public.handoffs.updated_at is 'When the memory was last enriched (e.g. by the end-of-call report).';

alter table public.handoffs enable row level security;
create policy "members read" on public.handoffs for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.handoffs from anon, authenticated;

create table public.follow_ups (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  call_id uuid not null,
  handoff_id uuid not null,
  procedure_id uuid,
  kind text not null check (kind in ('aftercare', 'cut_off', 'booking_confirmation')),
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'skipped')),
  to_number text not null check (to_number ~ '^\+?[0-9]{3,15}$'),
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null default now(),
  due_by timestamptz not null,
  locked_at timestamptz,
  last_error text check (length(last_error) <= 500),
  skip_reason text check (length(skip_reason) <= 200),
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, clinic_id),
  -- One follow-up of a kind per call and procedure, however often the hand-off is replayed.
  constraint follow_ups_once unique nulls not distinct (call_id, kind, procedure_id),
  foreign key (call_id, clinic_id) references public.calls (id, clinic_id) on delete cascade,
  foreign key (handoff_id, clinic_id) references public.handoffs (id, clinic_id) on delete cascade,
  foreign key (procedure_id, clinic_id) references public.procedures (id, clinic_id)
    on delete set null (procedure_id)
);
create index follow_ups_due_idx on public.follow_ups (next_attempt_at) where status in ('pending', 'sending');
create index follow_ups_clinic_created_idx on public.follow_ups (clinic_id, created_at desc);
create trigger follow_ups_touch before update on public.follow_ups
  for each row execute function private.touch_updated_at();
comment on table public.follow_ups is 'Durable follow-up jobs, claimed with FOR UPDATE SKIP LOCKED, sent once or visibly failed.';
comment on column public.follow_ups.id is 'Primary key.';
comment on column public.follow_ups.clinic_id is 'The call''s clinic.';
comment on column public.follow_ups.call_id is 'The call that made it owed.';
comment on column public.follow_ups.handoff_id is 'The hand-off it came from.';
comment on column public.follow_ups.procedure_id is 'Procedure whose aftercare is sent (aftercare kind).';
comment on column public.follow_ups.kind is 'aftercare link, cut_off ("we got cut off") or booking_confirmation.';
comment on column public.follow_ups.status is 'pending, sending (claimed), sent, failed (after retries, with last_error) or skipped (with skip_reason).';
comment on column public.follow_ups.to_number is 'Number to text.';
comment on column public.follow_ups.attempts is 'Send attempts so far.';
comment on column public.follow_ups.next_attempt_at is 'Earliest time of the next attempt (backoff).';
comment on column public.follow_ups.due_by is 'Deadline: 5 minutes after the call ended.';
comment on column public.follow_ups.locked_at is 'When a worker claimed it; stale claims are retried.';
comment on column public.follow_ups.last_error is 'Last failure, without personal data.';
comment on column public.follow_ups.skip_reason is 'Why nothing was sent (opted out, no aftercare PDF, ...).';
comment on column public.follow_ups.sent_at is 'When the SMS was handed to the sender.';
comment on column public.follow_ups.created_at is 'When it became owed.';
comment on column public.follow_ups.updated_at is 'When it last changed.';

alter table public.follow_ups enable row level security;
create policy "members read" on public.follow_ups for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.follow_ups from anon, authenticated;

create table public.sms_messages (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  follow_up_id uuid unique,
  direction text not null check (direction in ('outbound', 'inbound')),
  to_number text not null check (to_number ~ '^\+?[0-9]{3,15}$'),
  from_number text not null check (from_number ~ '^\+?[0-9]{3,15}$'),
  body text not null check (length(body) <= 1600),
  provider text not null check (provider in ('twilio', 'outbox')),
  provider_sid text unique check (length(provider_sid) <= 64),
  status text not null default 'queued' check (status in (
    'queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'received',
    'accepted', 'scheduled', 'read', 'canceled')),
  error_code integer,
  error_message text check (length(error_message) <= 500),
  sent_at timestamptz,
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (follow_up_id, clinic_id) references public.follow_ups (id, clinic_id) on delete set null (follow_up_id)
);
create index sms_messages_clinic_created_idx on public.sms_messages (clinic_id, created_at desc);
create trigger sms_messages_touch before update on public.sms_messages
  for each row execute function private.touch_updated_at();
comment on table public.sms_messages is 'SMS sent to and received from patients, with delivery status from Twilio (or the local outbox).';
comment on column public.sms_messages.id is 'Primary key.';
comment on column public.sms_messages.clinic_id is 'Clinic whose number sent or received it.';
comment on column public.sms_messages.follow_up_id is 'The follow-up it fulfils (outbound).';
comment on column public.sms_messages.direction is 'outbound or inbound.';
comment on column public.sms_messages.to_number is 'Recipient.';
comment on column public.sms_messages.from_number is 'Sender.';
comment on column public.sms_messages.body is 'Text as sent; inbound bodies are reduced to the keyword (STOP/START/HELP) or left empty.';
comment on column public.sms_messages.provider is 'twilio in production, outbox in the embedded default.';
comment on column public.sms_messages.provider_sid is 'Twilio MessageSid.';
comment on column public.sms_messages.status is 'Twilio MessageStatus as last reported.';
comment on column public.sms_messages.error_code is 'Twilio ErrorCode, e.g. 21610 (unsubscribed recipient).';
comment on column public.sms_messages.error_message is 'Provider error text, without personal data.';
comment on column public.sms_messages.sent_at is 'When the provider accepted it.';
comment on column public.sms_messages.delivered_at is 'When delivery was reported.';
comment on column public.sms_messages.created_at is 'When it was recorded.';
comment on column public.sms_messages.updated_at is 'When its status last changed.';

alter table public.sms_messages enable row level security;
create policy "members read" on public.sms_messages for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.sms_messages from anon, authenticated;

create table public.sms_opt_outs (
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  phone_number text not null check (phone_number ~ '^\+?[0-9]{3,15}$'),
  source text not null check (source in ('keyword', 'error_21610', 'staff')),
  opted_out_at timestamptz not null default now(),
  primary key (clinic_id, phone_number)
);
comment on table public.sms_opt_outs is 'Numbers that must never be texted by this clinic again (until they reply START).';
comment on column public.sms_opt_outs.clinic_id is 'Clinic the opt-out applies to.';
comment on column public.sms_opt_outs.phone_number is 'The opted-out number.';
comment on column public.sms_opt_outs.source is 'STOP keyword, Twilio error 21610, or staff.';
comment on column public.sms_opt_outs.opted_out_at is 'When it was recorded.';

alter table public.sms_opt_outs enable row level security;
create policy "members read" on public.sms_opt_outs for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.sms_opt_outs from anon, authenticated;

create table public.aftercare_links (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  follow_up_id uuid,
  aftercare_document_id uuid not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  open_count integer not null default 0 check (open_count >= 0),
  first_opened_at timestamptz,
  last_opened_at timestamptz,
  created_at timestamptz not null default now(),
  foreign key (follow_up_id, clinic_id) references public.follow_ups (id, clinic_id) on delete set null (follow_up_id),
  foreign key (aftercare_document_id, clinic_id) references public.aftercare_documents (id, clinic_id) on delete cascade
);
create index aftercare_links_clinic_idx on public.aftercare_links (clinic_id, created_at desc);
comment on table public.aftercare_links is 'Short, unguessable, expiring, revocable /a/<token> links sent to patients. Only the token''s SHA-256 is stored.';
comment on column public.aftercare_links.id is 'Primary key.';
comment on column public.aftercare_links.clinic_id is 'Owning clinic.';
comment on column public.aftercare_links.token_hash is 'SHA-256 (hex) of the token in the URL; the token itself is never stored.';
comment on column public.aftercare_links.follow_up_id is 'The follow-up that sent it.';
comment on column public.aftercare_links.aftercare_document_id is 'The PDF it opens.';
comment on column public.aftercare_links.expires_at is 'After this the link shows a friendly expired page (default 14 days).';
comment on column public.aftercare_links.revoked_at is 'Set when staff revoke the link.';
comment on column public.aftercare_links.open_count is 'How many times it was opened.';
comment on column public.aftercare_links.first_opened_at is 'First open.';
comment on column public.aftercare_links.last_opened_at is 'Latest open.';
comment on column public.aftercare_links.created_at is 'When it was issued.';

alter table public.aftercare_links enable row level security;
create policy "members read" on public.aftercare_links for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.aftercare_links from anon, authenticated;

create table public.callback_tasks (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  call_id uuid not null unique,
  reason text not null check (length(reason) between 1 and 200),
  created_at timestamptz not null default now(),
  done_at timestamptz,
  done_by uuid references auth.users (id) on delete set null,
  foreign key (call_id, clinic_id) references public.calls (id, clinic_id) on delete cascade
);
create index callback_tasks_open_idx on public.callback_tasks (clinic_id, created_at) where done_at is null;
comment on table public.callback_tasks is 'Callers the front desk should ring back, e.g. when a booking call was cut off.';
comment on column public.callback_tasks.id is 'Primary key.';
comment on column public.callback_tasks.clinic_id is 'The call''s clinic.';
comment on column public.callback_tasks.call_id is 'The call to follow up (one task per call).';
comment on column public.callback_tasks.reason is 'Why, e.g. "Cut off while booking".';
comment on column public.callback_tasks.created_at is 'When the task appeared.';
comment on column public.callback_tasks.done_at is 'When staff marked it done.';
comment on column public.callback_tasks.done_by is 'Who marked it done.';

-- Members read their clinic's tasks and mark them done; only done_at and done_by are writable by staff.
alter table public.callback_tasks enable row level security;
create policy "members read" on public.callback_tasks for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "members mark done" on public.callback_tasks for update to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.callback_tasks from anon, authenticated;
grant update (done_at, done_by) on public.callback_tasks to authenticated;

-- ─── supabase/migrations/20261122000700_audit.sql ──────────────────────────────────────────────

-- Who changed what: every staff change to clinic configuration and bookings is recorded by
-- trigger, so no code path can forget it. The triggers on the audited tables (created in the
-- earlier domain migrations) are all here, at the end, so the list of what is audited is in one
-- place.

create table public.audit_log (
  id bigint generated always as identity primary key,
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  actor_id uuid,
  action text not null check (action in ('insert', 'update', 'delete')),
  table_name text not null,
  row_id uuid,
  changes jsonb not null default '{}'::jsonb,
  at timestamptz not null default now()
);
create index audit_log_clinic_at_idx on public.audit_log (clinic_id, at desc);
comment on table public.audit_log is 'Append-only record of staff changes to configuration and bookings.';
comment on column public.audit_log.id is 'Primary key.';
comment on column public.audit_log.clinic_id is 'Clinic the change belongs to.';
comment on column public.audit_log.actor_id is 'Signed-in user who made it (null for the service side).';
comment on column public.audit_log.action is 'insert, update or delete.';
comment on column public.audit_log.table_name is 'Table changed.';
comment on column public.audit_log.row_id is 'Primary key of the changed row.';
comment on column public.audit_log.changes is 'Changed columns with old and new values; personal columns are recorded as changed, not copied.';
comment on column public.audit_log.at is 'When.';

-- Admins read their clinic's trail; only the audit trigger (SECURITY DEFINER) writes it.
alter table public.audit_log enable row level security;
create policy "admins read" on public.audit_log for select to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.audit_log from anon, authenticated;
create trigger audit_log_append_only before update on public.audit_log
  for each row execute function private.forbid_update();

-- tg_argv[0]: the column holding the clinic id; tg_argv[1..]: personal columns whose values
-- are never copied into the audit trail.
create or replace function private.audit_row_change() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_old jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  v_new jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  v_row jsonb := coalesce(v_new, v_old);
  v_changes jsonb := '{}'::jsonb;
  v_key text;
  v_private text[] := coalesce(tg_argv[1:], '{}');
begin
  for v_key in select jsonb_object_keys(v_row) loop
    continue when v_key in ('updated_at', 'created_at', 'search');
    if tg_op = 'UPDATE' and (v_old -> v_key) is not distinct from (v_new -> v_key) then
      continue;
    end if;
    v_changes := v_changes || jsonb_build_object(v_key, case
      when v_key = any (v_private) then '"(changed)"'::jsonb
      else jsonb_build_object('old', v_old -> v_key, 'new', v_new -> v_key) end);
  end loop;
  if tg_op = 'UPDATE' and v_changes = '{}'::jsonb then
    return null;
  end if;
  insert into public.audit_log (clinic_id, actor_id, action, table_name, row_id, changes)
  values ((v_row ->> tg_argv[0])::uuid, (select auth.uid()), lower(tg_op), tg_table_name,
          (v_row ->> 'id')::uuid, v_changes);
  return null;
end;
$$;

create trigger clinics_audit after update on public.clinics
  for each row execute function private.audit_row_change('id');
create trigger practitioners_audit after insert or update or delete on public.practitioners
  for each row execute function private.audit_row_change('clinic_id');
create trigger procedures_audit after insert or update or delete on public.procedures
  for each row execute function private.audit_row_change('clinic_id');
create trigger procedure_knowledge_audit after insert or update or delete on public.procedure_knowledge
  for each row execute function private.audit_row_change('clinic_id');
create trigger aftercare_documents_audit after insert or update or delete on public.aftercare_documents
  for each row execute function private.audit_row_change('clinic_id');
create trigger redaction_rules_audit after insert or update or delete on public.redaction_rules
  for each row execute function private.audit_row_change('clinic_id');
create trigger bookings_audit after update on public.bookings
  for each row execute function private.audit_row_change('clinic_id', 'patient_name', 'patient_phone');

-- ─── supabase/migrations/20261122000800_realtime.sql ───────────────────────────────────────────

-- Live updates (architecture decision 5): every committed change to a call, including its slot
-- hold, is broadcast to the clinic's private topic `clinic:<clinic_id>:calls`, and a call's
-- redacted live transcript lines to `clinic:<clinic_id>:call:<call_id>`. On Supabase,
-- realtime.send writes realtime.messages, which Realtime streams after commit; locally the
-- shim's realtime.send is pg_notify, which is also delivered only on commit. What orders the
-- deltas, calls.revision and its trigger, is with the calls table in ..._calls.sql.

-- The small set of fields the board shows (including who took a transferred call). Never
-- transcript text; the caller's number only as its last four digits. SECURITY INVOKER: called
-- by the broadcast trigger it has the owner's rights; called for a person's snapshot, RLS
-- decides what it can see.
create or replace function private.call_board_payload(p_call_id uuid) returns jsonb
language sql stable security invoker set search_path = '' as $$
  select jsonb_build_object(
    'callId', c.id,
    'revision', c.revision,
    'state', c.state,
    'stateVersion', c.state_version,
    'outcome', c.outcome,
    'callerLast4', right(regexp_replace(coalesce(c.caller_number, ''), '\D', '', 'g'), 4),
    'callerName', c.caller_name,
    'procedures', coalesce((select jsonb_agg(p.name order by p.sort_order) from public.procedures p
                             where p.id = any (c.procedures_of_interest)), '[]'::jsonb),
    'startedAt', coalesce(c.started_at, c.created_at),
    'answeredAt', c.answered_at,
    'endedAt', c.ended_at,
    'lastTurnLatencyMs', c.last_turn_latency_ms,
    'transferredTo', c.transferred_to,
    'heldSlot', (select jsonb_build_object('slotId', s.id, 'startsAt', s.starts_at, 'heldUntil', s.held_until,
                                           'practitioner', pr.name)
                   from public.slots s join public.practitioners pr on pr.id = s.practitioner_id
                  where s.held_by_call = c.id and s.status = 'held'
                  order by s.held_until desc limit 1)
  )
  from public.calls c where c.id = p_call_id;
$$;
revoke all on function private.call_board_payload(uuid) from public;
grant execute on function private.call_board_payload(uuid) to authenticated, service_role;

-- SECURITY DEFINER: on Supabase realtime.send swallows an RLS denial on realtime.messages, so
-- it must run with rights that can insert there, never as the webhook's or a user's role.
create or replace function private.broadcast_call() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform realtime.send(private.call_board_payload(new.id), 'call_status', 'clinic:' || new.clinic_id || ':calls', true);
  return null;
end;
$$;
create trigger calls_broadcast_insert after insert on public.calls
  for each row execute function private.broadcast_call();
create trigger calls_broadcast_update after update on public.calls
  for each row when (old.revision is distinct from new.revision) execute function private.broadcast_call();

-- A hold taken, moved, released or booked touches the holding call's row, which bumps its
-- revision and broadcasts it. The caller already holds that call's row lock: every path locks the
-- call before its slots (the lock order in 20261122000400_calls.sql), so no deadlocks.
-- A hold that simply expired is not re-broadcast: the board's countdown already shows it ended.
create or replace function private.touch_calls_for_slot() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.held_by_call is not null then
    update public.calls set updated_at = now() where id = new.held_by_call;
  end if;
  if old.held_by_call is not null and old.held_by_call is distinct from new.held_by_call and old.held_until > now() then
    update public.calls set updated_at = now() where id = old.held_by_call;
  end if;
  return null;
end;
$$;
create trigger slots_touch_calls after update of status, held_by_call, held_until on public.slots
  for each row when (old.held_by_call is distinct from new.held_by_call or old.held_until is distinct from new.held_until)
  execute function private.touch_calls_for_slot();

-- Realtime Authorization (Supabase private channels): only members of the clinic may join
-- clinic:<id>:calls. Realtime checks this policy when a client joins; the local shim has the
-- same table, so the policy is tested there too.
create policy "clinic staff receive call status" on realtime.messages for select to authenticated
  using (
    realtime.messages.extension = 'broadcast'
    and (select realtime.topic()) like 'clinic:%:calls'
    and split_part((select realtime.topic()), ':', 2) = any ((select private.member_clinic_ids())::text[])
  );

-- Live transcript: a call's final transcript lines, already redacted by the server, are
-- broadcast to staff watching that call on the private topic `clinic:<clinic_id>:call:<call_id>`,
-- event `transcript`. Nothing here stores a line: realtime.send is the whole path.
--
-- The topic is built from the call row, so a line can only ever go to its own clinic's topic.
-- SECURITY DEFINER for the same reason as private.broadcast_call(): on Supabase a denied
-- realtime.send fails silently. Only the service side (the webhook) may call it.
create or replace function private.broadcast_transcript_line(p_call_id uuid, p_role text, p_text text, p_at timestamptz)
returns boolean
language plpgsql security definer set search_path = '' as $$
declare
  v_clinic_id uuid;
begin
  if p_role not in ('user', 'assistant') then
    raise exception 'transcript role must be user or assistant' using errcode = '22023';
  end if;
  select clinic_id into v_clinic_id from public.calls where id = p_call_id;
  if v_clinic_id is null then
    return false;
  end if;
  perform realtime.send(
    jsonb_build_object('callId', p_call_id, 'role', p_role, 'text', p_text, 'at', p_at),
    'transcript',
    'clinic:' || v_clinic_id || ':call:' || p_call_id,
    true
  );
  return true;
end;
$$;
comment on function private.broadcast_transcript_line(uuid, text, text, timestamptz) is
  'Broadcasts one redacted live transcript line to the call''s private topic. Stores nothing.';
revoke all on function private.broadcast_transcript_line(uuid, text, text, timestamptz) from public;
grant execute on function private.broadcast_transcript_line(uuid, text, text, timestamptz) to service_role;

-- Realtime Authorization: members of a clinic may join the per-call topic of that clinic's calls
-- only (the same check as "clinic staff receive call status", plus the call must be theirs as
-- RLS on calls shows it). Tested on the shim's realtime.messages like the calls topic.
create policy "clinic staff receive live transcripts" on realtime.messages for select to authenticated
  using (
    realtime.messages.extension = 'broadcast'
    and (select realtime.topic()) ~ '^clinic:[0-9a-f-]{36}:call:[0-9a-f-]{36}$'
    and split_part((select realtime.topic()), ':', 2) = any ((select private.member_clinic_ids())::text[])
    and exists (
      select 1 from public.calls c
       where c.id::text = split_part((select realtime.topic()), ':', 4)
         and c.clinic_id::text = split_part((select realtime.topic()), ':', 2)
    )
  );

-- ─── supabase/migrations/20261130000100_diary_config.sql ───────────────────────────────────────

-- The diary's configuration: rooms and devices, appointment types (per procedure: kind,
-- duration, buffers, who performs it, what it needs, how it is confirmed), practitioners'
-- weekly hours and date overrides, clinic closures, and the clinic's minimum notice and booking
-- horizon. Availability is computed from these (lib/diary/availability.ts), never
-- pre-generated. Members of the clinic read them; its admins insert, update and delete them;
-- every staff change is audited (triggers at the end of this file). docs/diary.md describes
-- the model.
--
-- Existing clinics keep working: every active practitioner gets the clinic's opening hours
-- (settings.hours) as weekly hours, and every procedure a consultation type of
-- settings.slot_minutes (default 30) that every active practitioner may perform, confirmed by
-- staff as before.

alter table public.clinics
  add column min_notice_minutes integer not null default 60
    check (min_notice_minutes between 0 and 20160),
  add column horizon_days integer not null default 60
    check (horizon_days between 1 and 365);
comment on column public.clinics.min_notice_minutes is 'Shortest notice for a booking: nothing starting sooner than this is offered or booked.';
comment on column public.clinics.horizon_days is 'How far ahead bookings may be made, in days.';

create table public.resources (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 80),
  kind text not null check (kind in ('room', 'device')),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, clinic_id)
);
create unique index resources_clinic_name_idx on public.resources (clinic_id, lower(name));
create trigger resources_touch before update on public.resources
  for each row execute function private.touch_updated_at();
comment on table public.resources is 'Rooms and devices an appointment may need (e.g. "Laser suite", "Theatre 1"); each has its own occupancy.';
comment on column public.resources.id is 'Primary key.';
comment on column public.resources.clinic_id is 'The clinic.';
comment on column public.resources.name is 'Name shown in the diary, unique in the clinic (case-insensitive).';
comment on column public.resources.kind is 'room or device.';
comment on column public.resources.active is 'Inactive resources are not offered; appointments that used them stay.';
comment on column public.resources.created_at is 'When it was added.';
comment on column public.resources.updated_at is 'When it was last changed.';

alter table public.resources enable row level security;
create policy "members read" on public.resources for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.resources for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.resources for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.resources for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

create table public.appointment_types (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  procedure_id uuid not null,
  kind text not null check (kind in ('consultation', 'treatment', 'surgery', 'review')),
  name text not null check (length(btrim(name)) between 1 and 120),
  duration_minutes integer not null check (duration_minutes between 5 and 720),
  buffer_before_minutes integer not null default 0 check (buffer_before_minutes between 0 and 240),
  buffer_after_minutes integer not null default 0 check (buffer_after_minutes between 0 and 240),
  resource_id uuid,
  requires_consultation boolean not null default false,
  confirmation text not null default 'staff' check (confirmation in ('instant', 'staff')),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, clinic_id),
  unique (procedure_id, kind),
  -- A consultation is the first step; only later steps can require one.
  check (not (kind = 'consultation' and requires_consultation)),
  foreign key (procedure_id, clinic_id) references public.procedures (id, clinic_id) on delete cascade,
  foreign key (resource_id, clinic_id) references public.resources (id, clinic_id)
);
create index appointment_types_clinic_idx on public.appointment_types (clinic_id);
create trigger appointment_types_touch before update on public.appointment_types
  for each row execute function private.touch_updated_at();
comment on table public.appointment_types is 'What can be booked for a procedure: its consultation, treatment, surgery or review, each with duration, buffers, practitioners and resource.';
comment on column public.appointment_types.id is 'Primary key.';
comment on column public.appointment_types.clinic_id is 'The clinic.';
comment on column public.appointment_types.procedure_id is 'The procedure this is a step of.';
comment on column public.appointment_types.kind is 'consultation, treatment, surgery or review; one of each per procedure.';
comment on column public.appointment_types.name is 'Name staff and the assistant use, e.g. "Facelift consultation".';
comment on column public.appointment_types.duration_minutes is 'Length of the appointment itself.';
comment on column public.appointment_types.buffer_before_minutes is 'Time the practitioner (and resource) is kept free before it (preparation).';
comment on column public.appointment_types.buffer_after_minutes is 'Time kept free after it (clean-up, notes).';
comment on column public.appointment_types.resource_id is 'Room or device it needs, if any; it must be free too.';
comment on column public.appointment_types.requires_consultation is 'The assistant offers the procedure''s consultation first.';
comment on column public.appointment_types.confirmation is 'instant: the assistant''s bookings are confirmed at once; staff: they wait as pending for staff to confirm.';
comment on column public.appointment_types.active is 'Inactive types are not offered or bookable.';
comment on column public.appointment_types.created_at is 'When it was added.';
comment on column public.appointment_types.updated_at is 'When it was last changed.';

alter table public.appointment_types enable row level security;
create policy "members read" on public.appointment_types for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.appointment_types for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.appointment_types for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.appointment_types for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

create table public.appointment_type_practitioners (
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  appointment_type_id uuid not null,
  practitioner_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (appointment_type_id, practitioner_id),
  foreign key (appointment_type_id, clinic_id) references public.appointment_types (id, clinic_id) on delete cascade,
  foreign key (practitioner_id, clinic_id) references public.practitioners (id, clinic_id) on delete cascade
);
create index appointment_type_practitioners_practitioner_idx on public.appointment_type_practitioners (practitioner_id);
comment on table public.appointment_type_practitioners is 'Who may perform each appointment type.';
comment on column public.appointment_type_practitioners.clinic_id is 'The clinic.';
comment on column public.appointment_type_practitioners.appointment_type_id is 'The appointment type.';
comment on column public.appointment_type_practitioners.practitioner_id is 'A practitioner who performs it.';
comment on column public.appointment_type_practitioners.created_at is 'When they were added.';

alter table public.appointment_type_practitioners enable row level security;
create policy "members read" on public.appointment_type_practitioners for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.appointment_type_practitioners for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.appointment_type_practitioners for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

-- Weekly hours: several intervals a day (09:00–13:00, 14:00–18:00), clinic-local wall-clock
-- times, ISO weekdays (1 = Monday … 7 = Sunday). Intervals of one practitioner on one weekday
-- never overlap.
create table public.working_hours (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  practitioner_id uuid not null,
  weekday smallint not null check (weekday between 1 and 7),
  opens time not null,
  closes time not null,
  created_at timestamptz not null default now(),
  check (closes > opens),
  foreign key (practitioner_id, clinic_id) references public.practitioners (id, clinic_id) on delete cascade,
  constraint working_hours_no_overlap exclude using gist (
    practitioner_id with =, weekday with =,
    tsrange(date '2000-01-03' + opens, date '2000-01-03' + closes) with &&
  )
);
create index working_hours_clinic_idx on public.working_hours (clinic_id);
comment on table public.working_hours is 'A practitioner''s weekly working intervals, in the clinic''s time zone.';
comment on column public.working_hours.id is 'Primary key.';
comment on column public.working_hours.clinic_id is 'The clinic.';
comment on column public.working_hours.practitioner_id is 'Whose hours.';
comment on column public.working_hours.weekday is 'ISO weekday: 1 Monday … 7 Sunday.';
comment on column public.working_hours.opens is 'Start of the interval (clinic-local wall clock).';
comment on column public.working_hours.closes is 'End of the interval (after opens; intervals do not cross midnight).';
comment on column public.working_hours.created_at is 'When it was added.';

alter table public.working_hours enable row level security;
create policy "members read" on public.working_hours for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.working_hours for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.working_hours for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.working_hours for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

-- Date overrides: 'off' removes time (the whole day when opens/closes are null), 'extra' adds
-- an interval on that date. Both are clinic-local.
create table public.schedule_overrides (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  practitioner_id uuid not null,
  on_date date not null,
  kind text not null check (kind in ('off', 'extra')),
  opens time,
  closes time,
  reason text not null default '' check (length(reason) <= 200),
  created_at timestamptz not null default now(),
  check ((opens is null) = (closes is null)),
  check (closes is null or closes > opens),
  check (kind = 'off' or opens is not null),
  foreign key (practitioner_id, clinic_id) references public.practitioners (id, clinic_id) on delete cascade
);
create index schedule_overrides_practitioner_date_idx on public.schedule_overrides (practitioner_id, on_date);
create index schedule_overrides_clinic_date_idx on public.schedule_overrides (clinic_id, on_date);
comment on table public.schedule_overrides is 'One-off changes to a practitioner''s hours: time off (whole or part day) or extra hours.';
comment on column public.schedule_overrides.id is 'Primary key.';
comment on column public.schedule_overrides.clinic_id is 'The clinic.';
comment on column public.schedule_overrides.practitioner_id is 'Whose hours change.';
comment on column public.schedule_overrides.on_date is 'The clinic-local date.';
comment on column public.schedule_overrides.kind is 'off (not working; all day when no times) or extra (working).';
comment on column public.schedule_overrides.opens is 'Start of the interval, or null for the whole day (off only).';
comment on column public.schedule_overrides.closes is 'End of the interval, or null for the whole day.';
comment on column public.schedule_overrides.reason is 'Shown to staff, e.g. "Annual leave".';
comment on column public.schedule_overrides.created_at is 'When it was added.';

alter table public.schedule_overrides enable row level security;
create policy "members read" on public.schedule_overrides for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.schedule_overrides for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.schedule_overrides for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.schedule_overrides for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

-- Clinic closures: whole clinic-local days (inclusive) when nothing is offered or booked.
create table public.clinic_closures (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  starts_on date not null,
  ends_on date not null,
  reason text not null default '' check (length(reason) <= 200),
  created_at timestamptz not null default now(),
  check (ends_on >= starts_on)
);
create index clinic_closures_clinic_idx on public.clinic_closures (clinic_id, starts_on);
comment on table public.clinic_closures is 'Days the whole clinic is closed (bank holidays, the Christmas week).';
comment on column public.clinic_closures.id is 'Primary key.';
comment on column public.clinic_closures.clinic_id is 'The clinic.';
comment on column public.clinic_closures.starts_on is 'First closed day (clinic-local).';
comment on column public.clinic_closures.ends_on is 'Last closed day (inclusive).';
comment on column public.clinic_closures.reason is 'Shown to staff and said by the assistant, e.g. "Christmas".';
comment on column public.clinic_closures.created_at is 'When it was added.';

alter table public.clinic_closures enable row level security;
create policy "members read" on public.clinic_closures for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.clinic_closures for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.clinic_closures for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.clinic_closures for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

-- Today's clinics keep their diary: weekly hours from the clinic's opening hours for every
-- active practitioner, and a staff-confirmed consultation of the clinic's slot length for every
-- procedure, performed by any active practitioner (what the fixed grid offered before).
insert into public.working_hours (clinic_id, practitioner_id, weekday, opens, closes)
select c.id, p.id, d.weekday, (c.settings -> 'hours' -> d.key ->> 0)::time, (c.settings -> 'hours' -> d.key ->> 1)::time
from public.clinics c
join public.practitioners p on p.clinic_id = c.id and p.active
cross join (values (1, 'mon'), (2, 'tue'), (3, 'wed'), (4, 'thu'), (5, 'fri'), (6, 'sat'), (7, 'sun')) as d (weekday, key)
where jsonb_typeof(c.settings -> 'hours' -> d.key) = 'array'
  and (c.settings -> 'hours' -> d.key ->> 1)::time > (c.settings -> 'hours' -> d.key ->> 0)::time;

insert into public.appointment_types (clinic_id, procedure_id, kind, name, duration_minutes)
select pr.clinic_id, pr.id, 'consultation', pr.name || ' consultation',
       coalesce((c.settings ->> 'slot_minutes')::integer, 30)
from public.procedures pr
join public.clinics c on c.id = pr.clinic_id;

insert into public.appointment_type_practitioners (clinic_id, appointment_type_id, practitioner_id)
select t.clinic_id, t.id, p.id
from public.appointment_types t
join public.practitioners p on p.clinic_id = t.clinic_id and p.active;

create trigger resources_audit after insert or update or delete on public.resources
  for each row execute function private.audit_row_change('clinic_id');
create trigger appointment_types_audit after insert or update or delete on public.appointment_types
  for each row execute function private.audit_row_change('clinic_id');
create trigger appointment_type_practitioners_audit after insert or delete on public.appointment_type_practitioners
  for each row execute function private.audit_row_change('clinic_id');
create trigger working_hours_audit after insert or update or delete on public.working_hours
  for each row execute function private.audit_row_change('clinic_id');
create trigger schedule_overrides_audit after insert or update or delete on public.schedule_overrides
  for each row execute function private.audit_row_change('clinic_id');
create trigger clinic_closures_audit after insert or update or delete on public.clinic_closures
  for each row execute function private.audit_row_change('clinic_id');

-- ─── supabase/migrations/20261130000200_diary_bookings.sql ─────────────────────────────────────

-- The diary's occupancy: everything that takes a practitioner's (or a room's) time is a row in
-- `reservations` (live-call holds, appointments, staff blocks), guarded by exclusion
-- constraints per practitioner and per resource over its occupied range (buffers included).
-- `slot_offers` records what check_availability offered a call: the assistant can only hold
-- and book an offer made to its own call, never an arbitrary time. `bookings` stays the
-- appointment record and gains its practitioner, resource, type, time, source and lifecycle
-- (pending → confirmed → arrived → completed, or cancelled / no_show). The fixed grid
-- (`slots`, `generate_slots`) is migrated and dropped. docs/diary.md describes the model.
--
-- Lock order, everywhere (no deadlocks): the call's row (callers lock it first, see
-- lib/db/locks.ts), then the practitioner row, then the resource row (`SELECT … FOR UPDATE`,
-- private.lock_diary), then a booking's row before its reservation's. Every write that takes a
-- reservation row lock has taken its diary locks before, so no one waits for a diary lock while
-- holding a reservation row. The sweeper only locks expired holds (SKIP LOCKED) and touches no
-- call; releases delete the call's own holds, whose call row they already hold.
--
-- Data: each booked slot becomes an appointment reservation (its live booking gets the slot's
-- practitioner and time, and the procedure's consultation type when there is one), each
-- blocked slot (or booked slot without a live booking) a staff block. Live holds (90 seconds
-- at most) are dropped: a caller holding one when the migration runs is told the time is no
-- longer held when they confirm, and is offered others.

-- What check_availability offered a call. The id is the opaque slotId the assistant passes to
-- hold_slot / confirm_booking / release_slot.
create table public.slot_offers (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  call_id uuid not null,
  appointment_type_id uuid not null,
  procedure_id uuid,
  practitioner_id uuid not null,
  resource_id uuid,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  occupied tstzrange not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '15 minutes',
  unique (id, clinic_id),
  check (ends_at > starts_at),
  check (occupied @> tstzrange(starts_at, ends_at)),
  foreign key (call_id, clinic_id) references public.calls (id, clinic_id) on delete cascade,
  foreign key (appointment_type_id, clinic_id) references public.appointment_types (id, clinic_id) on delete cascade,
  foreign key (practitioner_id, clinic_id) references public.practitioners (id, clinic_id) on delete cascade,
  foreign key (resource_id, clinic_id) references public.resources (id, clinic_id) on delete cascade,
  foreign key (procedure_id, clinic_id) references public.procedures (id, clinic_id) on delete set null (procedure_id)
);
create index slot_offers_call_idx on public.slot_offers (call_id);
create index slot_offers_expires_idx on public.slot_offers (expires_at);
comment on table public.slot_offers is 'Times check_availability offered a call; only these can be held and booked by that call, until they expire.';
comment on column public.slot_offers.id is 'Primary key; the opaque slotId the assistant passes to hold_slot, confirm_booking and release_slot.';
comment on column public.slot_offers.clinic_id is 'The clinic.';
comment on column public.slot_offers.call_id is 'The call it was offered to; no other call can claim it.';
comment on column public.slot_offers.appointment_type_id is 'What would be booked.';
comment on column public.slot_offers.procedure_id is 'The procedure the type belongs to.';
comment on column public.slot_offers.practitioner_id is 'Who would see the patient.';
comment on column public.slot_offers.resource_id is 'The room or device it needs, if any.';
comment on column public.slot_offers.starts_at is 'Start of the appointment.';
comment on column public.slot_offers.ends_at is 'End of the appointment (start + duration).';
comment on column public.slot_offers.occupied is 'What a hold or booking of it occupies: the appointment with its buffers.';
comment on column public.slot_offers.created_at is 'When it was offered.';
comment on column public.slot_offers.expires_at is 'After this it can no longer be held (15 minutes after the offer).';

alter table public.slot_offers enable row level security;
create policy "members read" on public.slot_offers for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.slot_offers from anon, authenticated;

-- The appointment record gains what the diary needs. Data first, constraints after.
alter table public.bookings
  add column practitioner_id uuid,
  add column resource_id uuid,
  add column appointment_type_id uuid,
  add column starts_at timestamptz,
  add column ends_at timestamptz,
  add column source text not null default 'assistant' check (source in ('assistant', 'staff')),
  add column notes text not null default '' check (length(notes) <= 2000),
  add column created_by uuid references auth.users (id) on delete set null,
  add column offer_id uuid references public.slot_offers (id) on delete set null,
  add column arrived_at timestamptz,
  add column completed_at timestamptz,
  add column no_show_at timestamptz;

update public.bookings b
   set practitioner_id = s.practitioner_id, starts_at = s.starts_at, ends_at = s.ends_at,
       appointment_type_id = (select t.id from public.appointment_types t
                               where t.procedure_id = b.procedure_id and t.kind = 'consultation')
  from public.slots s
 where s.id = b.slot_id;

alter table public.bookings
  alter column practitioner_id set not null,
  alter column starts_at set not null,
  alter column ends_at set not null,
  add constraint bookings_time_check check (ends_at > starts_at),
  add constraint bookings_practitioner_fk foreign key (practitioner_id, clinic_id)
    references public.practitioners (id, clinic_id),
  add constraint bookings_resource_fk foreign key (resource_id, clinic_id)
    references public.resources (id, clinic_id),
  add constraint bookings_appointment_type_fk foreign key (appointment_type_id, clinic_id)
    references public.appointment_types (id, clinic_id) on delete set null (appointment_type_id),
  drop constraint bookings_status_check,
  add constraint bookings_status_check
    check (status in ('pending', 'confirmed', 'arrived', 'completed', 'cancelled', 'no_show'));
create index bookings_clinic_starts_idx on public.bookings (clinic_id, starts_at);
-- At most one live appointment per offer, whatever the code above it does.
create unique index bookings_one_live_per_offer on public.bookings (offer_id)
  where offer_id is not null and status not in ('cancelled', 'no_show');

comment on table public.bookings is 'Appointments ("appointment" in the UI and docs): booked by the assistant on a call or by staff in the diary; their time is held in reservations.';
comment on column public.bookings.practitioner_id is 'Who sees the patient.';
comment on column public.bookings.resource_id is 'The room or device it uses, if any.';
comment on column public.bookings.appointment_type_id is 'What was booked (null for appointments migrated without a type).';
comment on column public.bookings.starts_at is 'Start (UTC; shown in the clinic''s time zone).';
comment on column public.bookings.ends_at is 'End (start + duration; buffers are in the reservation).';
comment on column public.bookings.source is 'assistant (on a call) or staff (in the diary).';
comment on column public.bookings.notes is 'Staff notes; never copied into the audit trail.';
comment on column public.bookings.created_by is 'Staff member who booked it (staff bookings).';
comment on column public.bookings.offer_id is 'The offer the assistant booked (makes confirm_booking idempotent).';
comment on column public.bookings.arrived_at is 'When the patient was marked arrived.';
comment on column public.bookings.completed_at is 'When it was marked completed.';
comment on column public.bookings.no_show_at is 'When it was marked as a no-show.';
comment on column public.bookings.status is 'pending (awaiting staff), confirmed, arrived, completed, cancelled (with a reason) or no_show.';

-- Everything that takes time. Holds are data (held_until), never an open transaction; an
-- expired hold is removed under lock by the next claim or staff write over its range, and by
-- the sweeper. Cancelled and no-show appointments release their reservation.
create table public.reservations (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  kind text not null check (kind in ('hold', 'appointment', 'block')),
  practitioner_id uuid,
  resource_id uuid,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  occupied tstzrange not null,
  call_id uuid,
  held_until timestamptz,
  offer_id uuid references public.slot_offers (id) on delete set null,
  booking_id uuid unique,
  reason text check (length(reason) <= 200),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, clinic_id),
  check (ends_at > starts_at),
  check (not isempty(occupied) and occupied @> tstzrange(starts_at, ends_at)),
  -- Only a block may take a resource without a practitioner.
  check (practitioner_id is not null or (kind = 'block' and resource_id is not null)),
  check (case kind
           when 'hold' then call_id is not null and held_until is not null and offer_id is not null and booking_id is null and reason is null
           when 'appointment' then booking_id is not null and held_until is null and reason is null
           else call_id is null and held_until is null and booking_id is null and reason is not null end),
  foreign key (practitioner_id, clinic_id) references public.practitioners (id, clinic_id) on delete cascade,
  foreign key (resource_id, clinic_id) references public.resources (id, clinic_id) on delete cascade,
  foreign key (call_id, clinic_id) references public.calls (id, clinic_id) on delete cascade,
  foreign key (booking_id, clinic_id) references public.bookings (id, clinic_id) on delete cascade,
  -- The backstop under every write: a practitioner, or a room or device, is never taken twice.
  constraint reservations_practitioner_no_overlap exclude using gist (
    practitioner_id with =, occupied with &&
  ) where (practitioner_id is not null),
  constraint reservations_resource_no_overlap exclude using gist (
    resource_id with =, occupied with &&
  ) where (resource_id is not null)
);
create index reservations_clinic_occupied_idx on public.reservations using gist (clinic_id, occupied);
create index reservations_call_idx on public.reservations (call_id) where kind = 'hold';
create index reservations_held_until_idx on public.reservations (held_until) where kind = 'hold';
create index reservations_offer_idx on public.reservations (offer_id) where offer_id is not null;
create trigger reservations_touch before update on public.reservations
  for each row execute function private.touch_updated_at();
comment on table public.reservations is 'Everything that takes a practitioner''s or resource''s time: holds on live calls, appointments, staff blocks. Exclusion constraints forbid overlaps.';
comment on column public.reservations.id is 'Primary key.';
comment on column public.reservations.clinic_id is 'The clinic.';
comment on column public.reservations.kind is 'hold (a live call, until held_until), appointment (a booking) or block (staff).';
comment on column public.reservations.practitioner_id is 'Whose time; null only for a block of a resource alone.';
comment on column public.reservations.resource_id is 'The room or device it takes, if any.';
comment on column public.reservations.starts_at is 'Start of the thing itself.';
comment on column public.reservations.ends_at is 'End of the thing itself.';
comment on column public.reservations.occupied is 'The time it takes, buffers included; what the exclusion constraints compare.';
comment on column public.reservations.call_id is 'The holding call (holds), or the call that booked it (appointments).';
comment on column public.reservations.held_until is 'Hold expiry (90 s after the claim); an expired hold counts as free.';
comment on column public.reservations.offer_id is 'The offer held or booked (assistant holds and appointments).';
comment on column public.reservations.booking_id is 'The appointment record (appointments).';
comment on column public.reservations.reason is 'Why the time is blocked (blocks), shown to staff.';
comment on column public.reservations.created_by is 'Staff member who made it (staff bookings and blocks).';
comment on column public.reservations.created_at is 'When it was made.';
comment on column public.reservations.updated_at is 'When it last changed.';

alter table public.reservations enable row level security;
create policy "members read" on public.reservations for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.reservations from anon, authenticated;

-- Today's data. Appointments first (one per booked slot with its live booking), then blocks;
-- a block overlapping something already migrated is skipped (its time is taken anyway).
insert into public.reservations (clinic_id, kind, practitioner_id, starts_at, ends_at, occupied, call_id, booking_id)
select s.clinic_id, 'appointment', s.practitioner_id, s.starts_at, s.ends_at, tstzrange(s.starts_at, s.ends_at), b.call_id, b.id
  from public.slots s
  join public.bookings b on b.slot_id = s.id and b.status <> 'cancelled'
 where s.status = 'booked'
on conflict do nothing;

insert into public.reservations (clinic_id, kind, practitioner_id, starts_at, ends_at, occupied, reason)
select s.clinic_id, 'block', s.practitioner_id, s.starts_at, s.ends_at, tstzrange(s.starts_at, s.ends_at),
       case s.status when 'blocked' then 'Blocked' else 'Booked (no appointment record)' end
  from public.slots s
 where s.status = 'blocked'
    or (s.status = 'booked' and not exists (select 1 from public.reservations r where r.booking_id in (
          select b.id from public.bookings b where b.slot_id = s.id)))
 order by s.starts_at
on conflict do nothing;

drop index public.bookings_one_live_per_slot;
alter table public.bookings drop column slot_id;
drop function public.generate_slots(uuid, integer);
drop function private.touch_calls_for_slot() cascade;
drop table public.slots cascade;

-- Staff changes to an appointment's status: allowed transitions only, stamped with who (the
-- audit trail's actor) and when; a cancellation needs a reason; cancelled and no-show free the
-- time in the same transaction. Audited without copying the patient's name, phone or notes.
create or replace function private.on_booking_status_change() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.status = old.status then
    return new;
  end if;
  if not ((old.status = 'pending' and new.status in ('confirmed', 'cancelled', 'no_show'))
          or (old.status = 'confirmed' and new.status in ('arrived', 'cancelled', 'no_show'))
          or (old.status = 'arrived' and new.status = 'completed')) then
    raise exception 'a % booking cannot become %', old.status, new.status using errcode = '22023';
  end if;
  case new.status
    when 'confirmed' then
      new.confirmed_by := (select auth.uid());
      new.confirmed_at := now();
    when 'arrived' then
      new.arrived_at := now();
    when 'completed' then
      new.completed_at := now();
    when 'no_show' then
      new.no_show_at := now();
    else -- cancelled
      if length(btrim(coalesce(new.cancel_reason, ''))) = 0 then
        raise exception 'a cancellation needs a reason' using errcode = '22023';
      end if;
      new.cancelled_by := (select auth.uid());
      new.cancelled_at := now();
  end case;
  if new.status in ('cancelled', 'no_show') then
    delete from public.reservations r where r.booking_id = new.id;
  end if;
  return new;
end;
$$;

drop trigger bookings_audit on public.bookings;
create trigger bookings_audit after update on public.bookings
  for each row execute function private.audit_row_change('clinic_id', 'patient_name', 'patient_phone', 'notes');
create trigger bookings_audit_staff_insert after insert on public.bookings
  for each row when (new.source = 'staff')
  execute function private.audit_row_change('clinic_id', 'patient_name', 'patient_phone', 'notes');
create trigger reservations_audit_block_insert after insert on public.reservations
  for each row when (new.kind = 'block') execute function private.audit_row_change('clinic_id');
create trigger reservations_audit_block_change after update or delete on public.reservations
  for each row when (old.kind = 'block') execute function private.audit_row_change('clinic_id');

-- Is this practitioner (or resource) taken over p_range by something other than p_ignore,
-- counting live holds only? Returns the first conflict, soonest first.
create or replace function private.reservation_conflict(
  p_practitioner_id uuid, p_resource_id uuid, p_range tstzrange, p_ignore_id uuid, p_ignore_call uuid
) returns table (id uuid, kind text, starts_at timestamptz, on_practitioner boolean)
language sql stable set search_path = '' as $$
  select r.id, r.kind, r.starts_at, (r.practitioner_id is not distinct from p_practitioner_id and p_practitioner_id is not null)
    from public.reservations r
   where r.occupied && p_range
     and ((p_practitioner_id is not null and r.practitioner_id = p_practitioner_id)
          or (p_resource_id is not null and r.resource_id = p_resource_id))
     and (r.kind <> 'hold' or r.held_until > now())
     and (p_ignore_id is null or r.id <> p_ignore_id)
     and (p_ignore_call is null or r.kind <> 'hold' or r.call_id <> p_ignore_call)
   order by r.starts_at
   limit 1;
$$;

-- Locks a practitioner and a resource (either may be null) in the documented order, and
-- removes expired holds overlapping p_range on either, so the insert that follows meets no
-- stale row in the exclusion constraints.
create or replace function private.lock_diary(p_practitioner_id uuid, p_resource_id uuid, p_range tstzrange)
returns void language plpgsql set search_path = '' as $$
begin
  -- FOR NO KEY UPDATE: the row-exclusive member of the FOR UPDATE family that does not block
  -- foreign-key checks (FOR KEY SHARE), so offers, hours and bookings referencing the
  -- practitioner are not queued behind a claim; claims and staff writes still serialise here.
  if p_practitioner_id is not null then
    perform 1 from public.practitioners p where p.id = p_practitioner_id for no key update;
  end if;
  if p_resource_id is not null then
    perform 1 from public.resources r where r.id = p_resource_id for no key update;
  end if;
  delete from public.reservations r
   where r.kind = 'hold' and r.held_until <= now() and r.occupied && p_range
     and ((p_practitioner_id is not null and r.practitioner_id = p_practitioner_id)
          or (p_resource_id is not null and r.resource_id = p_resource_id));
end;
$$;
revoke all on function private.lock_diary(uuid, uuid, tstzrange), private.reservation_conflict(uuid, uuid, tstzrange, uuid, uuid) from public;

-- Claims the offer p_slot_id for p_call_id for p_hold_seconds. Only an unexpired offer made to
-- this call, in its clinic, can be claimed. A call holds at most one time: a new hold releases
-- its previous one. An expired hold counts as free.
-- outcome: held | taken | not_found | in_past | call_ended
drop function public.claim_slot_atomic(uuid, uuid, integer);
create function public.claim_slot_atomic(p_slot_id uuid, p_call_id uuid, p_hold_seconds integer default 90)
returns table (outcome text, slot_id uuid, held_until timestamptz)
language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
declare
  v_call public.calls;
  v_offer public.slot_offers;
  v_until timestamptz;
begin
  select * into v_call from public.calls c where c.id = p_call_id;
  if not found or private.is_terminal_call_state(v_call.state) then
    return query select 'call_ended'::text, p_slot_id, null::timestamptz;
    return;
  end if;

  select * into v_offer from public.slot_offers o where o.id = p_slot_id;
  if not found or v_offer.clinic_id <> v_call.clinic_id or v_offer.call_id <> p_call_id
     or v_offer.expires_at <= now() then
    return query select 'not_found'::text, p_slot_id, null::timestamptz;
    return;
  end if;
  if v_offer.starts_at <= now() then
    return query select 'in_past'::text, p_slot_id, null::timestamptz;
    return;
  end if;

  -- Fast path without a lock: once a claim over this range has committed, every other caller
  -- sees it here and is answered at once instead of queueing on the practitioner's lock.
  -- Reading "taken" can only be wrong towards refusing a time freed an instant ago, never
  -- towards a double hold.
  if exists (select 1 from private.reservation_conflict(v_offer.practitioner_id, v_offer.resource_id,
                                                        v_offer.occupied, null, p_call_id)) then
    return query select 'taken'::text, p_slot_id, null::timestamptz;
    return;
  end if;

  perform private.lock_diary(v_offer.practitioner_id, v_offer.resource_id, v_offer.occupied);
  if exists (select 1 from private.reservation_conflict(v_offer.practitioner_id, v_offer.resource_id,
                                                        v_offer.occupied, null, p_call_id)) then
    return query select 'taken'::text, p_slot_id, null::timestamptz;
    return;
  end if;

  delete from public.reservations r where r.kind = 'hold' and r.call_id = p_call_id;
  v_until := now() + make_interval(secs => p_hold_seconds);
  insert into public.reservations (clinic_id, kind, practitioner_id, resource_id, starts_at, ends_at, occupied,
                                   call_id, held_until, offer_id)
  values (v_offer.clinic_id, 'hold', v_offer.practitioner_id, v_offer.resource_id, v_offer.starts_at,
          v_offer.ends_at, v_offer.occupied, p_call_id, v_until, v_offer.id);
  return query select 'held'::text, p_slot_id, v_until;
exception
  -- The exclusion constraints: something overlapping was held, booked or blocked.
  when exclusion_violation then
    return query select 'taken'::text, p_slot_id, null::timestamptz;
end;
$$;

-- Books the offer this call holds. Compare-and-swap on (this call's hold, still valid); the
-- hold becomes the appointment's reservation in place. Repeating a successful confirmation
-- returns the same booking. The booking is confirmed at once when the type says
-- confirmation = 'instant', else pending for staff.
-- outcome: booked | hold_expired | not_held
create or replace function public.confirm_booking_atomic(
  p_slot_id uuid, p_call_id uuid, p_patient_name text, p_patient_phone text, p_procedure_id uuid
) returns table (outcome text, booking_id uuid)
language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
declare
  v_hold public.reservations;
  v_offer public.slot_offers;
  v_booking uuid;
  v_confirmation text;
begin
  select b.id into v_booking from public.bookings b
   where b.offer_id = p_slot_id and b.call_id = p_call_id and b.status not in ('cancelled', 'no_show');
  if found then
    return query select 'booked'::text, v_booking;
    return;
  end if;

  select * into v_hold from public.reservations r
   where r.kind = 'hold' and r.offer_id = p_slot_id and r.call_id = p_call_id;
  if not found then
    return query select 'not_held'::text, null::uuid;
    return;
  end if;
  perform private.lock_diary(v_hold.practitioner_id, v_hold.resource_id, 'empty'::tstzrange);
  select * into v_hold from public.reservations r
   where r.id = v_hold.id and r.kind = 'hold' and r.call_id = p_call_id for update;
  if not found then
    return query select 'not_held'::text, null::uuid;
    return;
  end if;
  if v_hold.held_until <= now() then
    delete from public.reservations r where r.id = v_hold.id;
    return query select 'hold_expired'::text, null::uuid;
    return;
  end if;

  select * into v_offer from public.slot_offers o where o.id = p_slot_id;
  select t.confirmation into v_confirmation from public.appointment_types t where t.id = v_offer.appointment_type_id;
  insert into public.bookings (clinic_id, call_id, procedure_id, patient_name, patient_phone, status, confirmed_at,
                               practitioner_id, resource_id, appointment_type_id, starts_at, ends_at, source, offer_id)
  values (v_hold.clinic_id, p_call_id,
          coalesce(v_offer.procedure_id,
                   (select p.id from public.procedures p where p.id = p_procedure_id and p.clinic_id = v_hold.clinic_id)),
          p_patient_name, p_patient_phone,
          case when v_confirmation = 'instant' then 'confirmed' else 'pending' end,
          case when v_confirmation = 'instant' then now() end,
          v_hold.practitioner_id, v_hold.resource_id, v_offer.appointment_type_id, v_hold.starts_at, v_hold.ends_at,
          'assistant', p_slot_id)
  returning id into v_booking;
  update public.reservations r set kind = 'appointment', held_until = null, booking_id = v_booking
   where r.id = v_hold.id;
  return query select 'booked'::text, v_booking;
end;
$$;

-- Releases this call's hold on one offer (compare-and-swap). outcome: released | not_held
create or replace function public.release_slot_hold(p_slot_id uuid, p_call_id uuid)
returns text language plpgsql security definer set search_path = '' as $$
begin
  delete from public.reservations r where r.kind = 'hold' and r.offer_id = p_slot_id and r.call_id = p_call_id;
  return case when found then 'released' else 'not_held' end;
end;
$$;

-- Releases every hold of a call that ended. Returns the freed offer ids (the slotIds).
create or replace function public.release_call_holds(p_call_id uuid)
returns uuid[] language plpgsql security definer set search_path = '' as $$
declare
  v_ids uuid[];
begin
  with freed as (
    delete from public.reservations r where r.kind = 'hold' and r.call_id = p_call_id
    returning r.offer_id)
  select coalesce(array_agg(offer_id), '{}') into v_ids from freed;
  return v_ids;
end;
$$;

-- The sweeper: removes holds that outlived held_until (and offers long expired that nothing
-- refers to). Correctness never depends on it (claims and staff writes remove expired holds
-- over their range under lock); it keeps the diary and the board honest. Returns the holds removed.
create or replace function public.expire_slot_holds()
returns integer language plpgsql security definer set search_path = '' as $$
declare
  v_count integer;
begin
  with expired as (
    select r.id from public.reservations r
     where r.kind = 'hold' and r.held_until <= now()
     order by r.id for update skip locked)
  delete from public.reservations r using expired where r.id = expired.id;
  get diagnostics v_count = row_count;
  delete from public.slot_offers o
   where o.id in (select o2.id from public.slot_offers o2
                   where o2.expires_at < now() - interval '1 hour'
                     and not exists (select 1 from public.reservations r where r.offer_id = o2.id)
                     and not exists (select 1 from public.bookings b where b.offer_id = o2.id)
                   limit 5000 for update skip locked);
  return v_count;
end;
$$;

revoke all on function public.claim_slot_atomic(uuid, uuid, integer), public.confirm_booking_atomic(uuid, uuid, text, text, uuid),
  public.release_slot_hold(uuid, uuid), public.release_call_holds(uuid), public.expire_slot_holds()
  from public, anon, authenticated;
grant execute on function public.claim_slot_atomic(uuid, uuid, integer), public.confirm_booking_atomic(uuid, uuid, text, text, uuid),
  public.release_slot_hold(uuid, uuid), public.release_call_holds(uuid), public.expire_slot_holds()
  to service_role;

-- Staff writes (the diary). SECURITY DEFINER, each checks the caller is a member of the clinic;
-- working hours, closures, notice and horizon are checked by the service before (lib/diary),
-- overlaps here under the same locks as claims, with the exclusion constraints as the backstop.
-- Each returns an outcome the service turns into a sentence, and for a conflict what it met.
--   outcome: ok | forbidden | not_found | in_past | not_allowed | conflict

create or replace function private.require_member(p_clinic_id uuid) returns boolean
language sql stable set search_path = '' as $$
  select p_clinic_id = any ((select private.member_clinic_ids())::uuid[]);
$$;

-- Books an appointment of p_type_id with p_practitioner_id at p_starts_at; confirmed at once.
create or replace function public.diary_book(
  p_clinic_id uuid, p_type_id uuid, p_practitioner_id uuid, p_starts_at timestamptz,
  p_patient_name text, p_patient_phone text, p_notes text
) returns table (outcome text, id uuid, conflict_kind text, conflict_starts_at timestamptz, conflict_on text)
language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
declare
  v_type public.appointment_types;
  v_ends timestamptz;
  v_range tstzrange;
  v_conflict record;
  v_booking uuid;
begin
  if not private.require_member(p_clinic_id) then
    return query select 'forbidden'::text, null::uuid, null::text, null::timestamptz, null::text;
    return;
  end if;
  select * into v_type from public.appointment_types t where t.id = p_type_id and t.clinic_id = p_clinic_id and t.active;
  if not found or not exists (select 1 from public.practitioners p where p.id = p_practitioner_id and p.clinic_id = p_clinic_id and p.active) then
    return query select 'not_found'::text, null::uuid, null::text, null::timestamptz, null::text;
    return;
  end if;
  if p_starts_at <= now() then
    return query select 'in_past'::text, null::uuid, null::text, null::timestamptz, null::text;
    return;
  end if;
  v_ends := p_starts_at + make_interval(mins => v_type.duration_minutes);
  v_range := tstzrange(p_starts_at - make_interval(mins => v_type.buffer_before_minutes),
                       v_ends + make_interval(mins => v_type.buffer_after_minutes));
  perform private.lock_diary(p_practitioner_id, v_type.resource_id, v_range);
  select * into v_conflict from private.reservation_conflict(p_practitioner_id, v_type.resource_id, v_range, null, null);
  if found then
    return query select 'conflict'::text, v_conflict.id, v_conflict.kind, v_conflict.starts_at,
                        case when v_conflict.on_practitioner then 'practitioner' else 'resource' end;
    return;
  end if;
  insert into public.bookings as b (clinic_id, procedure_id, patient_name, patient_phone, status, confirmed_by, confirmed_at,
                               practitioner_id, resource_id, appointment_type_id, starts_at, ends_at, source, notes, created_by)
  values (p_clinic_id, v_type.procedure_id, p_patient_name, p_patient_phone, 'confirmed', (select auth.uid()), now(),
          p_practitioner_id, v_type.resource_id, v_type.id, p_starts_at, v_ends, 'staff', coalesce(p_notes, ''),
          (select auth.uid()))
  returning b.id into v_booking;
  insert into public.reservations (clinic_id, kind, practitioner_id, resource_id, starts_at, ends_at, occupied, booking_id, created_by)
  values (p_clinic_id, 'appointment', p_practitioner_id, v_type.resource_id, p_starts_at, v_ends, v_range, v_booking,
          (select auth.uid()));
  return query select 'ok'::text, v_booking, null::text, null::timestamptz, null::text;
exception
  when exclusion_violation then
    return query select 'conflict'::text, null::uuid, null::text, null::timestamptz, null::text;
end;
$$;

-- Moves a live appointment (pending or confirmed) to p_practitioner_id at p_starts_at, keeping
-- its type, duration and buffers; its own current range is left out of the overlap check.
create or replace function public.diary_move(
  p_clinic_id uuid, p_booking_id uuid, p_practitioner_id uuid, p_starts_at timestamptz
) returns table (outcome text, id uuid, conflict_kind text, conflict_starts_at timestamptz, conflict_on text)
language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
declare
  v_booking public.bookings;
  v_res public.reservations;
  v_before interval := interval '0';
  v_after interval := interval '0';
  v_ends timestamptz;
  v_range tstzrange;
  v_conflict record;
begin
  if not private.require_member(p_clinic_id) then
    return query select 'forbidden'::text, null::uuid, null::text, null::timestamptz, null::text;
    return;
  end if;
  select * into v_booking from public.bookings b where b.id = p_booking_id and b.clinic_id = p_clinic_id;
  if not found or not exists (select 1 from public.practitioners p where p.id = p_practitioner_id and p.clinic_id = p_clinic_id and p.active) then
    return query select 'not_found'::text, null::uuid, null::text, null::timestamptz, null::text;
    return;
  end if;
  if v_booking.status not in ('pending', 'confirmed') then
    return query select 'not_allowed'::text, p_booking_id, null::text, null::timestamptz, null::text;
    return;
  end if;
  if p_starts_at <= now() then
    return query select 'in_past'::text, null::uuid, null::text, null::timestamptz, null::text;
    return;
  end if;
  select make_interval(mins => t.buffer_before_minutes), make_interval(mins => t.buffer_after_minutes)
    into v_before, v_after
    from public.appointment_types t where t.id = v_booking.appointment_type_id;
  v_ends := p_starts_at + (v_booking.ends_at - v_booking.starts_at);
  v_range := tstzrange(p_starts_at - coalesce(v_before, interval '0'), v_ends + coalesce(v_after, interval '0'));

  perform private.lock_diary(p_practitioner_id, v_booking.resource_id, v_range);
  -- The booking row before its reservation, as a status change (its trigger) takes them; re-read
  -- under lock: a concurrent status change may have cancelled it.
  select * into v_booking from public.bookings b where b.id = p_booking_id for update;
  select * into v_res from public.reservations r where r.booking_id = p_booking_id for update;
  if v_booking.status not in ('pending', 'confirmed') then
    return query select 'not_allowed'::text, p_booking_id, null::text, null::timestamptz, null::text;
    return;
  end if;
  select * into v_conflict from private.reservation_conflict(p_practitioner_id, v_booking.resource_id, v_range, v_res.id, null);
  if found then
    return query select 'conflict'::text, v_conflict.id, v_conflict.kind, v_conflict.starts_at,
                        case when v_conflict.on_practitioner then 'practitioner' else 'resource' end;
    return;
  end if;
  update public.bookings b set practitioner_id = p_practitioner_id, starts_at = p_starts_at, ends_at = v_ends
   where b.id = p_booking_id;
  if v_res.id is null then
    insert into public.reservations (clinic_id, kind, practitioner_id, resource_id, starts_at, ends_at, occupied, booking_id, call_id, created_by)
    values (p_clinic_id, 'appointment', p_practitioner_id, v_booking.resource_id, p_starts_at, v_ends, v_range, p_booking_id,
            v_booking.call_id, (select auth.uid()));
  else
    update public.reservations r set practitioner_id = p_practitioner_id, starts_at = p_starts_at, ends_at = v_ends, occupied = v_range
     where r.id = v_res.id;
  end if;
  return query select 'ok'::text, p_booking_id, null::text, null::timestamptz, null::text;
exception
  when exclusion_violation then
    return query select 'conflict'::text, null::uuid, null::text, null::timestamptz, null::text;
end;
$$;

-- Blocks a practitioner's time, a resource's, or both (e.g. a meeting, a machine's service).
create or replace function public.diary_block(
  p_clinic_id uuid, p_practitioner_id uuid, p_resource_id uuid, p_starts_at timestamptz, p_ends_at timestamptz, p_reason text
) returns table (outcome text, id uuid, conflict_kind text, conflict_starts_at timestamptz, conflict_on text)
language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
declare
  v_range tstzrange;
  v_conflict record;
  v_id uuid;
begin
  if not private.require_member(p_clinic_id) then
    return query select 'forbidden'::text, null::uuid, null::text, null::timestamptz, null::text;
    return;
  end if;
  if (p_practitioner_id is null and p_resource_id is null)
     or (p_practitioner_id is not null and not exists (select 1 from public.practitioners p where p.id = p_practitioner_id and p.clinic_id = p_clinic_id))
     or (p_resource_id is not null and not exists (select 1 from public.resources r where r.id = p_resource_id and r.clinic_id = p_clinic_id)) then
    return query select 'not_found'::text, null::uuid, null::text, null::timestamptz, null::text;
    return;
  end if;
  if p_ends_at <= p_starts_at or p_ends_at <= now() then
    return query select 'in_past'::text, null::uuid, null::text, null::timestamptz, null::text;
    return;
  end if;
  v_range := tstzrange(p_starts_at, p_ends_at);
  perform private.lock_diary(p_practitioner_id, p_resource_id, v_range);
  select * into v_conflict from private.reservation_conflict(p_practitioner_id, p_resource_id, v_range, null, null);
  if found then
    return query select 'conflict'::text, v_conflict.id, v_conflict.kind, v_conflict.starts_at,
                        case when v_conflict.on_practitioner then 'practitioner' else 'resource' end;
    return;
  end if;
  insert into public.reservations as r (clinic_id, kind, practitioner_id, resource_id, starts_at, ends_at, occupied, reason, created_by)
  values (p_clinic_id, 'block', p_practitioner_id, p_resource_id, p_starts_at, p_ends_at, v_range,
          coalesce(nullif(btrim(p_reason), ''), 'Blocked'), (select auth.uid()))
  returning r.id into v_id;
  return query select 'ok'::text, v_id, null::text, null::timestamptz, null::text;
exception
  when exclusion_violation then
    return query select 'conflict'::text, null::uuid, null::text, null::timestamptz, null::text;
end;
$$;

-- Removes a staff block. outcome: ok | forbidden | not_found
create or replace function public.diary_remove_block(p_clinic_id uuid, p_block_id uuid)
returns text language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
begin
  if not private.require_member(p_clinic_id) then
    return 'forbidden';
  end if;
  delete from public.reservations r where r.id = p_block_id and r.clinic_id = p_clinic_id and r.kind = 'block';
  return case when found then 'ok' else 'not_found' end;
end;
$$;

revoke all on function public.diary_book(uuid, uuid, uuid, timestamptz, text, text, text),
  public.diary_move(uuid, uuid, uuid, timestamptz),
  public.diary_block(uuid, uuid, uuid, timestamptz, timestamptz, text),
  public.diary_remove_block(uuid, uuid), private.require_member(uuid)
  from public, anon;
grant execute on function public.diary_book(uuid, uuid, uuid, timestamptz, text, text, text),
  public.diary_move(uuid, uuid, uuid, timestamptz),
  public.diary_block(uuid, uuid, uuid, timestamptz, timestamptz, text),
  public.diary_remove_block(uuid, uuid)
  to authenticated, service_role;
grant execute on function private.require_member(uuid) to authenticated, service_role;

-- Live updates. The call board payload keeps heldSlot { slotId, startsAt, heldUntil,
-- practitioner }, slotId being the offer id.
create or replace function private.call_board_payload(p_call_id uuid) returns jsonb
language sql stable security invoker set search_path = '' as $$
  select jsonb_build_object(
    'callId', c.id,
    'revision', c.revision,
    'state', c.state,
    'stateVersion', c.state_version,
    'outcome', c.outcome,
    'callerLast4', right(regexp_replace(coalesce(c.caller_number, ''), '\D', '', 'g'), 4),
    'callerName', c.caller_name,
    'procedures', coalesce((select jsonb_agg(p.name order by p.sort_order) from public.procedures p
                             where p.id = any (c.procedures_of_interest)), '[]'::jsonb),
    'startedAt', coalesce(c.started_at, c.created_at),
    'answeredAt', c.answered_at,
    'endedAt', c.ended_at,
    'lastTurnLatencyMs', c.last_turn_latency_ms,
    'transferredTo', c.transferred_to,
    'heldSlot', (select jsonb_build_object('slotId', r.offer_id, 'startsAt', r.starts_at, 'heldUntil', r.held_until,
                                           'practitioner', pr.name)
                   from public.reservations r join public.practitioners pr on pr.id = r.practitioner_id
                  where r.call_id = c.id and r.kind = 'hold'
                  order by r.held_until desc limit 1)
  )
  from public.calls c where c.id = p_call_id;
$$;

-- A hold taken, released or booked touches the holding call's row, which bumps its revision
-- and broadcasts it. The caller already holds that call's row lock (the lock order above).
-- A hold that simply expired (removed by the sweeper or by a later claim) is not re-broadcast:
-- the board's countdown already shows it ended, and touching another call's row there would
-- break the lock order.
create or replace function private.touch_calls_for_reservation() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    if new.kind = 'hold' then
      update public.calls set updated_at = now() where id = new.call_id;
    end if;
  elsif tg_op = 'DELETE' then
    if old.kind = 'hold' and old.held_until > now() then
      update public.calls set updated_at = now() where id = old.call_id;
    end if;
  elsif old.kind = 'hold' and (new.kind <> 'hold' or new.held_until is distinct from old.held_until) then
    update public.calls set updated_at = now() where id = old.call_id;
  end if;
  return null;
end;
$$;
create trigger reservations_touch_calls after insert or update or delete on public.reservations
  for each row execute function private.touch_calls_for_reservation();

-- The diary: every committed change to a reservation is announced on the clinic's private
-- topic `clinic:<clinic_id>:diary` (event diary_change), ids only; the diary refetches what it
-- shows. SECURITY DEFINER for the same reason as private.broadcast_call().
create or replace function private.broadcast_diary_change() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_row public.reservations;
begin
  if tg_op = 'DELETE' then
    v_row := old;
  else
    v_row := new;
  end if;
  perform realtime.send(
    jsonb_build_object('clinicId', v_row.clinic_id, 'reservationId', v_row.id, 'kind', v_row.kind),
    'diary_change', 'clinic:' || v_row.clinic_id || ':diary', true);
  return null;
end;
$$;
create trigger reservations_broadcast after insert or update or delete on public.reservations
  for each row execute function private.broadcast_diary_change();

create policy "clinic staff receive diary changes" on realtime.messages for select to authenticated
  using (
    realtime.messages.extension = 'broadcast'
    and (select realtime.topic()) like 'clinic:%:diary'
    and split_part((select realtime.topic()), ':', 2) = any ((select private.member_clinic_ids())::text[])
  );

-- ─── supabase/migrations/20261130000300_diary_contention.sql ───────────────────────────────────

-- Two hot paths of the diary under a burst of callers (npm run smoke -- --calls 1000):
--   1. claim_slot_atomic gives its diary locks back when it refuses a time;
--   2. private.diary_rows loads what availability is computed from in one call with a cached plan.
--
-- 1.
-- A claim that finds nothing committed over its range yet (the winner of a race has not
-- committed) queues on the practitioner's row lock. Until now, when it got the lock and then
-- found the time taken, it kept the lock until its caller's transaction ended; on the phone
-- path that transaction goes on to compute and record alternatives, so with 1000 callers on one
-- time each refused caller that had queued made the next wait for its whole webhook, and some
-- ran into the 2 s lock timeout (HTTP 500). Now the refusal is raised inside the function's
-- block and caught by its handler, which rolls the block back: its locks (and the expired holds
-- it removed, which the next claim or the sweeper removes again) are released at once. A claim
-- that holds keeps its locks until commit, as before. Contract unchanged:
-- outcome held | taken | not_found | in_past | call_ended.

create or replace function public.claim_slot_atomic(p_slot_id uuid, p_call_id uuid, p_hold_seconds integer default 90)
returns table (outcome text, slot_id uuid, held_until timestamptz)
language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
declare
  v_call public.calls;
  v_offer public.slot_offers;
  v_until timestamptz;
begin
  select * into v_call from public.calls c where c.id = p_call_id;
  if not found or private.is_terminal_call_state(v_call.state) then
    return query select 'call_ended'::text, p_slot_id, null::timestamptz;
    return;
  end if;

  select * into v_offer from public.slot_offers o where o.id = p_slot_id;
  if not found or v_offer.clinic_id <> v_call.clinic_id or v_offer.call_id <> p_call_id
     or v_offer.expires_at <= now() then
    return query select 'not_found'::text, p_slot_id, null::timestamptz;
    return;
  end if;
  if v_offer.starts_at <= now() then
    return query select 'in_past'::text, p_slot_id, null::timestamptz;
    return;
  end if;

  -- Fast path without a lock: once a claim over this range has committed, every other caller
  -- sees it here and is answered at once instead of queueing on the practitioner's lock.
  -- Reading "taken" can only be wrong towards refusing a time freed an instant ago, never
  -- towards a double hold.
  if exists (select 1 from private.reservation_conflict(v_offer.practitioner_id, v_offer.resource_id,
                                                        v_offer.occupied, null, p_call_id)) then
    return query select 'taken'::text, p_slot_id, null::timestamptz;
    return;
  end if;

  perform private.lock_diary(v_offer.practitioner_id, v_offer.resource_id, v_offer.occupied);
  if exists (select 1 from private.reservation_conflict(v_offer.practitioner_id, v_offer.resource_id,
                                                        v_offer.occupied, null, p_call_id)) then
    -- Caught below: rolling the block back releases the locks just taken.
    raise exception using errcode = 'CW409', message = 'taken';
  end if;

  delete from public.reservations r where r.kind = 'hold' and r.call_id = p_call_id;
  v_until := now() + make_interval(secs => p_hold_seconds);
  insert into public.reservations (clinic_id, kind, practitioner_id, resource_id, starts_at, ends_at, occupied,
                                   call_id, held_until, offer_id)
  values (v_offer.clinic_id, 'hold', v_offer.practitioner_id, v_offer.resource_id, v_offer.starts_at,
          v_offer.ends_at, v_offer.occupied, p_call_id, v_until, v_offer.id);
  return query select 'held'::text, p_slot_id, v_until;
exception
  -- Taken under lock, or the exclusion constraints caught something overlapping that was held,
  -- booked or blocked: either way the block's locks are released with it.
  when sqlstate 'CW409' or exclusion_violation then
    return query select 'taken'::text, p_slot_id, null::timestamptz;
end;
$$;

-- Everything availability is computed from, for one clinic and a time range, as one JSON value
-- (lib/db/diary-load.ts, lib/diary/load.ts): the clinic's zone, notice, horizon and the
-- database's clock; weekly hours of active practitioners; overrides and closures on the
-- clinic-local dates [p_from, p_to] touches, a day either side; active practitioners;
-- resources; active appointment types (optionally of one procedure) with the active
-- practitioners who perform them (none when the type's resource is inactive); and what takes
-- time in [p_busy_from, p_busy_to) with buffers: live holds, appointments, blocks. The first row
-- carries the configuration as JSON, each further row one busy range (times as epoch
-- milliseconds: plain rows, because building 2,000 JSON objects cost more than the rest of the
-- load). No rows when the clinic is not visible to the caller: SECURITY INVOKER, so RLS decides
-- for staff. A PL/pgSQL function so its plan is cached per connection: the same
-- statement sent from the app was planned on every call (2.7 ms of planning, more than it
-- took to run), and it runs on every check_availability and every refused hold_slot.
create or replace function private.diary_rows(
  p_clinic_id uuid, p_from timestamptz, p_to timestamptz, p_busy_from timestamptz, p_busy_to timestamptz,
  p_procedure_id uuid
) returns table (config json, busy_id uuid, busy_kind text, busy_practitioner_id uuid, busy_resource_id uuid,
                busy_start double precision, busy_end double precision, busy_starts_at double precision)
language plpgsql stable security invoker set search_path = '' as $$
declare
  v_config json;
begin
  v_config := (
    with c as (
       select c.id, c.timezone, c.min_notice_minutes, c.horizon_days, now() as now,
              (p_from at time zone c.timezone)::date - 1 as first_date,
              (p_to at time zone c.timezone)::date + 1 as last_date
         from public.clinics c where c.id = p_clinic_id)
     select json_build_object(
       'id', c.id, 'timezone', c.timezone, 'minNoticeMinutes', c.min_notice_minutes, 'horizonDays', c.horizon_days,
       'now', extract(epoch from c.now) * 1000,
       'weeklyHours', coalesce((select json_agg(json_build_object(
                   'practitionerId', h.practitioner_id, 'weekday', h.weekday,
                   'opens', to_char(h.opens, 'HH24:MI:SS'), 'closes', to_char(h.closes, 'HH24:MI:SS'))
                   order by h.practitioner_id, h.weekday, h.opens)
                   from public.working_hours h join public.practitioners p on p.id = h.practitioner_id and p.active
                  where h.clinic_id = c.id), '[]'),
       'overrides', coalesce((select json_agg(json_build_object(
                   'practitionerId', o.practitioner_id, 'date', to_char(o.on_date, 'YYYY-MM-DD'), 'kind', o.kind,
                   'opens', to_char(o.opens, 'HH24:MI:SS'), 'closes', to_char(o.closes, 'HH24:MI:SS'))
                   order by o.on_date, o.opens nulls first)
                   from public.schedule_overrides o
                  where o.clinic_id = c.id and o.on_date between c.first_date and c.last_date), '[]'),
       'closures', coalesce((select json_agg(json_build_object(
                   'startsOn', to_char(x.starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(x.ends_on, 'YYYY-MM-DD'),
                   'reason', x.reason) order by x.starts_on)
                   from public.clinic_closures x
                  where x.clinic_id = c.id and x.ends_on >= c.first_date and x.starts_on <= c.last_date), '[]'),
       'practitioners', coalesce((select json_agg(json_build_object('id', p.id, 'name', p.name, 'title', p.title) order by p.name)
                   from public.practitioners p where p.clinic_id = c.id and p.active), '[]'),
       'resources', coalesce((select json_agg(json_build_object('id', r.id, 'name', r.name, 'kind', r.kind, 'active', r.active)
                   order by r.name)
                   from public.resources r where r.clinic_id = c.id), '[]'),
       'types', coalesce((select json_agg(json_build_object(
                   'id', t.id, 'name', t.name, 'kind', t.kind, 'procedureId', t.procedure_id, 'procedureName', pr.name,
                   'durationMinutes', t.duration_minutes, 'bufferBeforeMinutes', t.buffer_before_minutes,
                   'bufferAfterMinutes', t.buffer_after_minutes, 'resourceId', t.resource_id,
                   'requiresConsultation', t.requires_consultation, 'confirmation', t.confirmation,
                   'practitionerIds',
                   case when t.resource_id is not null and not coalesce(r.active, false) then '[]'::json
                        else coalesce((select json_agg(a.practitioner_id order by a.practitioner_id)
                                         from public.appointment_type_practitioners a
                                         join public.practitioners p on p.id = a.practitioner_id and p.active
                                        where a.appointment_type_id = t.id), '[]') end)
                   order by pr.sort_order, pr.name,
                            array_position(array['consultation', 'treatment', 'surgery', 'review'], t.kind))
                   from public.appointment_types t
                   join public.procedures pr on pr.id = t.procedure_id and pr.active
                   left join public.resources r on r.id = t.resource_id
                  where t.clinic_id = c.id and t.active and (p_procedure_id is null or t.procedure_id = p_procedure_id)), '[]'))
       from c
  );
  if v_config is null then
    return;
  end if;
  return query select v_config, null::uuid, null::text, null::uuid, null::uuid, null::float8, null::float8, null::float8;
  return query
    select null::json, r.id, r.kind, r.practitioner_id, r.resource_id, date_part('epoch', lower(r.occupied)) * 1000,
           date_part('epoch', upper(r.occupied)) * 1000, date_part('epoch', r.starts_at) * 1000
      from public.reservations r
     where r.clinic_id = p_clinic_id and r.occupied && tstzrange(p_busy_from, p_busy_to)
       and (r.kind <> 'hold' or r.held_until > now());
end;
$$;
revoke all on function private.diary_rows(uuid, timestamptz, timestamptz, timestamptz, timestamptz, uuid) from public;
grant execute on function private.diary_rows(uuid, timestamptz, timestamptz, timestamptz, timestamptz, uuid)
  to authenticated, service_role;

-- ─── supabase/migrations/20261201000100_patients.sql ───────────────────────────────────────────

-- Patients (issue 15): one record per person per clinic, keyed by phone number, linked from
-- their appointments, calls and texts. Patients are created and merged by the database itself:
-- a trigger on bookings, calls and sms_messages files each row under the patient with that
-- number (creating one the first time), so every path that records a booking, a call or a
-- text (the assistant, the diary, Twilio webhooks, the follow-up worker) links it without
-- knowing about patients. A booking made by staff without a number gets a patient of its own.
--
-- Numbers are matched exactly as stored (`+15550100`-style, as Vapi and Twilio send them and as
-- lib/validations normalises typed ones). Names: the first non-empty name given wins; staff can
-- correct it on the patient page. Opt-out state stays in sms_opt_outs (by number), so a STOP
-- from a number covers its patient. The manage links patients receive are at the end.

create table public.patients (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  full_name text check (length(btrim(full_name)) between 1 and 120),
  phone text check (phone ~ '^\+?[0-9]{3,15}$'),
  email text check (length(email) <= 254 and email = lower(email) and email ~ '^[^@[:space:]]+@[^@[:space:]]+[.][^@[:space:]]+$'),
  sms_consent boolean not null default true,
  notes text not null default '' check (length(notes) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, clinic_id)
);
-- Merged by number: one patient per number per clinic.
create unique index patients_clinic_phone_idx on public.patients (clinic_id, phone) where phone is not null;
create index patients_clinic_name_idx on public.patients (clinic_id, lower(full_name));
create trigger patients_touch before update on public.patients
  for each row execute function private.touch_updated_at();
comment on table public.patients is 'A clinic''s patients (and callers), one per phone number; created from calls, texts and bookings.';
comment on column public.patients.id is 'Primary key.';
comment on column public.patients.clinic_id is 'The clinic.';
comment on column public.patients.full_name is 'Name as the patient gave it (first given wins; staff may correct it).';
comment on column public.patients.phone is 'Mobile number, E.164 (+ and digits); unique in the clinic.';
comment on column public.patients.email is 'Email, if given (stored lower-case).';
comment on column public.patients.sms_consent is 'Whether the patient agreed to texts about their appointments (reminders, confirmations). STOP is recorded in sms_opt_outs.';
comment on column public.patients.notes is 'Staff notes; never copied into the audit trail.';
comment on column public.patients.created_at is 'When the patient was first seen.';
comment on column public.patients.updated_at is 'When the record last changed.';

alter table public.patients enable row level security;
create policy "members read" on public.patients for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "members update" on public.patients for update to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, delete, truncate on public.patients from anon, authenticated;
revoke update on public.patients from anon, authenticated;
grant update (full_name, email, sms_consent, notes) on public.patients to authenticated;
create trigger patients_audit after update on public.patients
  for each row execute function private.audit_row_change('clinic_id', 'full_name', 'phone', 'email', 'notes');

-- The patient with this number in this clinic, created if new; a name fills an empty one.
-- Null for no number (the caller withheld it).
create or replace function private.patient_for_phone(p_clinic_id uuid, p_phone text, p_name text)
returns uuid language plpgsql security definer set search_path = '' as $$
declare
  v_id uuid;
  v_known text;
  v_name text := nullif(btrim(left(coalesce(p_name, ''), 120)), '');
begin
  if p_phone is null or p_phone !~ '^\+?[0-9]{3,15}$' then
    return null;
  end if;
  -- Read first: the common case (a known number) writes nothing and locks nothing.
  select p.id, p.full_name into v_id, v_known
    from public.patients p where p.clinic_id = p_clinic_id and p.phone = p_phone;
  if not found then
    insert into public.patients (clinic_id, phone, full_name)
    values (p_clinic_id, p_phone, v_name)
    on conflict (clinic_id, phone) where phone is not null do nothing
    returning id into v_id;
    if v_id is not null then
      return v_id;
    end if;
    -- Created by a concurrent transaction a moment ago.
    select p.id, p.full_name into v_id, v_known
      from public.patients p where p.clinic_id = p_clinic_id and p.phone = p_phone;
  end if;
  if v_known is null and v_name is not null then
    update public.patients p set full_name = v_name where p.id = v_id and p.full_name is null;
  end if;
  return v_id;
end;
$$;
revoke all on function private.patient_for_phone(uuid, text, text) from public;

alter table public.bookings add column patient_id uuid;
alter table public.bookings add constraint bookings_patient_fk foreign key (patient_id, clinic_id)
  references public.patients (id, clinic_id);
create index bookings_patient_idx on public.bookings (patient_id, starts_at);
comment on column public.bookings.patient_id is 'The patient (set by the database from patient_phone, see patients).';

alter table public.calls add column patient_id uuid;
alter table public.calls add constraint calls_patient_fk foreign key (patient_id, clinic_id)
  references public.patients (id, clinic_id);
create index calls_patient_idx on public.calls (patient_id, started_at desc);
comment on column public.calls.patient_id is 'The caller''s patient record, by caller_number (set by the database).';

alter table public.sms_messages add column patient_id uuid;
alter table public.sms_messages add constraint sms_messages_patient_fk foreign key (patient_id, clinic_id)
  references public.patients (id, clinic_id);
create index sms_messages_patient_idx on public.sms_messages (patient_id, created_at desc);
comment on column public.sms_messages.patient_id is 'The patient texted or texting (by number, set by the database).';

-- Bookings: by patient_phone (and patient_name); without a number a staff booking gets a
-- patient of its own. A changed number moves the booking to that number's patient.
create or replace function private.link_booking_patient() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'UPDATE' and new.patient_phone is not distinct from old.patient_phone
     and new.patient_id is not null then
    return new;
  end if;
  if new.patient_phone is not null then
    new.patient_id := private.patient_for_phone(new.clinic_id, new.patient_phone, new.patient_name);
  elsif new.patient_id is null then
    insert into public.patients (clinic_id, full_name) values (new.clinic_id, left(new.patient_name, 120))
    returning id into new.patient_id;
  end if;
  return new;
end;
$$;
create trigger bookings_link_patient before insert or update of patient_phone, patient_id on public.bookings
  for each row execute function private.link_booking_patient();

-- Calls: by caller_number; the name the caller gave fills an empty patient name.
create or replace function private.link_call_patient() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.caller_number is null then
    return new;
  end if;
  if tg_op = 'INSERT' or new.caller_number is distinct from old.caller_number
     or new.patient_id is null or new.caller_name is distinct from old.caller_name then
    new.patient_id := private.patient_for_phone(new.clinic_id, new.caller_number, new.caller_name);
  end if;
  return new;
end;
$$;
create trigger calls_link_patient before insert or update of caller_number, caller_name, patient_id on public.calls
  for each row execute function private.link_call_patient();

-- Texts: the other party's number (to for outbound, from for inbound).
create or replace function private.link_sms_patient() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.patient_id is null then
    new.patient_id := private.patient_for_phone(new.clinic_id,
      case when new.direction = 'inbound' then new.from_number else new.to_number end, null);
  end if;
  return new;
end;
$$;
create trigger sms_messages_link_patient before insert on public.sms_messages
  for each row execute function private.link_sms_patient();
revoke all on function private.link_booking_patient(), private.link_call_patient(), private.link_sms_patient() from public;

-- Existing rows: names from bookings first (what patients gave for their appointment), then
-- calls; texts last.
do $$
declare
  r record;
begin
  for r in select b.id, b.clinic_id, b.patient_phone, b.patient_name from public.bookings b order by b.created_at loop
    update public.bookings b
       set patient_id = coalesce(private.patient_for_phone(r.clinic_id, r.patient_phone, r.patient_name), b.patient_id)
     where b.id = r.id;
  end loop;
  for r in select c.id, c.clinic_id, c.caller_number, c.caller_name from public.calls c
            where c.caller_number is not null order by c.started_at loop
    update public.calls c set patient_id = private.patient_for_phone(r.clinic_id, r.caller_number, r.caller_name)
     where c.id = r.id;
  end loop;
  update public.sms_messages m
     set patient_id = private.patient_for_phone(m.clinic_id,
       case when m.direction = 'inbound' then m.from_number else m.to_number end, null)
   where m.patient_id is null;
end;
$$;

-- Manage links: the tokenised page where a patient sees, moves or cancels an appointment
-- (/m/<token>). Like aftercare links, only the token's SHA-256 is stored; nothing about the
-- patient is in the URL.
create table public.appointment_links (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  booking_id uuid not null,
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  purpose text not null default 'manage' check (purpose in ('manage', 'calendar')),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  open_count integer not null default 0 check (open_count >= 0),
  last_opened_at timestamptz,
  created_at timestamptz not null default now(),
  foreign key (booking_id, clinic_id) references public.bookings (id, clinic_id) on delete cascade
);
create index appointment_links_booking_idx on public.appointment_links (booking_id, created_at desc);
comment on table public.appointment_links is 'Unguessable, expiring /m/<token> links to one appointment, texted to its patient. Only the token''s SHA-256 is stored.';
comment on column public.appointment_links.id is 'Primary key.';
comment on column public.appointment_links.clinic_id is 'The clinic.';
comment on column public.appointment_links.booking_id is 'The appointment it opens.';
comment on column public.appointment_links.token_hash is 'SHA-256 (hex) of the token in the URL; the token itself is never stored.';
comment on column public.appointment_links.purpose is 'manage (see, move or cancel) or calendar (the .ics file only).';
comment on column public.appointment_links.expires_at is 'After this the page says the link has expired (the appointment''s end at the latest).';
comment on column public.appointment_links.revoked_at is 'Set when the link is withdrawn (e.g. the appointment was cancelled).';
comment on column public.appointment_links.open_count is 'How many times it was opened.';
comment on column public.appointment_links.last_opened_at is 'Last open.';
comment on column public.appointment_links.created_at is 'When it was issued.';

alter table public.appointment_links enable row level security;
create policy "members read" on public.appointment_links for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.appointment_links from anon, authenticated;

-- ─── supabase/migrations/20261201000200_appointment_changes.sql ────────────────────────────────

-- Patients change their own appointments (issue 15): by phone (the assistant's
-- find_appointments, reschedule_appointment, cancel_appointment) and on the manage link page
-- (/m/<token>). docs/appointment-changes.md describes the flows.
--
-- A reschedule is one transaction: the new time is taken and the appointment moved onto it in
-- place (its reservation row is updated, never deleted and re-inserted), so at no moment does
-- the patient have no time or two, and the old time is free the moment it commits. Two
-- reschedules of the same appointment racing each other: the first to commit wins; the second
-- finds the appointment changed after it was offered its time and is refused ("changed"), so a
-- patient never ends up on a time they did not see. Two appointments racing for one time: the
-- practitioner's lock serialises them and the second is refused ("taken"); the exclusion
-- constraints stay the backstop.
--
-- Lock order as everywhere (lib/db/locks.ts): the call's row (phone: the webhook holds it),
-- then the new practitioner's row, then the resource's (private.lock_diary, FOR NO KEY
-- UPDATE), then the booking's row, then its reservation's.

-- The clinic's cancellation policy, read to callers before the assistant cancels and shown on
-- the manage page.
alter table public.clinics
  add column cancellation_policy text not null default ''
    check (length(cancellation_policy) <= 600);
comment on column public.clinics.cancellation_policy is 'The clinic''s cancellation policy in its own words (e.g. "Please give us 48 hours'' notice; later cancellations may lose the deposit."). Read to callers before the assistant cancels, shown on the manage page. Empty: none.';

-- Times offered on a manage link page: the page can only move its appointment to a time the
-- server offered that link (as check_availability's offers on a call), never to a time typed
-- into a form.
create table public.manage_offers (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  link_id uuid not null references public.appointment_links (id) on delete cascade,
  booking_id uuid not null,
  appointment_type_id uuid,
  practitioner_id uuid not null,
  resource_id uuid,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  occupied tstzrange not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '30 minutes',
  check (ends_at > starts_at),
  check (occupied @> tstzrange(starts_at, ends_at)),
  foreign key (booking_id, clinic_id) references public.bookings (id, clinic_id) on delete cascade,
  foreign key (practitioner_id, clinic_id) references public.practitioners (id, clinic_id) on delete cascade,
  foreign key (resource_id, clinic_id) references public.resources (id, clinic_id) on delete cascade
);
create index manage_offers_link_idx on public.manage_offers (link_id, starts_at);
create index manage_offers_expires_idx on public.manage_offers (expires_at);
comment on table public.manage_offers is 'Times a manage link page offered its appointment; only these can be chosen on that page, until they expire.';
comment on column public.manage_offers.id is 'Primary key; the opaque id the page posts back.';
comment on column public.manage_offers.clinic_id is 'The clinic.';
comment on column public.manage_offers.link_id is 'The manage link the page was opened with; no other link can use it.';
comment on column public.manage_offers.booking_id is 'The appointment it would move.';
comment on column public.manage_offers.appointment_type_id is 'The appointment''s type (the move keeps it).';
comment on column public.manage_offers.practitioner_id is 'Who would see the patient at the new time.';
comment on column public.manage_offers.resource_id is 'The room or device the type needs, if any.';
comment on column public.manage_offers.starts_at is 'Start of the new time.';
comment on column public.manage_offers.ends_at is 'End of the new time (start + duration).';
comment on column public.manage_offers.occupied is 'What the appointment would occupy there, buffers included.';
comment on column public.manage_offers.created_at is 'When it was offered; a move is refused if the appointment changed after this.';
comment on column public.manage_offers.expires_at is 'After this it can no longer be chosen (30 minutes after the offer).';

alter table public.manage_offers enable row level security;
create policy "members read" on public.manage_offers for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.manage_offers from anon, authenticated;

-- The move itself, shared by the phone and the page. The caller has validated where the offer
-- comes from; this takes the locks, re-reads the appointment under them and moves it.
--   outcome: rescheduled | not_found | not_allowed | in_past | changed | taken | different_type
create or replace function private.reschedule_booking(
  p_clinic_id uuid, p_booking_id uuid, p_type_id uuid, p_practitioner_id uuid, p_resource_id uuid,
  p_starts_at timestamptz, p_ends_at timestamptz, p_occupied tstzrange, p_offered_at timestamptz,
  p_ignore_call uuid
) returns text
language plpgsql set search_path = '' as $$
declare
  v_booking public.bookings;
  v_res public.reservations;
begin
  if p_starts_at <= now() then
    return 'in_past';
  end if;
  select * into v_booking from public.bookings b where b.id = p_booking_id and b.clinic_id = p_clinic_id;
  if not found then
    return 'not_found';
  end if;
  if v_booking.appointment_type_id is distinct from p_type_id then
    return 'different_type';
  end if;

  begin
    perform private.lock_diary(p_practitioner_id, p_resource_id, p_occupied);
    -- The booking before its reservation, as a status change takes them; re-read under lock.
    select * into v_booking from public.bookings b where b.id = p_booking_id for update;
    select * into v_res from public.reservations r where r.booking_id = p_booking_id for update;
    if v_booking.status not in ('pending', 'confirmed') or v_booking.starts_at <= now() then
      raise exception using errcode = 'CW422', message = 'not_allowed';
    end if;
    -- Moved (by staff, the other channel, or a racing request) after this time was offered.
    if greatest(v_booking.created_at, v_res.updated_at) > p_offered_at then
      raise exception using errcode = 'CW412', message = 'changed';
    end if;
    -- This call's own hold on the time (the caller held it first) makes way for the move.
    if p_ignore_call is not null then
      delete from public.reservations r
       where r.kind = 'hold' and r.call_id = p_ignore_call and r.occupied && p_occupied;
    end if;
    if exists (select 1 from private.reservation_conflict(p_practitioner_id, p_resource_id, p_occupied,
                                                          v_res.id, null)) then
      raise exception using errcode = 'CW409', message = 'taken';
    end if;

    update public.bookings b
       set practitioner_id = p_practitioner_id, resource_id = p_resource_id, starts_at = p_starts_at, ends_at = p_ends_at
     where b.id = p_booking_id;
    if v_res.id is null then
      insert into public.reservations (clinic_id, kind, practitioner_id, resource_id, starts_at, ends_at, occupied,
                                       booking_id, call_id)
      values (p_clinic_id, 'appointment', p_practitioner_id, p_resource_id, p_starts_at, p_ends_at, p_occupied,
              p_booking_id, v_booking.call_id);
    else
      update public.reservations r
         set practitioner_id = p_practitioner_id, resource_id = p_resource_id, starts_at = p_starts_at,
             ends_at = p_ends_at, occupied = p_occupied
       where r.id = v_res.id;
    end if;
    -- Links capped at the appointment's end follow it; a later cap stays within the new end.
    update public.appointment_links l
       set expires_at = case when l.expires_at >= v_booking.ends_at then p_ends_at else least(l.expires_at, p_ends_at) end
     where l.booking_id = p_booking_id and l.revoked_at is null;
    -- Offers made before the move are stale now.
    delete from public.manage_offers o where o.booking_id = p_booking_id;
  exception
    -- Rolling the block back releases the diary locks at once.
    when sqlstate 'CW422' then return 'not_allowed';
    when sqlstate 'CW412' then return 'changed';
    when sqlstate 'CW409' or exclusion_violation then return 'taken';
  end;
  return 'rescheduled';
end;
$$;
revoke all on function private.reschedule_booking(uuid, uuid, uuid, uuid, uuid, timestamptz, timestamptz, tstzrange, timestamptz, uuid) from public;

-- The assistant: moves the caller's appointment p_booking_id to the time check_availability
-- offered this call (p_slot_id). Only an appointment of the calling number can be moved.
--   outcome: rescheduled | call_ended | slot_not_found | not_found | not_allowed | in_past
--            | changed | taken | different_type
create or replace function public.reschedule_appointment_atomic(p_booking_id uuid, p_slot_id uuid, p_call_id uuid)
returns table (outcome text, starts_at timestamptz, ends_at timestamptz)
language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
declare
  v_call public.calls;
  v_offer public.slot_offers;
  v_outcome text;
begin
  select * into v_call from public.calls c where c.id = p_call_id;
  if not found or private.is_terminal_call_state(v_call.state) then
    return query select 'call_ended'::text, null::timestamptz, null::timestamptz;
    return;
  end if;
  if v_call.caller_number is null or not exists (
       select 1 from public.bookings b
        where b.id = p_booking_id and b.clinic_id = v_call.clinic_id and b.patient_phone = v_call.caller_number) then
    return query select 'not_found'::text, null::timestamptz, null::timestamptz;
    return;
  end if;
  select * into v_offer from public.slot_offers o where o.id = p_slot_id;
  if not found or v_offer.clinic_id <> v_call.clinic_id or v_offer.call_id <> p_call_id
     or v_offer.expires_at <= now() then
    return query select 'slot_not_found'::text, null::timestamptz, null::timestamptz;
    return;
  end if;
  v_outcome := private.reschedule_booking(v_call.clinic_id, p_booking_id, v_offer.appointment_type_id,
                                          v_offer.practitioner_id, v_offer.resource_id, v_offer.starts_at,
                                          v_offer.ends_at, v_offer.occupied, v_offer.created_at, p_call_id);
  return query select v_outcome,
                      case when v_outcome = 'rescheduled' then v_offer.starts_at end,
                      case when v_outcome = 'rescheduled' then v_offer.ends_at end;
end;
$$;

-- The manage page: moves the link's appointment to a time offered to that link.
--   outcome: rescheduled | link_invalid | offer_not_found | not_allowed | in_past | changed | taken
create or replace function public.manage_reschedule_atomic(p_link_id uuid, p_offer_id uuid)
returns table (outcome text, starts_at timestamptz, ends_at timestamptz)
language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
declare
  v_link public.appointment_links;
  v_offer public.manage_offers;
  v_outcome text;
begin
  select * into v_link from public.appointment_links l where l.id = p_link_id;
  if not found or v_link.revoked_at is not null or v_link.expires_at <= now() or v_link.purpose <> 'manage' then
    return query select 'link_invalid'::text, null::timestamptz, null::timestamptz;
    return;
  end if;
  select * into v_offer from public.manage_offers o where o.id = p_offer_id;
  if not found or v_offer.link_id <> p_link_id or v_offer.booking_id <> v_link.booking_id
     or v_offer.expires_at <= now() then
    return query select 'offer_not_found'::text, null::timestamptz, null::timestamptz;
    return;
  end if;
  v_outcome := private.reschedule_booking(v_link.clinic_id, v_link.booking_id, v_offer.appointment_type_id,
                                          v_offer.practitioner_id, v_offer.resource_id, v_offer.starts_at,
                                          v_offer.ends_at, v_offer.occupied, v_offer.created_at, null);
  return query select v_outcome,
                      case when v_outcome = 'rescheduled' then v_offer.starts_at end,
                      case when v_outcome = 'rescheduled' then v_offer.ends_at end;
end;
$$;

-- Cancels a patient's own appointment (pending or confirmed, not yet started) with a reason;
-- the status trigger frees its time in the same transaction. p_caller_number: the calling
-- number must be the appointment's (phone); null on the manage page, whose link names it.
--   outcome: cancelled | not_found | not_allowed
create or replace function private.cancel_booking(p_clinic_id uuid, p_booking_id uuid, p_reason text)
returns text
language plpgsql set search_path = '' as $$
declare
  v_booking public.bookings;
begin
  select * into v_booking from public.bookings b
   where b.id = p_booking_id and b.clinic_id = p_clinic_id for update;
  if not found then
    return 'not_found';
  end if;
  if v_booking.status not in ('pending', 'confirmed') or v_booking.starts_at <= now() then
    return 'not_allowed';
  end if;
  update public.bookings b set status = 'cancelled', cancel_reason = left(p_reason, 500) where b.id = p_booking_id;
  update public.appointment_links l set revoked_at = now() where l.booking_id = p_booking_id and l.revoked_at is null;
  delete from public.manage_offers o where o.booking_id = p_booking_id;
  return 'cancelled';
end;
$$;
revoke all on function private.cancel_booking(uuid, uuid, text) from public;

create or replace function public.cancel_appointment_atomic(p_booking_id uuid, p_call_id uuid, p_reason text)
returns text
language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
declare
  v_call public.calls;
begin
  select * into v_call from public.calls c where c.id = p_call_id;
  if not found or private.is_terminal_call_state(v_call.state) then
    return 'call_ended';
  end if;
  if v_call.caller_number is null or not exists (
       select 1 from public.bookings b
        where b.id = p_booking_id and b.clinic_id = v_call.clinic_id and b.patient_phone = v_call.caller_number) then
    return 'not_found';
  end if;
  return private.cancel_booking(v_call.clinic_id, p_booking_id, p_reason);
end;
$$;

create or replace function public.manage_cancel_atomic(p_link_id uuid, p_reason text)
returns text
language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
declare
  v_link public.appointment_links;
begin
  select * into v_link from public.appointment_links l where l.id = p_link_id;
  if not found or v_link.revoked_at is not null or v_link.expires_at <= now() or v_link.purpose <> 'manage' then
    return 'link_invalid';
  end if;
  return private.cancel_booking(v_link.clinic_id, v_link.booking_id, p_reason);
end;
$$;

revoke all on function public.reschedule_appointment_atomic(uuid, uuid, uuid), public.manage_reschedule_atomic(uuid, uuid),
  public.cancel_appointment_atomic(uuid, uuid, text), public.manage_cancel_atomic(uuid, text)
  from public, anon, authenticated;
grant execute on function public.reschedule_appointment_atomic(uuid, uuid, uuid), public.manage_reschedule_atomic(uuid, uuid),
  public.cancel_appointment_atomic(uuid, uuid, text), public.manage_cancel_atomic(uuid, text)
  to service_role;

-- The sweeper's share: manage offers expired over an hour ago.
create or replace function public.expire_manage_offers()
returns integer language sql security definer set search_path = '' as $$
  with gone as (delete from public.manage_offers o where o.expires_at < now() - interval '1 hour' returning 1)
  select count(*)::integer from gone;
$$;
revoke all on function public.expire_manage_offers() from public, anon, authenticated;
grant execute on function public.expire_manage_offers() to service_role;

-- ─── supabase/migrations/20261201000300_reminders.sql ──────────────────────────────────────────

-- Appointment texts (issue 15): the confirmation when an appointment is made or moved, reminders
-- 24 h and 2 h before, and the answers to a patient's "1" / "2" replies, as durable jobs with
-- the follow-ups' guarantees (claimed FOR UPDATE SKIP LOCKED, "sending" recorded before the SMS
-- goes, the provider asked before a retry; sent once or visibly failed). docs/reminders.md.
--
-- Jobs are planned by triggers on bookings, so every path that makes, moves or cancels an
-- appointment (the assistant, the diary, the manage page, a reschedule by phone) plans or
-- withdraws them without knowing about texts: an insert plans a confirmation and the reminders;
-- a change of time withdraws what was pending for the old time and plans the new time's
-- confirmation ("moved") and reminders; cancelled, no-show, arrived and completed withdraw
-- everything pending. Per-clinic settings (which reminders, quiet hours in the clinic's time)
-- live in reminder_settings; changing them re-plans the pending reminders.

create table public.reminder_settings (
  clinic_id uuid primary key references public.clinics (id) on delete cascade,
  remind_24h boolean not null default true,
  remind_2h boolean not null default true,
  quiet_start time,
  quiet_end time,
  updated_by uuid references auth.users (id) on delete set null,
  updated_at timestamptz not null default now(),
  check ((quiet_start is null) = (quiet_end is null)),
  check (quiet_start is distinct from quiet_end or quiet_start is null)
);
create trigger reminder_settings_touch before update on public.reminder_settings
  for each row execute function private.touch_updated_at();
comment on table public.reminder_settings is 'Per-clinic appointment reminder settings; a clinic without a row gets the defaults (both reminders, quiet 21:00-08:00).';
comment on column public.reminder_settings.clinic_id is 'The clinic (one row per clinic).';
comment on column public.reminder_settings.remind_24h is 'Text a reminder 24 hours before each appointment.';
comment on column public.reminder_settings.remind_2h is 'Text a reminder 2 hours before each appointment.';
comment on column public.reminder_settings.quiet_start is 'Start of quiet hours (clinic-local), when no reminder is sent; null for none.';
comment on column public.reminder_settings.quiet_end is 'End of quiet hours (clinic-local; before quiet_start means the next morning).';
comment on column public.reminder_settings.updated_by is 'Admin who last changed them.';
comment on column public.reminder_settings.updated_at is 'When they last changed.';

alter table public.reminder_settings enable row level security;
create policy "members read" on public.reminder_settings for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.reminder_settings for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.reminder_settings for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.reminder_settings from anon, authenticated;
grant insert (clinic_id, remind_24h, remind_2h, quiet_start, quiet_end, updated_by),
  update (remind_24h, remind_2h, quiet_start, quiet_end, updated_by) on public.reminder_settings to authenticated;
create trigger reminder_settings_audit after insert or update on public.reminder_settings
  for each row execute function private.audit_row_change('clinic_id');

create table public.appointment_texts (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  booking_id uuid not null,
  kind text not null check (kind in ('confirmation', 'reminder_24h', 'reminder_2h', 'reply_confirmed', 'reply_manage_link')),
  appointment_starts_at timestamptz not null,
  previous_starts_at timestamptz,
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'skipped', 'withdrawn')),
  to_number text not null check (to_number ~ '^\+?[0-9]{3,15}$'),
  inbound_sid text unique check (length(inbound_sid) <= 64),
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null default now(),
  due_by timestamptz not null,
  locked_at timestamptz,
  last_error text check (length(last_error) <= 500),
  skip_reason text check (length(skip_reason) <= 200),
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, clinic_id),
  foreign key (booking_id, clinic_id) references public.bookings (id, clinic_id) on delete cascade
);
-- One confirmation and one of each reminder per appointment time, however often it is planned.
create unique index appointment_texts_once on public.appointment_texts (booking_id, kind, appointment_starts_at)
  where status <> 'withdrawn' and kind in ('confirmation', 'reminder_24h', 'reminder_2h');
create index appointment_texts_due_idx on public.appointment_texts (next_attempt_at) where status in ('pending', 'sending');
create index appointment_texts_booking_idx on public.appointment_texts (booking_id);
create index appointment_texts_last_sent_idx on public.appointment_texts (clinic_id, to_number, sent_at desc) where status = 'sent';
create trigger appointment_texts_touch before update on public.appointment_texts
  for each row execute function private.touch_updated_at();
comment on table public.appointment_texts is 'Durable jobs texting a patient about an appointment (confirmation, reminders, answers to replies); claimed with FOR UPDATE SKIP LOCKED, sent once or visibly failed.';
comment on column public.appointment_texts.id is 'Primary key.';
comment on column public.appointment_texts.clinic_id is 'The appointment''s clinic.';
comment on column public.appointment_texts.booking_id is 'The appointment it is about.';
comment on column public.appointment_texts.kind is 'confirmation (made or moved, with a calendar link), reminder_24h, reminder_2h, reply_confirmed (answer to "1"/YES) or reply_manage_link (answer to "2").';
comment on column public.appointment_texts.appointment_starts_at is 'The appointment time the text is about; a move withdraws texts about the old time.';
comment on column public.appointment_texts.previous_starts_at is 'For a confirmation of a move: the time it moved from.';
comment on column public.appointment_texts.status is 'pending, sending (claimed), sent, failed (with last_error), skipped (opted out, no consent; skip_reason) or withdrawn (appointment moved or cancelled).';
comment on column public.appointment_texts.to_number is 'Number to text (the appointment''s patient_phone when planned).';
comment on column public.appointment_texts.inbound_sid is 'For answers to replies: the MessageSid of the patient''s text (one answer per text).';
comment on column public.appointment_texts.attempts is 'Send attempts so far.';
comment on column public.appointment_texts.next_attempt_at is 'Earliest time to send (the reminder time, outside quiet hours) or retry.';
comment on column public.appointment_texts.due_by is 'Deadline: after this it is failed rather than sent late.';
comment on column public.appointment_texts.locked_at is 'When a worker claimed it; stale claims are retried.';
comment on column public.appointment_texts.last_error is 'Last failure, without personal data.';
comment on column public.appointment_texts.skip_reason is 'Why nothing was sent (opted out, no consent, withdrawn because the appointment moved, ...).';
comment on column public.appointment_texts.sent_at is 'When the SMS was handed to the sender.';
comment on column public.appointment_texts.created_at is 'When it was planned.';
comment on column public.appointment_texts.updated_at is 'When it last changed.';

alter table public.appointment_texts enable row level security;
create policy "members read" on public.appointment_texts for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.appointment_texts from anon, authenticated;

alter table public.sms_messages add column appointment_text_id uuid unique;
alter table public.sms_messages add constraint sms_messages_appointment_text_fk foreign key (appointment_text_id, clinic_id)
  references public.appointment_texts (id, clinic_id) on delete set null (appointment_text_id);
comment on column public.sms_messages.appointment_text_id is 'The appointment text (confirmation, reminder, answer) it fulfils (outbound).';

-- The quiet period (clinic-local p_start..p_end, possibly across midnight) that p_at falls in,
-- as instants; nulls when p_at is outside quiet hours or there are none.
create or replace function private.quiet_period(p_at timestamptz, p_tz text, p_start time, p_end time,
  out began timestamptz, out ends timestamptz)
language plpgsql stable set search_path = '' as $$
declare
  v_local timestamp := p_at at time zone p_tz;
  v_day date := v_local::date;
  v_time time := v_local::time;
begin
  if p_start is null or p_end is null or p_start = p_end then
    return;
  end if;
  if p_start < p_end then
    if v_time >= p_start and v_time < p_end then
      began := (v_day + p_start) at time zone p_tz;
      ends := (v_day + p_end) at time zone p_tz;
    end if;
  elsif v_time >= p_start then
    began := (v_day + p_start) at time zone p_tz;
    ends := (v_day + 1 + p_end) at time zone p_tz;
  elsif v_time < p_end then
    began := (v_day - 1 + p_start) at time zone p_tz;
    ends := (v_day + p_end) at time zone p_tz;
  end if;
end;
$$;

-- When a reminder nominally due at p_due for an appointment at p_starts goes: then, unless that
-- is in quiet hours; then at the end of quiet hours if that still leaves 30 minutes before the
-- appointment, else the minute before quiet hours began. Null if that is already past.
create or replace function private.reminder_send_at(p_due timestamptz, p_starts timestamptz, p_tz text,
  p_quiet_start time, p_quiet_end time)
returns timestamptz language plpgsql stable set search_path = '' as $$
declare
  v_quiet record;
  v_at timestamptz := p_due;
begin
  select * into v_quiet from private.quiet_period(p_due, p_tz, p_quiet_start, p_quiet_end);
  if v_quiet.began is not null then
    v_at := case when v_quiet.ends <= p_starts - interval '30 minutes' then v_quiet.ends
                 else v_quiet.began - interval '1 minute' end;
  end if;
  if v_at <= now() or v_at >= p_starts then
    return null;
  end if;
  return v_at;
end;
$$;

-- The clinic's settings, defaults filled in for a clinic without a row.
create or replace function private.reminder_settings_of(p_clinic_id uuid,
  out remind_24h boolean, out remind_2h boolean, out quiet_start time, out quiet_end time, out timezone text)
language sql stable security definer set search_path = '' as $$
  select coalesce(s.remind_24h, true), coalesce(s.remind_2h, true),
         case when s.clinic_id is null then time '21:00' else s.quiet_start end,
         case when s.clinic_id is null then time '08:00' else s.quiet_end end,
         c.timezone
    from public.clinics c left join public.reminder_settings s on s.clinic_id = c.id
   where c.id = p_clinic_id;
$$;

-- Plans an appointment's texts for its current time: the confirmation (when p_confirm; moved
-- from p_previous when that is set) and each reminder the clinic wants whose time is still
-- ahead. Idempotent: at most one of each per appointment time (appointment_texts_once).
create or replace function private.plan_appointment_texts(p_booking_id uuid, p_confirm boolean, p_previous timestamptz)
returns integer language plpgsql security definer set search_path = '' as $$
declare
  v_booking public.bookings;
  v_settings record;
  v_count integer := 0;
  v_rows integer;
  v_kind text;
  v_at timestamptz;
begin
  select * into v_booking from public.bookings b where b.id = p_booking_id;
  if not found or v_booking.status not in ('pending', 'confirmed') or v_booking.patient_phone is null
     or v_booking.starts_at <= now() then
    return 0;
  end if;
  select * into v_settings from private.reminder_settings_of(v_booking.clinic_id);
  if p_confirm then
    insert into public.appointment_texts (clinic_id, booking_id, kind, appointment_starts_at, previous_starts_at,
                                          to_number, next_attempt_at, due_by)
    values (v_booking.clinic_id, v_booking.id, 'confirmation', v_booking.starts_at, p_previous,
            v_booking.patient_phone, now(), least(now() + interval '1 hour', v_booking.starts_at))
    on conflict do nothing;
    get diagnostics v_rows = row_count;
    v_count := v_count + v_rows;
  end if;
  foreach v_kind in array array['reminder_24h', 'reminder_2h'] loop
    continue when (v_kind = 'reminder_24h' and not v_settings.remind_24h)
               or (v_kind = 'reminder_2h' and not v_settings.remind_2h);
    v_at := private.reminder_send_at(
      v_booking.starts_at - case v_kind when 'reminder_24h' then interval '24 hours' else interval '2 hours' end,
      v_booking.starts_at, v_settings.timezone, v_settings.quiet_start, v_settings.quiet_end);
    continue when v_at is null;
    insert into public.appointment_texts (clinic_id, booking_id, kind, appointment_starts_at, to_number,
                                          next_attempt_at, due_by)
    values (v_booking.clinic_id, v_booking.id, v_kind, v_booking.starts_at, v_booking.patient_phone,
            v_at, least(v_at + interval '1 hour', v_booking.starts_at))
    on conflict do nothing;
    get diagnostics v_rows = row_count;
    v_count := v_count + v_rows;
  end loop;
  return v_count;
end;
$$;

-- Withdraws what is still to be sent about an appointment (all of it, or only its reminders).
-- A job a worker is sending is withdrawn too: the worker renews its claim just before it sends,
-- and a withdrawn job fails that check, so it is not sent.
create or replace function private.withdraw_appointment_texts(p_booking_id uuid, p_reason text, p_reminders_only boolean)
returns integer language plpgsql security definer set search_path = '' as $$
declare
  v_count integer;
begin
  update public.appointment_texts t
     set status = 'withdrawn', skip_reason = left(p_reason, 200), locked_at = null
   where t.booking_id = p_booking_id and t.status in ('pending', 'sending')
     and (not p_reminders_only or t.kind in ('reminder_24h', 'reminder_2h'));
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;

create or replace function private.on_booking_texts() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    perform private.plan_appointment_texts(new.id, true, null);
    return null;
  end if;
  if new.status in ('cancelled', 'no_show', 'arrived', 'completed') and new.status <> old.status then
    perform private.withdraw_appointment_texts(new.id,
      case new.status when 'cancelled' then 'The appointment was cancelled.'
                      when 'no_show' then 'The appointment was marked as a no-show.'
                      else 'The patient has arrived.' end, false);
  elsif new.starts_at is distinct from old.starts_at then
    perform private.withdraw_appointment_texts(new.id, 'The appointment was moved.', false);
    perform private.plan_appointment_texts(new.id, true, old.starts_at);
  elsif new.patient_phone is distinct from old.patient_phone then
    perform private.withdraw_appointment_texts(new.id, 'The patient''s number changed.', true);
    perform private.plan_appointment_texts(new.id, false, null);
  end if;
  return null;
end;
$$;
create trigger bookings_plan_texts after insert or update of starts_at, status, patient_phone on public.bookings
  for each row execute function private.on_booking_texts();

-- Settings changed: the clinic's pending reminders are planned again under the new ones.
create or replace function private.on_reminder_settings_change() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  r record;
begin
  for r in select b.id from public.bookings b
            where b.clinic_id = new.clinic_id and b.status in ('pending', 'confirmed') and b.starts_at > now() loop
    perform private.withdraw_appointment_texts(r.id, 'The clinic''s reminder settings changed.', true);
    perform private.plan_appointment_texts(r.id, false, null);
  end loop;
  return null;
end;
$$;
create trigger reminder_settings_replan after insert or update on public.reminder_settings
  for each row execute function private.on_reminder_settings_change();

revoke all on function private.quiet_period(timestamptz, text, time, time),
  private.reminder_send_at(timestamptz, timestamptz, text, time, time),
  private.reminder_settings_of(uuid), private.plan_appointment_texts(uuid, boolean, timestamptz),
  private.withdraw_appointment_texts(uuid, text, boolean), private.on_booking_texts(),
  private.on_reminder_settings_change() from public;
-- The worker's claim asks whether a clinic is in quiet hours now.
grant execute on function private.quiet_period(timestamptz, text, time, time), private.reminder_settings_of(uuid)
  to service_role;

-- Appointments already in the diary: their reminders (no confirmation: they were told already).
do $$
declare
  r record;
begin
  for r in select b.id from public.bookings b where b.status in ('pending', 'confirmed') and b.starts_at > now() loop
    perform private.plan_appointment_texts(r.id, false, null);
  end loop;
end;
$$;

-- One confirmation per appointment: confirmations are appointment_texts now (planned when the
-- appointment is made or moved), so no new booking_confirmation follow-up is created (the kind
-- stays for the ones already owed, which the follow-up worker still sends).

-- ─── supabase/migrations/20261201000400_inbox.sql ──────────────────────────────────────────────

-- The inbox (issue 15): texts become conversations per patient. Inbound texts now keep what the
-- patient wrote (media only as a count: never fetched, never their URLs), staff reply from the
-- dashboard (each reply records who sent it), inbound texts are unread until a member of staff
-- opens the conversation (one shared inbox per clinic: read by one is read for the front desk),
-- and a text can point at the appointment it is about. Every committed change to a text is
-- announced on the clinic's private topic `clinic:<clinic_id>:inbox` (ids only), as the diary
-- does, so the inbox and the sidebar's unread count update live.

alter table public.sms_messages
  add column keyword text check (keyword in ('STOP', 'START', 'HELP')),
  add column media_count smallint not null default 0 check (media_count between 0 and 10),
  add column sent_by uuid references auth.users (id) on delete set null,
  add column reply_key uuid unique,
  add column booking_id uuid,
  add column read_at timestamptz,
  add column read_by uuid references auth.users (id) on delete set null,
  add constraint sms_messages_booking_fk foreign key (booking_id, clinic_id)
    references public.bookings (id, clinic_id) on delete set null (booking_id),
  add constraint sms_messages_read_inbound check (read_at is null or direction = 'inbound'),
  add constraint sms_messages_sent_by_outbound check (sent_by is null or direction = 'outbound');

comment on column public.sms_messages.body is 'Text as sent or received (inbound texts kept as the patient wrote them since the inbox; earlier ones hold only the keyword). Up to 1,600 characters.';
comment on column public.sms_messages.keyword is 'For an inbound text: the opt-out keyword kind it was read as (STOP, START, HELP), if any.';
comment on column public.sms_messages.media_count is 'How many pictures or files came with an inbound text (Twilio NumMedia); the media itself is never fetched or kept.';
comment on column public.sms_messages.sent_by is 'The member of staff who sent this reply from the inbox (null for automatic texts and inbound ones).';
comment on column public.sms_messages.reply_key is 'Idempotency key of a staff reply (one per press of Send), so a repeated request sends nothing twice.';
comment on column public.sms_messages.booking_id is 'The appointment this text is about, when it names one.';
comment on column public.sms_messages.read_at is 'When staff first opened the conversation after this inbound text arrived (null: unread).';
comment on column public.sms_messages.read_by is 'Who opened it.';

-- Texts the front desk has not read yet, per conversation.
create index sms_messages_unread_idx on public.sms_messages (clinic_id, patient_id)
  where direction = 'inbound' and read_at is null;

-- Before the inbox, inbound rows kept the keyword in body: carry it into keyword, and count
-- nothing received before today as unread.
update public.sms_messages
   set keyword = case when body in ('STOP', 'START', 'HELP') then body end,
       read_at = created_at
 where direction = 'inbound';

-- Staff mark a conversation read: every unread inbound text of the patient, as the person.
-- The number of texts marked, or -1 when the person is not a member of the clinic.
create or replace function public.inbox_mark_read(p_clinic_id uuid, p_patient_id uuid)
returns integer language plpgsql security definer set search_path = '' as $$
declare
  v_count integer;
begin
  if not private.require_member(p_clinic_id) then
    return -1;
  end if;
  update public.sms_messages m set read_at = now(), read_by = (select auth.uid())
   where m.clinic_id = p_clinic_id and m.patient_id = p_patient_id
     and m.direction = 'inbound' and m.read_at is null;
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;

-- A staff reply, recorded before it is handed to the SMS provider (status 'queued', sent_by the
-- person), so a reply is never sent unrecorded. Outcomes: queued (the new row, to be sent),
-- duplicate (this reply_key was already recorded: its row, nothing new), forbidden, not_found
-- (no such patient in the clinic), no_number (the patient has no number to text),
-- opted_out (the number replied STOP: never texted until it replies START).
create or replace function public.inbox_record_reply(
  p_clinic_id uuid, p_patient_id uuid, p_body text, p_reply_key uuid, p_provider text
) returns table (outcome text, message_id uuid, to_number text, from_number text, opted_out_at timestamptz)
language plpgsql security definer set search_path = '' as $$
declare
  v_phone text;
  v_clinic_phone text;
  v_opted timestamptz;
  v_existing public.sms_messages;
  v_id uuid;
begin
  if not private.require_member(p_clinic_id) then
    return query select 'forbidden'::text, null::uuid, null::text, null::text, null::timestamptz;
    return;
  end if;
  select m.* into v_existing from public.sms_messages m
   where m.reply_key = p_reply_key and m.clinic_id = p_clinic_id;
  if found then
    return query select 'duplicate'::text, v_existing.id, v_existing.to_number, v_existing.from_number, null::timestamptz;
    return;
  end if;
  select p.phone into v_phone from public.patients p where p.id = p_patient_id and p.clinic_id = p_clinic_id;
  if not found then
    return query select 'not_found'::text, null::uuid, null::text, null::text, null::timestamptz;
    return;
  end if;
  select c.phone_number into v_clinic_phone from public.clinics c where c.id = p_clinic_id;
  if v_phone is null or v_phone !~ '^\+[1-9][0-9]{7,14}$' or v_clinic_phone is null then
    return query select 'no_number'::text, null::uuid, null::text, null::text, null::timestamptz;
    return;
  end if;
  select o.opted_out_at into v_opted from public.sms_opt_outs o
   where o.clinic_id = p_clinic_id and o.phone_number = v_phone;
  if found then
    return query select 'opted_out'::text, null::uuid, null::text, null::text, v_opted;
    return;
  end if;
  insert into public.sms_messages as m (clinic_id, direction, to_number, from_number, body, provider,
                                        status, sent_by, reply_key, patient_id)
  values (p_clinic_id, 'outbound', v_phone, v_clinic_phone, p_body, p_provider, 'queued',
          (select auth.uid()), p_reply_key, p_patient_id)
  on conflict (reply_key) do nothing
  returning m.id into v_id;
  if v_id is null then
    -- The same reply recorded by a concurrent request a moment ago.
    select m.* into v_existing from public.sms_messages m where m.reply_key = p_reply_key;
    return query select 'duplicate'::text, v_existing.id, v_existing.to_number, v_existing.from_number, null::timestamptz;
    return;
  end if;
  return query select 'queued'::text, v_id, v_phone, v_clinic_phone, null::timestamptz;
end;
$$;

revoke all on function public.inbox_mark_read(uuid, uuid),
  public.inbox_record_reply(uuid, uuid, text, uuid, text) from public, anon;
grant execute on function public.inbox_mark_read(uuid, uuid),
  public.inbox_record_reply(uuid, uuid, text, uuid, text) to authenticated, service_role;

-- Live updates: every text written (received, sent, a delivery status, read, linked) is
-- announced on `clinic:<clinic_id>:inbox` as inbox_change with ids only; the inbox and the
-- unread count reload what they show, through RLS. SECURITY DEFINER like the diary's broadcast.
create or replace function private.broadcast_inbox_change() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform realtime.send(
    jsonb_build_object('clinicId', new.clinic_id, 'messageId', new.id, 'patientId', new.patient_id,
                       'direction', new.direction),
    'inbox_change', 'clinic:' || new.clinic_id || ':inbox', true);
  return null;
end;
$$;
revoke all on function private.broadcast_inbox_change() from public;
create trigger sms_messages_broadcast after insert or update of status, read_at, booking_id, provider_sid
  on public.sms_messages for each row execute function private.broadcast_inbox_change();

create policy "clinic staff receive inbox changes" on realtime.messages for select to authenticated
  using (
    realtime.messages.extension = 'broadcast'
    and (select realtime.topic()) like 'clinic:%:inbox'
    and split_part((select realtime.topic()), ':', 2) = any ((select private.member_clinic_ids())::text[])
  );

-- ─── supabase/migrations/20261201000500_redaction_values.sql ───────────────────────────────────

-- Redaction (issue 17): a keyword rule can also remove the value said after the keyword
-- ("my patient portal password is hunter2" -> "my [CUSTOM] is [CUSTOM]"), which is what a
-- credential keyword is for: the keyword alone was removed and the secret stored. Existing
-- rules whose keyword names a credential get it switched on; others keep their behaviour.

alter table public.redaction_rules
  add column redact_following boolean not null default false;
comment on column public.redaction_rules.redact_following is 'keyword rules: also remove the value said after the keyword (the next word, number or phrase, up to a pause).';

alter table public.redaction_rules
  add constraint redaction_rules_following_keyword check (not redact_following or kind = 'keyword');

update public.redaction_rules
   set redact_following = true
 where kind = 'keyword'
   and value ~* '(password|passcode|pass code|pin|security code|secret|code word|codeword|memorable word|security answer|login|username|user name)';

-- ─── supabase/migrations/20261201000600_check_availability_path.sql ────────────────────────────

-- check_availability loads the diary on every call (and every refused hold_slot loads it for
-- alternatives). Until now private.diary_rows rebuilt the clinic's whole schedule as JSON each
-- time: weekly hours, practitioners, rooms, appointment types and who performs them, about
-- 1.6 ms of the database's CPU per call for a clinic of 4 practitioners, while what is busy
-- (the part that really changes) took 0.03 ms.
--
-- Now the schedule is cached by the app (lib/diary/load.ts) under a stamp: every clinic has a
-- random `stamp` here, replaced in the same transaction as any change to what the schedule is
-- built from. private.diary_load takes the stamp the app holds and sends the schedule only when
-- it differs; the stamp is read in the same snapshot as everything else the call returns, so a
-- cached schedule is used only when the database has just confirmed nothing it depends on has
-- changed (never stale, whatever the timing of commits: no notification to wait for). A
-- transaction that changed the schedule sees its own new stamp, so it never gets the cached
-- one either. What changes by the minute is never cached: the clock, the overrides and
-- closures of the dates asked for, and the busy ranges (holds, appointments, blocks).

create table if not exists private.diary_schedule_stamps (
  clinic_id uuid primary key references public.clinics (id) on delete cascade,
  stamp uuid not null default gen_random_uuid()
);
comment on table private.diary_schedule_stamps is
  'Per clinic, a random stamp replaced whenever its schedule (weekly hours, practitioners, resources, appointment types and who performs them, procedures) changes; the app caches the schedule under it.';
revoke all on private.diary_schedule_stamps from public;
grant select on private.diary_schedule_stamps to authenticated, service_role;

insert into private.diary_schedule_stamps (clinic_id)
select c.id from public.clinics c
on conflict (clinic_id) do nothing;

create or replace function private.create_diary_schedule_stamp() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into private.diary_schedule_stamps (clinic_id) values (new.id) on conflict (clinic_id) do nothing;
  return null;
end;
$$;
drop trigger if exists clinics_diary_schedule_stamp on public.clinics;
create trigger clinics_diary_schedule_stamp after insert on public.clinics
  for each row execute function private.create_diary_schedule_stamp();

-- An update, never an insert: a clinic being deleted cascades to its rows (and its stamp) and
-- must not get a new stamp row on the way out.
create or replace function private.touch_diary_schedule() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_clinic_ids uuid[];
begin
  if tg_op = 'INSERT' then
    v_clinic_ids := array[new.clinic_id];
  elsif tg_op = 'DELETE' then
    v_clinic_ids := array[old.clinic_id];
  else
    v_clinic_ids := array[new.clinic_id, old.clinic_id];
  end if;
  update private.diary_schedule_stamps s set stamp = gen_random_uuid() where s.clinic_id = any (v_clinic_ids);
  return null;
end;
$$;

do $$
declare
  v_table text;
begin
  foreach v_table in array array['working_hours', 'practitioners', 'resources', 'appointment_types',
                                 'appointment_type_practitioners', 'procedures'] loop
    execute format('drop trigger if exists %I on public.%I', v_table || '_diary_schedule_stamp', v_table);
    execute format('create trigger %I after insert or update or delete on public.%I
                      for each row execute function private.touch_diary_schedule()',
                   v_table || '_diary_schedule_stamp', v_table);
  end loop;
end;
$$;

-- What availability is computed from, for one clinic and a time range, in one call
-- (lib/db/diary-load.ts, lib/diary/load.ts). First row: the clinic's current `stamp`; its
-- `schedule` as JSON (weekly hours of active practitioners, active practitioners, resources,
-- active appointment types of active procedures with the active practitioners who perform them,
-- none when the type's resource is inactive) only when `stamp` differs from p_schedule_stamp
-- (or there is none); and `dated`: the clinic's zone, notice and horizon, the database's clock,
-- and the overrides and closures on the clinic-local dates [p_from, p_to] touches, a day either
-- side. Each further row one busy range in [p_busy_from, p_busy_to) with buffers: live holds,
-- appointments, blocks (times as epoch milliseconds). No rows when the clinic is not visible to
-- the caller: SECURITY INVOKER, so RLS decides for staff (members read all of their clinic's
-- schedule, so a schedule cached for one reader is what any other member would read). STABLE:
-- every query in it reads the same snapshot, the stamp included. PL/pgSQL, so its plans are
-- cached per connection.
create or replace function private.diary_load(
  p_clinic_id uuid, p_from timestamptz, p_to timestamptz, p_busy_from timestamptz, p_busy_to timestamptz,
  p_schedule_stamp uuid
) returns table (stamp uuid, schedule json, dated json, busy_id uuid, busy_kind text, busy_practitioner_id uuid,
                busy_resource_id uuid, busy_start double precision, busy_end double precision,
                busy_starts_at double precision)
language plpgsql stable security invoker set search_path = '' as $$
declare
  v_clinic record;
  v_stamp uuid;
  v_schedule json;
  v_first date;
  v_last date;
begin
  select c.id, c.timezone, c.min_notice_minutes, c.horizon_days into v_clinic
    from public.clinics c where c.id = p_clinic_id;
  if not found then
    return;
  end if;
  select s.stamp into v_stamp from private.diary_schedule_stamps s where s.clinic_id = p_clinic_id;
  v_first := (p_from at time zone v_clinic.timezone)::date - 1;
  v_last := (p_to at time zone v_clinic.timezone)::date + 1;

  if v_stamp is null or v_stamp is distinct from p_schedule_stamp then
    v_schedule := json_build_object(
      'weeklyHours', coalesce((select json_agg(json_build_object(
                  'practitionerId', h.practitioner_id, 'weekday', h.weekday,
                  'opens', to_char(h.opens, 'HH24:MI:SS'), 'closes', to_char(h.closes, 'HH24:MI:SS'))
                  order by h.practitioner_id, h.weekday, h.opens)
                  from public.working_hours h join public.practitioners p on p.id = h.practitioner_id and p.active
                 where h.clinic_id = p_clinic_id), '[]'),
      'practitioners', coalesce((select json_agg(json_build_object('id', p.id, 'name', p.name, 'title', p.title) order by p.name)
                  from public.practitioners p where p.clinic_id = p_clinic_id and p.active), '[]'),
      'resources', coalesce((select json_agg(json_build_object('id', r.id, 'name', r.name, 'kind', r.kind, 'active', r.active)
                  order by r.name)
                  from public.resources r where r.clinic_id = p_clinic_id), '[]'),
      'types', coalesce((select json_agg(json_build_object(
                  'id', t.id, 'name', t.name, 'kind', t.kind, 'procedureId', t.procedure_id, 'procedureName', pr.name,
                  'durationMinutes', t.duration_minutes, 'bufferBeforeMinutes', t.buffer_before_minutes,
                  'bufferAfterMinutes', t.buffer_after_minutes, 'resourceId', t.resource_id,
                  'requiresConsultation', t.requires_consultation, 'confirmation', t.confirmation,
                  'practitionerIds',
                  case when t.resource_id is not null and not coalesce(r.active, false) then '[]'::json
                       else coalesce((select json_agg(a.practitioner_id order by a.practitioner_id)
                                        from public.appointment_type_practitioners a
                                        join public.practitioners p on p.id = a.practitioner_id and p.active
                                       where a.appointment_type_id = t.id), '[]') end)
                  order by pr.sort_order, pr.name,
                           array_position(array['consultation', 'treatment', 'surgery', 'review'], t.kind))
                  from public.appointment_types t
                  join public.procedures pr on pr.id = t.procedure_id and pr.active
                  left join public.resources r on r.id = t.resource_id
                 where t.clinic_id = p_clinic_id and t.active), '[]'));
  end if;

  return query select v_stamp, v_schedule, json_build_object(
      'id', v_clinic.id, 'timezone', v_clinic.timezone, 'minNoticeMinutes', v_clinic.min_notice_minutes,
      'horizonDays', v_clinic.horizon_days, 'now', extract(epoch from now()) * 1000,
      'overrides', coalesce((select json_agg(json_build_object(
                  'practitionerId', o.practitioner_id, 'date', to_char(o.on_date, 'YYYY-MM-DD'), 'kind', o.kind,
                  'opens', to_char(o.opens, 'HH24:MI:SS'), 'closes', to_char(o.closes, 'HH24:MI:SS'))
                  order by o.on_date, o.opens nulls first)
                  from public.schedule_overrides o
                 where o.clinic_id = p_clinic_id and o.on_date between v_first and v_last), '[]'),
      'closures', coalesce((select json_agg(json_build_object(
                  'startsOn', to_char(x.starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(x.ends_on, 'YYYY-MM-DD'),
                  'reason', x.reason) order by x.starts_on)
                  from public.clinic_closures x
                 where x.clinic_id = p_clinic_id and x.ends_on >= v_first and x.starts_on <= v_last), '[]')),
    null::uuid, null::text, null::uuid, null::uuid, null::float8, null::float8, null::float8;
  return query
    select null::uuid, null::json, null::json, r.id, r.kind, r.practitioner_id, r.resource_id,
           date_part('epoch', lower(r.occupied)) * 1000, date_part('epoch', upper(r.occupied)) * 1000,
           date_part('epoch', r.starts_at) * 1000
      from public.reservations r
     where r.clinic_id = p_clinic_id and r.occupied && tstzrange(p_busy_from, p_busy_to)
       and (r.kind <> 'hold' or r.held_until > now());
end;
$$;
revoke all on function private.diary_load(uuid, timestamptz, timestamptz, timestamptz, timestamptz, uuid) from public;
grant execute on function private.diary_load(uuid, timestamptz, timestamptz, timestamptz, timestamptz, uuid)
  to authenticated, service_role;

-- Replaced by private.diary_load.
drop function if exists private.diary_rows(uuid, timestamptz, timestamptz, timestamptz, timestamptz, uuid);

-- Every Vapi message starts the same way (lib/call-flow/context.ts): which clinic it is for,
-- its dedupe key (a duplicate stops there with the earlier answer), and the call's row. Those
-- were three round trips from the app before any handler ran, and on a loaded machine each
-- round trip, not the work in it, is what a tool call waits for; now they are one call. The
-- order inside is the lock order (docs/diary.md): the dedupe row, then the call's row.
-- Clinic: by the number called, then a clinic id from the assistant's metadata, then the
-- clinic of a call already recorded. No rows when no clinic matches. A duplicate answers
-- `duplicate` and the stored `response`, and touches no call. Otherwise the call: recorded or
-- updated (`p_create_call`: caller number, Twilio CallSid and assistant filled where empty, the
-- earliest start kept; locked either way, rewritten only when something is new), or only
-- looked up, or none without a Vapi call id. Runs as the
-- webhook's service role (SECURITY INVOKER); PL/pgSQL, so its plans are cached per connection
-- and each statement reads a fresh snapshot, as the three statements did.
create or replace function private.vapi_message_context(
  p_phone_number text, p_clinic_hint text, p_vapi_call_id text, p_dedupe_key text, p_message_type text,
  p_create_call boolean, p_caller_number text, p_twilio_call_sid text, p_assistant_id text, p_started_at timestamptz
) returns table (clinic_id uuid, clinic_name text, clinic_timezone text, clinic_phone_number text,
                clinic_vapi_assistant_id text, webhook_event_id bigint, duplicate boolean, response jsonb,
                call_id uuid, call_clinic_id uuid, call_state text, call_state_version integer,
                call_caller_number text)
language plpgsql security invoker set search_path = '' as $$
declare
  v_clinic record;
  v_event_id bigint;
  v_response jsonb;
  v_call_id uuid;
  v_call_clinic_id uuid;
  v_state text;
  v_version integer;
  v_caller text;
begin
  select c.id, c.name, c.timezone, c.phone_number, c.vapi_assistant_id into v_clinic
    from public.clinics c
   where (p_phone_number is not null and c.phone_number = p_phone_number)
      or (p_clinic_hint ~ '^[0-9a-f-]{36}$' and c.id = p_clinic_hint::uuid)
      or c.id = (select k.clinic_id from public.calls k where k.vapi_call_id = p_vapi_call_id)
   order by (c.phone_number = p_phone_number) desc nulls last
   limit 1;
  if not found then
    return;
  end if;

  insert into public.webhook_events (source, dedupe_key, message_type, clinic_id, external_call_id)
  values ('vapi', left(p_dedupe_key, 500), p_message_type, v_clinic.id, p_vapi_call_id)
  on conflict (source, dedupe_key) do nothing
  returning id into v_event_id;
  if v_event_id is null then
    select e.response into v_response from public.webhook_events e
     where e.source = 'vapi' and e.dedupe_key = left(p_dedupe_key, 500);
    return query select v_clinic.id, v_clinic.name, v_clinic.timezone, v_clinic.phone_number::text,
                        v_clinic.vapi_assistant_id, null::bigint, true, v_response,
                        null::uuid, null::uuid, null::text, null::integer, null::text;
    return;
  end if;

  if p_vapi_call_id is null then
    null; -- no call
  elsif p_create_call then
    insert into public.calls as k (clinic_id, vapi_call_id, caller_number, twilio_call_sid, assistant_id, started_at)
    values (v_clinic.id, p_vapi_call_id, p_caller_number, p_twilio_call_sid, p_assistant_id, p_started_at)
    on conflict (vapi_call_id) do update set
      caller_number = coalesce(k.caller_number, excluded.caller_number),
      twilio_call_sid = coalesce(k.twilio_call_sid, excluded.twilio_call_sid),
      assistant_id = coalesce(k.assistant_id, excluded.assistant_id),
      started_at = least(k.started_at, excluded.started_at)
    -- Most messages of a call bring nothing new: the row is then locked but not rewritten (no
    -- new row version, no triggers), and read below under that lock.
    where (k.caller_number is null and excluded.caller_number is not null)
       or (k.twilio_call_sid is null and excluded.twilio_call_sid is not null)
       or (k.assistant_id is null and excluded.assistant_id is not null)
       or (excluded.started_at < k.started_at)
       or (k.started_at is null and excluded.started_at is not null)
    returning k.id, k.clinic_id, k.state, k.state_version, k.caller_number
      into v_call_id, v_call_clinic_id, v_state, v_version, v_caller;
    if not found then
      select k.id, k.clinic_id, k.state, k.state_version, k.caller_number
        into v_call_id, v_call_clinic_id, v_state, v_version, v_caller
        from public.calls k where k.vapi_call_id = p_vapi_call_id;
    end if;
  else
    select k.id, k.clinic_id, k.state, k.state_version, k.caller_number
      into v_call_id, v_call_clinic_id, v_state, v_version, v_caller
      from public.calls k where k.clinic_id = v_clinic.id and k.vapi_call_id = p_vapi_call_id;
  end if;
  return query select v_clinic.id, v_clinic.name, v_clinic.timezone, v_clinic.phone_number::text,
                      v_clinic.vapi_assistant_id, v_event_id, false, null::jsonb,
                      v_call_id, v_call_clinic_id, v_state, v_version, v_caller;
end;
$$;
revoke all on function private.vapi_message_context(text, text, text, text, text, boolean, text, text, text, timestamptz)
  from public;
grant execute on function private.vapi_message_context(text, text, text, text, text, boolean, text, text, text, timestamptz)
  to service_role;

-- ─── supabase/migrations/20261201000700_diary_claim_fast_path.sql ──────────────────────────────

-- claim_slot_atomic with less work per claim, so a handful of callers at once (N = 10 in
-- `npm run bench -- hold`) no longer lose to the minimal `SELECT … FOR UPDATE` claim.
--
-- Each claim used to read the call and the offer in two statements (whole rows) and call
-- private.reservation_conflict twice and private.lock_diary once. reservation_conflict is a SQL function with
-- its own search_path, which PostgreSQL can neither inline nor keep a plan for: each call was
-- planned afresh (about 0.2 ms), and the winner of an uncontended claim paid it twice. Now:
--   * the call and its offer in one read, only the columns used;
--   * the overlap checks written out here, so PL/pgSQL keeps their plans per connection;
--   * the lock-free first check only when someone else holds the practitioner's lock (asked
--     with SKIP LOCKED): uncontended, the claim takes the lock at once and checks once under it;
--     contended, it checks without the lock first, so once a winner has committed every other
--     caller is answered without queueing (unchanged).
-- Unchanged: the contract (outcome held | taken | not_found | in_past | call_ended), the lock
-- order (the call's row, held by the caller; then the practitioner's row; then the resource's,
-- FOR NO KEY UPDATE), the check under the lock, the exclusion constraints underneath, and a
-- refusal releasing its locks at once (raised and caught inside the block).

create or replace function public.claim_slot_atomic(p_slot_id uuid, p_call_id uuid, p_hold_seconds integer default 90)
returns table (outcome text, slot_id uuid, held_until timestamptz)
language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
declare
  v_state text;
  v_call_clinic uuid;
  v_offer_id uuid;
  v_clinic uuid;
  v_offer_call uuid;
  v_expires timestamptz;
  v_starts timestamptz;
  v_ends timestamptz;
  v_practitioner uuid;
  v_resource uuid;
  v_occupied tstzrange;
  v_until timestamptz;
begin
  select c.state, c.clinic_id, o.id, o.clinic_id, o.call_id, o.expires_at, o.starts_at, o.ends_at,
         o.practitioner_id, o.resource_id, o.occupied
    into v_state, v_call_clinic, v_offer_id, v_clinic, v_offer_call, v_expires, v_starts, v_ends,
         v_practitioner, v_resource, v_occupied
    from public.calls c left join public.slot_offers o on o.id = p_slot_id
   where c.id = p_call_id;
  if not found or private.is_terminal_call_state(v_state) then
    return query select 'call_ended'::text, p_slot_id, null::timestamptz;
    return;
  end if;
  if v_offer_id is null or v_clinic <> v_call_clinic or v_offer_call <> p_call_id or v_expires <= now() then
    return query select 'not_found'::text, p_slot_id, null::timestamptz;
    return;
  end if;
  if v_starts <= now() then
    return query select 'in_past'::text, p_slot_id, null::timestamptz;
    return;
  end if;

  -- The practitioner's lock at once when nobody holds it (uncontended: one check, under it).
  perform 1 from public.practitioners p where p.id = v_practitioner for no key update skip locked;
  if not found then
    -- Contended. Without a lock first: once a claim over this range has committed, every other
    -- caller sees it here and is answered at once instead of queueing on the practitioner's
    -- lock. Reading "taken" can only be wrong towards refusing a time freed an instant ago,
    -- never towards a double hold.
    if exists (select 1 from public.reservations r
                where r.occupied && v_occupied
                  and (r.practitioner_id = v_practitioner or (v_resource is not null and r.resource_id = v_resource))
                  and (r.kind <> 'hold' or (r.held_until > now() and r.call_id <> p_call_id))) then
      return query select 'taken'::text, p_slot_id, null::timestamptz;
      return;
    end if;
    perform 1 from public.practitioners p where p.id = v_practitioner for no key update;
  end if;
  if v_resource is not null then
    perform 1 from public.resources r where r.id = v_resource for no key update;
  end if;

  -- Under the locks: the check that decides.
  if exists (select 1 from public.reservations r
              where r.occupied && v_occupied
                and (r.practitioner_id = v_practitioner or (v_resource is not null and r.resource_id = v_resource))
                and (r.kind <> 'hold' or (r.held_until > now() and r.call_id <> p_call_id))) then
    -- Caught below: rolling the block back releases the locks just taken.
    raise exception using errcode = 'CW409', message = 'taken';
  end if;

  -- Expired holds over the range (so the exclusion constraints never meet one), then the
  -- call's previous hold (a call holds one time): two statements, each on its own index.
  delete from public.reservations r
   where r.occupied && v_occupied
     and (r.practitioner_id = v_practitioner or (v_resource is not null and r.resource_id = v_resource))
     and r.kind = 'hold' and r.held_until <= now();
  delete from public.reservations r where r.kind = 'hold' and r.call_id = p_call_id;
  v_until := now() + make_interval(secs => p_hold_seconds);
  insert into public.reservations (clinic_id, kind, practitioner_id, resource_id, starts_at, ends_at, occupied,
                                   call_id, held_until, offer_id)
  values (v_clinic, 'hold', v_practitioner, v_resource, v_starts, v_ends, v_occupied, p_call_id, v_until, v_offer_id);
  return query select 'held'::text, p_slot_id, v_until;
exception
  -- Taken under lock, or the exclusion constraints caught something overlapping that was held,
  -- booked or blocked: either way the block's locks are released with it.
  when sqlstate 'CW409' or exclusion_violation then
    return query select 'taken'::text, p_slot_id, null::timestamptz;
end;
$$;

-- ─── supabase/migrations/20261201000750_call_manage_link.sql ───────────────────────────────────

-- A manage link asked for on a call (find_appointments with sendManageLink) becomes a durable
-- appointment text, planned in the call's webhook transaction and sent by the reminders worker,
-- like the answer to a "2" reply. It used to be sent from inside the webhook: a webhook
-- transaction retried after a serialization or lock conflict sent it twice, and a crash between
-- the send and its record lost the record. Now a rolled-back webhook plans nothing, and the
-- worker sends each planned text once or marks it failed.
alter table public.appointment_texts drop constraint appointment_texts_kind_check;
alter table public.appointment_texts add constraint appointment_texts_kind_check
  check (kind in ('confirmation', 'reminder_24h', 'reminder_2h', 'reply_confirmed', 'reply_manage_link', 'call_manage_link'));
comment on column public.appointment_texts.kind is 'confirmation (made or moved, with a calendar link), reminder_24h, reminder_2h, reply_confirmed (answer to "1"/YES), reply_manage_link (answer to "2") or call_manage_link (asked for on a call, texted to the number on file).';

-- ─── supabase/migrations/20261201000760_waitlist.sql ───────────────────────────────────────────

-- The waitlist (issue 15): a patient with an appointment asks to be told of an earlier time (on a
-- call, the assistant's join_waitlist; on their manage link page). When an appointment of the
-- same type is cancelled or moved away from a future time, the time it frees is an opening: the
-- waiting patients whose appointment of that type is later than it are texted in the order they
-- joined (at most three per opening), each with a manage link on which that time is offered; the
-- first to take it has their appointment moved onto it by manage_reschedule_atomic (the same
-- locks and exclusion constraints as every move), and the others are told it has gone. A move
-- frees the winner's old time, which is an opening in turn. docs/appointment-changes.md.

create table public.waitlist_entries (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  booking_id uuid not null,
  source text not null check (source in ('call', 'link', 'staff')),
  status text not null default 'waiting' check (status in ('waiting', 'moved', 'left', 'closed')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, clinic_id),
  foreign key (booking_id, clinic_id) references public.bookings (id, clinic_id) on delete cascade
);
create unique index waitlist_entries_waiting_once on public.waitlist_entries (booking_id) where status = 'waiting';
create index waitlist_entries_queue_idx on public.waitlist_entries (clinic_id, created_at) where status = 'waiting';
create trigger waitlist_entries_touch before update on public.waitlist_entries
  for each row execute function private.touch_updated_at();
comment on table public.waitlist_entries is 'Patients waiting for an earlier time for one of their appointments; offered openings in the order they joined.';
comment on column public.waitlist_entries.id is 'Primary key.';
comment on column public.waitlist_entries.clinic_id is 'The clinic.';
comment on column public.waitlist_entries.booking_id is 'The appointment the patient would like earlier (its type decides which openings match).';
comment on column public.waitlist_entries.source is 'Where they joined: call (the assistant), link (their manage page) or staff.';
comment on column public.waitlist_entries.status is 'waiting; moved (took an earlier time); left (asked to stop); closed (the appointment was cancelled, missed or took place).';
comment on column public.waitlist_entries.created_at is 'When they joined: their place in the queue.';
comment on column public.waitlist_entries.updated_at is 'When it last changed.';

alter table public.waitlist_entries enable row level security;
create policy "members read" on public.waitlist_entries for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.waitlist_entries from anon, authenticated;

create table public.waitlist_openings (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  freed_booking_id uuid,
  appointment_type_id uuid not null,
  practitioner_id uuid not null,
  resource_id uuid,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  occupied tstzrange not null,
  offered integer not null default 0 check (offered >= 0),
  taken_by uuid,
  created_at timestamptz not null default now(),
  unique (id, clinic_id),
  check (ends_at > starts_at),
  check (occupied @> tstzrange(starts_at, ends_at)),
  foreign key (freed_booking_id, clinic_id) references public.bookings (id, clinic_id) on delete set null (freed_booking_id),
  foreign key (appointment_type_id, clinic_id) references public.appointment_types (id, clinic_id) on delete cascade,
  foreign key (practitioner_id, clinic_id) references public.practitioners (id, clinic_id) on delete cascade,
  foreign key (resource_id, clinic_id) references public.resources (id, clinic_id) on delete cascade,
  foreign key (taken_by, clinic_id) references public.bookings (id, clinic_id) on delete set null (taken_by)
);
create index waitlist_openings_clinic_idx on public.waitlist_openings (clinic_id, created_at desc);
comment on table public.waitlist_openings is 'A future time freed by a cancellation or a move, and how many waiting patients were offered it.';
comment on column public.waitlist_openings.id is 'Primary key.';
comment on column public.waitlist_openings.clinic_id is 'The clinic.';
comment on column public.waitlist_openings.freed_booking_id is 'The appointment that was cancelled or moved away from it.';
comment on column public.waitlist_openings.appointment_type_id is 'Its type: only appointments of this type are offered it.';
comment on column public.waitlist_openings.practitioner_id is 'The practitioner the time is with.';
comment on column public.waitlist_openings.resource_id is 'The room or device it needs, if any.';
comment on column public.waitlist_openings.starts_at is 'Start of the freed time.';
comment on column public.waitlist_openings.ends_at is 'End of the freed time.';
comment on column public.waitlist_openings.occupied is 'What an appointment there occupies, buffers included.';
comment on column public.waitlist_openings.offered is 'How many waiting patients were texted about it (at most three).';
comment on column public.waitlist_openings.taken_by is 'The waiting patient''s appointment that moved onto it, if one did.';
comment on column public.waitlist_openings.created_at is 'When it was freed.';

alter table public.waitlist_openings enable row level security;
create policy "members read" on public.waitlist_openings for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.waitlist_openings from anon, authenticated;

-- The offer texts are appointment texts (sent once by the reminders worker); the time offered on
-- the manage page is a manage offer tied to the opening.
alter table public.appointment_texts drop constraint appointment_texts_kind_check;
alter table public.appointment_texts add constraint appointment_texts_kind_check
  check (kind in ('confirmation', 'reminder_24h', 'reminder_2h', 'reply_confirmed', 'reply_manage_link',
                  'call_manage_link', 'waitlist_offer'));
alter table public.appointment_texts
  add column waitlist_opening_id uuid references public.waitlist_openings (id) on delete cascade,
  add constraint appointment_texts_waitlist_opening check ((kind = 'waitlist_offer') = (waitlist_opening_id is not null));
create index appointment_texts_opening_idx on public.appointment_texts (waitlist_opening_id) where waitlist_opening_id is not null;
comment on column public.appointment_texts.kind is 'confirmation (made or moved, with a calendar link), reminder_24h, reminder_2h, reply_confirmed (answer to "1"/YES), reply_manage_link (answer to "2"), call_manage_link (asked for on a call, texted to the number on file) or waitlist_offer (an earlier time for a waiting patient).';
comment on column public.appointment_texts.waitlist_opening_id is 'For waitlist_offer: the freed time it offers.';

alter table public.manage_offers
  add column waitlist_opening_id uuid references public.waitlist_openings (id) on delete cascade;
create index manage_offers_opening_idx on public.manage_offers (waitlist_opening_id) where waitlist_opening_id is not null;
comment on column public.manage_offers.waitlist_opening_id is 'Set when the offer is a waitlist opening texted to the patient (shown first on their page).';

-- At most this many waiting patients are texted about one opening.
create or replace function private.waitlist_batch() returns integer language sql immutable as $$ select 3 $$;

-- A future time freed: record the opening and plan its offers to the first waiting patients
-- whose appointment of the same type is later than it, if the time is still free and beyond the
-- clinic's minimum notice (the offers are texted by the reminders worker, which checks again
-- that the time is free before each text). Runs in the transaction that freed the time.
create or replace function private.open_waitlist_time(p_booking public.bookings) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  v_type public.appointment_types;
  v_notice integer;
  v_occupied tstzrange;
  v_opening uuid;
  v_count integer;
begin
  if p_booking.appointment_type_id is null or p_booking.practitioner_id is null then
    return null;
  end if;
  select * into v_type from public.appointment_types t where t.id = p_booking.appointment_type_id;
  select c.min_notice_minutes into v_notice from public.clinics c where c.id = p_booking.clinic_id;
  if p_booking.starts_at <= now() + make_interval(mins => coalesce(v_notice, 0)) then
    return null;
  end if;
  -- Nobody waiting for this type: no opening worth recording.
  if not exists (
       select 1 from public.waitlist_entries e join public.bookings b on b.id = e.booking_id
        where e.clinic_id = p_booking.clinic_id and e.status = 'waiting'
          and b.appointment_type_id = p_booking.appointment_type_id) then
    return null;
  end if;
  v_occupied := tstzrange(p_booking.starts_at - make_interval(mins => v_type.buffer_before_minutes),
                          p_booking.ends_at + make_interval(mins => v_type.buffer_after_minutes));
  insert into public.waitlist_openings (clinic_id, freed_booking_id, appointment_type_id, practitioner_id, resource_id,
                                        starts_at, ends_at, occupied)
  values (p_booking.clinic_id, p_booking.id, p_booking.appointment_type_id, p_booking.practitioner_id,
          p_booking.resource_id, p_booking.starts_at, p_booking.ends_at, v_occupied)
  returning id into v_opening;
  insert into public.appointment_texts (clinic_id, booking_id, kind, appointment_starts_at, to_number, due_by,
                                        waitlist_opening_id)
  select b.clinic_id, b.id, 'waitlist_offer', b.starts_at, b.patient_phone,
         least(now() + interval '30 minutes', p_booking.starts_at), v_opening
    from public.waitlist_entries e
    join public.bookings b on b.id = e.booking_id
   where e.clinic_id = p_booking.clinic_id and e.status = 'waiting'
     and b.id <> p_booking.id
     and b.appointment_type_id = p_booking.appointment_type_id
     and b.status in ('pending', 'confirmed') and b.starts_at > p_booking.starts_at
     and b.patient_phone is not null
   order by e.created_at, e.id
   limit private.waitlist_batch();
  get diagnostics v_count = row_count;
  update public.waitlist_openings set offered = v_count where id = v_opening;
  return v_opening;
end;
$$;
revoke all on function private.open_waitlist_time(public.bookings) from public;

create or replace function private.on_booking_waitlist() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  -- The appointment is over for the waitlist: cancelled, missed, or the patient came.
  if new.status in ('cancelled', 'no_show', 'arrived', 'completed') and new.status <> old.status then
    update public.waitlist_entries e set status = 'closed' where e.booking_id = new.id and e.status = 'waiting';
  end if;
  -- A live future time given up: cancelled, or moved to another time or practitioner.
  if old.status in ('pending', 'confirmed') and old.starts_at > now()
     and (new.status = 'cancelled'
          or (new.status in ('pending', 'confirmed')
              and (new.starts_at <> old.starts_at or new.practitioner_id is distinct from old.practitioner_id))) then
    perform private.open_waitlist_time(old);
  end if;
  return null;
end;
$$;
create trigger bookings_waitlist after update of starts_at, practitioner_id, status on public.bookings
  for each row execute function private.on_booking_waitlist();

-- Joins the waitlist for an appointment (idempotent: one waiting entry per appointment).
--   outcome: waiting | already_waiting | not_found | not_allowed (not pending/confirmed, or started)
create or replace function public.join_waitlist(p_clinic_id uuid, p_booking_id uuid, p_source text)
returns text language plpgsql security definer set search_path = '' as $$
declare
  v_booking public.bookings;
begin
  select * into v_booking from public.bookings b where b.id = p_booking_id and b.clinic_id = p_clinic_id;
  if not found then
    return 'not_found';
  end if;
  if v_booking.status not in ('pending', 'confirmed') or v_booking.starts_at <= now() then
    return 'not_allowed';
  end if;
  insert into public.waitlist_entries (clinic_id, booking_id, source)
  values (p_clinic_id, p_booking_id, p_source)
  on conflict (booking_id) where status = 'waiting' do nothing;
  return case when found then 'waiting' else 'already_waiting' end;
end;
$$;
revoke all on function public.join_waitlist(uuid, uuid, text) from public, anon, authenticated;
grant execute on function public.join_waitlist(uuid, uuid, text) to service_role;

-- A waitlist offer taken on the manage page, after manage_reschedule_atomic moved the
-- appointment onto it in the same transaction (the move deletes the appointment's offers, so the
-- caller passes the opening it read before): the opening records who took it and the patient's
-- entry is done.
create or replace function public.waitlist_offer_taken(p_opening_id uuid, p_booking_id uuid) returns void
language sql security definer set search_path = '' as $$
  update public.waitlist_openings set taken_by = p_booking_id where id = p_opening_id;
  update public.waitlist_entries set status = 'moved' where booking_id = p_booking_id and status = 'waiting';
$$;
revoke all on function public.waitlist_offer_taken(uuid, uuid) from public, anon, authenticated;
grant execute on function public.waitlist_offer_taken(uuid, uuid) to service_role;

-- Whether a waitlist time is still free (no live hold, appointment or block on its practitioner
-- or resource): checked before each offer text and on the manage page.
create or replace function public.waitlist_time_free(p_practitioner_id uuid, p_resource_id uuid, p_occupied tstzrange)
returns boolean language sql stable security definer set search_path = '' as $$
  select not exists (select 1 from private.reservation_conflict(p_practitioner_id, p_resource_id, p_occupied, null, null));
$$;
revoke all on function public.waitlist_time_free(uuid, uuid, tstzrange) from public, anon, authenticated;
grant execute on function public.waitlist_time_free(uuid, uuid, tstzrange) to service_role;

-- ─── supabase/migrations/20261201000770_early_sms_reports.sql ──────────────────────────────────

-- Delivery reports that arrive before their text is recorded. We record an outbound text after
-- Twilio accepted it (its MessageSid is in Twilio's answer), and Twilio can call the status
-- callback before that record commits: the report found no row and was lost, so the inbox showed
-- "queued" for a delivered text for ever. Now such a report is kept here and applied when the
-- text with that MessageSid is recorded. A per-MessageSid advisory lock taken by both sides means
-- one of them always sees the other: the report either updates the row or is kept for it.

create table private.sms_status_early (
  provider_sid text not null check (length(provider_sid) <= 64),
  status text not null,
  error_code integer,
  received_at timestamptz not null default now(),
  primary key (provider_sid, status)
);
create index sms_status_early_received_idx on private.sms_status_early (received_at);
comment on table private.sms_status_early is 'Twilio status callbacks that came before their text was recorded; applied when it is (kept a day at most).';

-- Lifecycle order of Twilio statuses (lib/twilio/sms-status.ts): a status only moves forward,
-- and read, undelivered, failed and canceled are final.
create or replace function private.sms_status_rank(p_status text) returns integer
language sql immutable set search_path = '' as $$
  select case p_status
    when 'scheduled' then 0 when 'accepted' then 1 when 'queued' then 2 when 'sending' then 3
    when 'sent' then 4 when 'delivered' then 5 when 'undelivered' then 5 when 'failed' then 5
    when 'canceled' then 5 when 'read' then 6 else -1 end;
$$;

create or replace function private.sms_status_lock(p_sid text) returns void
language sql set search_path = '' as $$
  select pg_advisory_xact_lock(hashtextextended('sms-status:' || p_sid, 0));
$$;

-- A status callback: applied to the text with that MessageSid if it may advance it (p_from: the
-- statuses it may follow); kept for later when no text has that MessageSid yet. Returns the text's
-- clinic and number when it changed it.
create or replace function public.apply_sms_status(p_sid text, p_status text, p_from text[], p_error integer)
returns table (clinic_id uuid, to_number text)
language plpgsql security definer set search_path = '' as $$
begin
  perform private.sms_status_lock(p_sid);
  return query
    update public.sms_messages m set status = p_status, error_code = coalesce(p_error, m.error_code),
           delivered_at = case when p_status in ('delivered', 'read') then coalesce(m.delivered_at, now()) else m.delivered_at end
     where m.provider_sid = p_sid and m.status = any(p_from)
     returning m.clinic_id, m.to_number;
  if found then
    return;
  end if;
  -- A new statement under the lock: sees a text recorded by a transaction that held it.
  if not exists (select 1 from public.sms_messages m where m.provider_sid = p_sid) then
    delete from private.sms_status_early e where e.received_at < now() - interval '1 day';
    insert into private.sms_status_early (provider_sid, status, error_code)
    values (p_sid, p_status, p_error)
    on conflict do nothing;
  end if;
end;
$$;
revoke all on function public.apply_sms_status(text, text, text[], integer) from public, anon, authenticated;
grant execute on function public.apply_sms_status(text, text, text[], integer) to service_role;

-- A text recorded (or given its MessageSid): the furthest report that came early, if it may
-- advance the text's status.
create or replace function private.on_sms_recorded() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_early private.sms_status_early;
begin
  perform private.sms_status_lock(new.provider_sid);
  select * into v_early from private.sms_status_early e
   where e.provider_sid = new.provider_sid
   order by private.sms_status_rank(e.status) desc limit 1;
  if not found then
    return null;
  end if;
  update public.sms_messages m set status = v_early.status, error_code = coalesce(v_early.error_code, m.error_code),
         delivered_at = case when v_early.status in ('delivered', 'read') then coalesce(m.delivered_at, v_early.received_at) else m.delivered_at end
   where m.id = new.id
     and m.status not in ('read', 'undelivered', 'failed', 'canceled')
     and private.sms_status_rank(v_early.status) > private.sms_status_rank(m.status);
  delete from private.sms_status_early e where e.provider_sid = new.provider_sid;
  return null;
end;
$$;
create trigger sms_messages_early_status after insert or update of provider_sid on public.sms_messages
  for each row when (new.direction = 'outbound' and new.provider_sid is not null)
  execute function private.on_sms_recorded();

-- ─── supabase/migrations/20261201000800_privacy.sql ────────────────────────────────────────────

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

-- ─── supabase/migrations/20261201000810_access_log.sql ─────────────────────────────────────────

-- Who opened what (issue 16): an append-only record of staff opening a call (with its
-- transcript) or a patient's page, read by the clinic's admins only (Admin → Privacy).
--
-- Nobody writes it directly: public.record_access, run in the same transaction as the read it
-- records, appends one row as the signed-in person (their id and email from the session) for a
-- call or patient of a clinic they belong to, and refuses anything else. Rows are never
-- changed; the retention purge does not touch them. Opening the same thing again within a
-- minute (a page refreshing) is one row.

create table public.access_log (
  id bigint generated always as identity primary key,
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  actor_id uuid not null,
  actor_email text check (length(actor_email) <= 320),
  subject text not null check (subject in ('call', 'patient')),
  subject_id uuid not null,
  at timestamptz not null default now()
);
create index access_log_clinic_at_idx on public.access_log (clinic_id, at desc);
create index access_log_subject_idx on public.access_log (clinic_id, subject, subject_id, at desc);
create index access_log_actor_idx on public.access_log (clinic_id, actor_id, at desc);
create trigger access_log_append_only before update on public.access_log
  for each row execute function private.forbid_update();
comment on table public.access_log is 'Append-only: which staff member opened which call or patient, when; written only by public.record_access, read by the clinic''s admins.';
comment on column public.access_log.id is 'Primary key, in order of writing.';
comment on column public.access_log.clinic_id is 'The clinic whose call or patient was opened.';
comment on column public.access_log.actor_id is 'The signed-in staff member (auth.uid()).';
comment on column public.access_log.actor_email is 'Their email as the session carried it, so the log reads without auth.users.';
comment on column public.access_log.subject is 'call (its page, with the transcript) or patient (their page).';
comment on column public.access_log.subject_id is 'The call''s or patient''s id.';
comment on column public.access_log.at is 'When it was opened.';

alter table public.access_log enable row level security;
create policy "admins read" on public.access_log for select to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.access_log from anon, authenticated;

create or replace function public.record_access(p_clinic_id uuid, p_subject text, p_subject_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
declare
  v_actor uuid := (select auth.uid());
begin
  if v_actor is null or not (p_clinic_id = any (private.member_clinic_ids())) then
    raise exception 'not a member of this clinic' using errcode = '42501';
  end if;
  if not (case p_subject
            when 'call' then exists (select 1 from public.calls c where c.id = p_subject_id and c.clinic_id = p_clinic_id)
            when 'patient' then exists (select 1 from public.patients p where p.id = p_subject_id and p.clinic_id = p_clinic_id)
            else false
          end) then
    raise exception 'no such % in this clinic', p_subject using errcode = '22023';
  end if;
  if exists (select 1 from public.access_log a
              where a.clinic_id = p_clinic_id and a.subject = p_subject and a.subject_id = p_subject_id
                and a.actor_id = v_actor and a.at > now() - interval '1 minute') then
    return;
  end if;
  insert into public.access_log (clinic_id, actor_id, actor_email, subject, subject_id)
  values (p_clinic_id, v_actor, left((select auth.email()), 320), p_subject, p_subject_id);
end;
$$;
comment on function public.record_access(uuid, text, uuid) is 'Appends to access_log as the signed-in member: a call or patient of their clinic; refuses others (42501) and unknown subjects (22023).';
revoke all on function public.record_access(uuid, text, uuid) from public, anon;
grant execute on function public.record_access(uuid, text, uuid) to authenticated;

-- ─── supabase/migrations/20261201000900_opening_hours.sql ──────────────────────────────────────

-- The clinic's own opening hours (issue 18): when the front desk answers the phone, as weekly
-- clinic-local intervals, several a day (09:00–13:00, 14:00–18:00). Closures stay where the
-- diary keeps them (clinic_closures): a closed day closes the front desk too. The current state
-- ("open until 17:00", "closed until Monday 09:00") is computed from these in the clinic's time
-- zone (lib/hours/opening.ts), never stored. Members read; admins write; audited.
--
-- Until now the hours lived in clinics.settings.hours ({"mon": ["09:00", "17:00"], ...}, one
-- interval a day); existing clinics keep them as their first weekly hours. settings.hours is
-- left as it was (nothing reads it any more).

create table public.opening_hours (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  weekday smallint not null check (weekday between 1 and 7),
  opens time not null,
  closes time not null,
  created_at timestamptz not null default now(),
  check (closes > opens),
  constraint opening_hours_no_overlap exclude using gist (
    clinic_id with =, weekday with =,
    tsrange(date '2000-01-03' + opens, date '2000-01-03' + closes) with &&
  )
);
create index opening_hours_clinic_idx on public.opening_hours (clinic_id, weekday, opens);
comment on table public.opening_hours is 'When the clinic''s front desk is open: weekly intervals in the clinic''s time zone, several a day. Closures (clinic_closures) close it for whole days.';
comment on column public.opening_hours.id is 'Primary key.';
comment on column public.opening_hours.clinic_id is 'The clinic.';
comment on column public.opening_hours.weekday is 'ISO weekday: 1 Monday … 7 Sunday.';
comment on column public.opening_hours.opens is 'Opening time (clinic-local wall clock).';
comment on column public.opening_hours.closes is 'Closing time (after opens; 24:00 is the next midnight; intervals do not cross midnight).';
comment on column public.opening_hours.created_at is 'When it was added.';

alter table public.opening_hours enable row level security;
create policy "members read" on public.opening_hours for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.opening_hours for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.opening_hours for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.opening_hours for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

create trigger opening_hours_audit after insert or update or delete on public.opening_hours
  for each row execute function private.audit_row_change('clinic_id');

-- Existing clinics: settings.hours, one interval a day; a day without a pair of valid times, or
-- that closes before it opens, is closed.
insert into public.opening_hours (clinic_id, weekday, opens, closes)
select c.id, d.weekday, (c.settings -> 'hours' -> d.key ->> 0)::time, (c.settings -> 'hours' -> d.key ->> 1)::time
from public.clinics c
cross join (values ('mon', 1), ('tue', 2), ('wed', 3), ('thu', 4), ('fri', 5), ('sat', 6), ('sun', 7)) as d (key, weekday)
where jsonb_typeof(c.settings -> 'hours' -> d.key) = 'array'
  and (c.settings -> 'hours' -> d.key ->> 0) ~ '^([01]\d|2[0-3]):[0-5]\d$'
  and (c.settings -> 'hours' -> d.key ->> 1) ~ '^(([01]\d|2[0-3]):[0-5]\d|24:00)$'
  and (c.settings -> 'hours' -> d.key ->> 1)::time > (c.settings -> 'hours' -> d.key ->> 0)::time;

-- ─── supabase/migrations/20261201000910_after_hours_and_urgent_calls.sql ───────────────────────

-- After hours and urgent calls (issue 18). Per clinic: what Voxanne does while the front desk
-- is closed (take a message, book only, or both), the local emergency number, and an on-call
-- rota (who is on call which nights, each with a number). Per call: whether it was urgent (a
-- post-operative concern) or an emergency, which signs were recognised (categories, never the
-- caller's words), and where a transfer went and how it ended. Per call-back task: the message
-- taken (redacted) and its urgency.
--
-- A night runs from noon on a clinic-local date to noon the next day (lib/hours/opening.ts
-- `nightOf`), so 23:00 Monday and 03:00 Tuesday are both Monday night. A night with nobody on
-- the rota is allowed (the editor warns): urgent callers are then told to call the emergency
-- number, a call-back task is opened and staff are texted.

alter table public.clinics
  add column after_hours_mode text not null default 'both'
    check (after_hours_mode in ('message', 'book', 'both')),
  add column emergency_number text not null default '911'
    check (emergency_number ~ '^[0-9]{2,4}$');
comment on column public.clinics.after_hours_mode is 'What Voxanne does while the front desk is closed: message (take a message), book (book appointments only), both.';
comment on column public.clinics.emergency_number is 'The local emergency number callers with emergency signs are told to call first (911, 999, 112).';

-- Existing clinics: the emergency number of their country, by time zone.
update public.clinics set emergency_number = case
  when timezone in ('Europe/London', 'Europe/Belfast', 'Europe/Guernsey', 'Europe/Jersey', 'Europe/Isle_of_Man') then '999'
  when timezone = 'Europe/Dublin' then '112'
  when timezone like 'Europe/%' then '112'
  when timezone like 'Australia/%' then '000'
  else '911' end;

create table public.on_call_rota (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  weekday smallint not null check (weekday between 1 and 7),
  clinician_name text not null check (length(btrim(clinician_name)) between 1 and 80),
  phone_number public.e164 not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (clinic_id, weekday)
);
create trigger on_call_rota_touch before update on public.on_call_rota
  for each row execute function private.touch_updated_at();
comment on table public.on_call_rota is 'Who is on call which nights: urgent post-operative calls outside opening hours are put through to them.';
comment on column public.on_call_rota.id is 'Primary key.';
comment on column public.on_call_rota.clinic_id is 'The clinic.';
comment on column public.on_call_rota.weekday is 'The night that starts on this ISO weekday (1 Monday … 7 Sunday), noon to noon, clinic-local.';
comment on column public.on_call_rota.clinician_name is 'The clinician on call, as staff and the assistant name them.';
comment on column public.on_call_rota.phone_number is 'Their number (E.164); urgent calls are transferred there.';
comment on column public.on_call_rota.created_at is 'When it was added.';
comment on column public.on_call_rota.updated_at is 'When it was last changed.';

alter table public.on_call_rota enable row level security;
create policy "members read" on public.on_call_rota for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.on_call_rota for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.on_call_rota for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.on_call_rota for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create trigger on_call_rota_audit after insert or update or delete on public.on_call_rota
  for each row execute function private.audit_row_change('clinic_id');

alter table public.calls
  add column urgency text check (urgency in ('urgent', 'emergency')),
  add column urgent_signs text[] not null default '{}'
    check (urgent_signs <@ array['bleeding', 'fever', 'severe_pain', 'breathing', 'wound_opening', 'chest_pain']::text[]),
  add column urgent_at timestamptz,
  add column transfer_target text check (transfer_target in ('front_desk', 'on_call')),
  add column transfer_outcome text
    check (transfer_outcome in ('requested', 'refused', 'transferred', 'unanswered')),
  add constraint calls_urgency_consistent check ((urgency is null) = (urgent_at is null));
comment on column public.calls.urgency is 'urgent (a post-operative concern) or emergency (signs to call the emergency number for); null for an ordinary call.';
comment on column public.calls.urgent_signs is 'What was recognised, as categories (bleeding, fever, severe_pain, breathing, wound_opening, chest_pain); never the caller''s words.';
comment on column public.calls.urgent_at is 'When the call was first flagged urgent.';
comment on column public.calls.transfer_target is 'Where a transfer was chosen to go: front_desk or on_call.';
comment on column public.calls.transfer_outcome is 'requested (a destination was chosen), refused (nobody to transfer to), transferred (Vapi put the call through), unanswered (nobody answered; back to Voxanne).';
create index calls_urgent_idx on public.calls (clinic_id, urgent_at desc) where urgent_at is not null;

alter table public.callback_tasks
  add column message text check (length(message) <= 2000),
  add column urgency text not null default 'routine' check (urgency in ('routine', 'urgent'));
comment on column public.callback_tasks.message is 'The message the caller left, redacted with the clinic''s rules; null when none was taken.';
comment on column public.callback_tasks.urgency is 'routine, or urgent (a post-operative concern: call back first).';

-- The live board shows whether a call is urgent, and where a transfer went.
create or replace function private.call_board_payload(p_call_id uuid) returns jsonb
language sql stable security invoker set search_path = '' as $$
  select jsonb_build_object(
    'callId', c.id,
    'revision', c.revision,
    'state', c.state,
    'stateVersion', c.state_version,
    'outcome', c.outcome,
    'callerLast4', right(regexp_replace(coalesce(c.caller_number, ''), '\D', '', 'g'), 4),
    'callerName', c.caller_name,
    'procedures', coalesce((select jsonb_agg(p.name order by p.sort_order) from public.procedures p
                             where p.id = any (c.procedures_of_interest)), '[]'::jsonb),
    'startedAt', coalesce(c.started_at, c.created_at),
    'answeredAt', c.answered_at,
    'endedAt', c.ended_at,
    'lastTurnLatencyMs', c.last_turn_latency_ms,
    'transferredTo', c.transferred_to,
    'urgency', c.urgency,
    'urgentSigns', to_jsonb(c.urgent_signs),
    'transferOutcome', c.transfer_outcome,
    'heldSlot', (select jsonb_build_object('slotId', r.offer_id, 'startsAt', r.starts_at, 'heldUntil', r.held_until,
                                           'practitioner', pr.name)
                   from public.reservations r join public.practitioners pr on pr.id = r.practitioner_id
                  where r.call_id = c.id and r.kind = 'hold'
                  order by r.held_until desc limit 1)
  )
  from public.calls c where c.id = p_call_id;
$$;

-- Staff are texted about every urgent call (a durable follow-up like the others, sent by the
-- same worker from the clinic's number): to the on-call clinician of the night while the front
-- desk is closed, else to the front desk. Such a text belongs to the call, not to a hand-off
-- (the call is still going on).
alter table public.follow_ups drop constraint follow_ups_kind_check;
alter table public.follow_ups add constraint follow_ups_kind_check
  check (kind in ('aftercare', 'cut_off', 'booking_confirmation', 'urgent_alert'));
alter table public.follow_ups alter column handoff_id drop not null;
alter table public.follow_ups add constraint follow_ups_handoff_unless_alert
  check (handoff_id is not null or kind = 'urgent_alert');
comment on column public.follow_ups.handoff_id is 'The hand-off that owes it; null only for an urgent_alert (sent while the call is live).';

-- ─── supabase/migrations/20261201000920_missed_call_texts.sql ──────────────────────────────────

-- Missed-call texts (issue 18): a call that ended before anything was done for the caller
-- (never answered, or failed, with no booking, no procedure discussed, no message, no transfer)
-- gets one text offering a call back, at most once per number per clinic-local day, never to
-- a number that opted out. A durable follow-up like the others (lib/follow-up).
alter table public.follow_ups drop constraint follow_ups_kind_check;
alter table public.follow_ups add constraint follow_ups_kind_check
  check (kind in ('aftercare', 'cut_off', 'booking_confirmation', 'urgent_alert', 'missed_call'));
create index follow_ups_missed_call_idx on public.follow_ups (clinic_id, to_number, created_at)
  where kind = 'missed_call';

-- ─── supabase/migrations/20261201001000_patient_requests.sql ───────────────────────────────────

-- Requests from patients (issue 16): admins find everything the clinic holds about a phone
-- number or a patient, export it, and erase it. docs/data-flow.md ("Requests from patients").
--
-- The work is done here, in two security-definer functions that check the caller is an admin of
-- the clinic, so an export and an erasure are each one transaction, and what is searched is
-- exactly what is erased. Which tables and columns hold identifiers is listed once, in
-- lib/privacy/registry.ts; a test compares it with the catalog, and another with the keys the
-- search returns.
--
-- The opt-out list keeps working after an erasure: every opt-out carries a keyed hash of its
-- number (HMAC-SHA-256 with a per-clinic key held in private.clinic_keys), the erasure removes
-- the number and keeps the hash, and every send path asks public.sms_opted_out, which compares
-- hashes. An erased number that texts START again is let go by its hash too.

-- Per-clinic keys for the keyed hashes; never leave the database.
create table private.clinic_keys (
  clinic_id uuid primary key references public.clinics (id) on delete cascade,
  hash_key bytea not null default extensions.gen_random_bytes(32)
);
comment on table private.clinic_keys is 'Per-clinic secret for keyed hashes of phone numbers (erased opt-outs, privacy requests).';
revoke all on private.clinic_keys from public;
insert into private.clinic_keys (clinic_id) select id from public.clinics on conflict do nothing;

create or replace function private.add_clinic_key() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into private.clinic_keys (clinic_id) values (new.id) on conflict do nothing;
  return null;
end;
$$;
revoke all on function private.add_clinic_key() from public;
create trigger clinics_add_key after insert on public.clinics
  for each row execute function private.add_clinic_key();

-- The keyed hash of a number (or any subject) for a clinic: 64 hex digits.
create or replace function private.subject_hash(p_clinic_id uuid, p_value text)
returns text language sql stable security definer set search_path = '' as $$
  select encode(extensions.hmac(convert_to(p_value, 'UTF8'), k.hash_key, 'sha256'), 'hex')
    from private.clinic_keys k where k.clinic_id = p_clinic_id
$$;
revoke all on function private.subject_hash(uuid, text) from public;

-- Opt-outs: the hash beside the number; the number may go (erasure), the hash stays.
alter table public.sms_opt_outs add column phone_hash text;
update public.sms_opt_outs set phone_hash = private.subject_hash(clinic_id, phone_number);
alter table public.sms_opt_outs alter column phone_hash set not null;
alter table public.sms_opt_outs add constraint sms_opt_outs_phone_hash_check check (phone_hash ~ '^[0-9a-f]{64}$');
alter table public.sms_opt_outs drop constraint sms_opt_outs_pkey;
alter table public.sms_opt_outs add primary key (clinic_id, phone_hash);
alter table public.sms_opt_outs alter column phone_number drop not null;
alter table public.sms_opt_outs add constraint sms_opt_outs_number_key unique (clinic_id, phone_number);
comment on column public.sms_opt_outs.phone_number is 'The opted-out number; null once the patient''s data was erased (the hash still stops texts).';
comment on column public.sms_opt_outs.phone_hash is 'HMAC-SHA-256 of the number with the clinic''s key: what send paths compare, so an erased number stays opted out.';

create or replace function private.hash_opt_out() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.phone_number is not null then
    new.phone_hash := private.subject_hash(new.clinic_id, new.phone_number);
  end if;
  return new;
end;
$$;
revoke all on function private.hash_opt_out() from public;
create trigger sms_opt_outs_hash before insert or update of phone_number on public.sms_opt_outs
  for each row execute function private.hash_opt_out();

-- Whether a number may not be texted by the clinic: by hash, so erased opt-outs count.
create or replace function public.sms_opted_out(p_clinic_id uuid, p_phone text)
returns boolean language sql stable security definer set search_path = '' as $$
  select p_phone is not null and exists (
    select 1 from public.sms_opt_outs o
     where o.clinic_id = p_clinic_id and o.phone_hash = private.subject_hash(p_clinic_id, p_phone))
$$;
comment on function public.sms_opted_out(uuid, text) is 'True when the number opted out of the clinic''s texts (compared by keyed hash, so it holds after an erasure).';
revoke all on function public.sms_opted_out(uuid, text) from public, anon;
grant execute on function public.sms_opted_out(uuid, text) to authenticated, service_role;

-- START from a number: its opt-out goes, whether the number is still on it or only its hash.
create or replace function public.sms_opt_in(p_clinic_id uuid, p_phone text)
returns void language sql security definer set search_path = '' as $$
  delete from public.sms_opt_outs o
   where o.clinic_id = p_clinic_id and o.phone_hash = private.subject_hash(p_clinic_id, p_phone)
$$;
revoke all on function public.sms_opt_in(uuid, text) from public, anon, authenticated;
grant execute on function public.sms_opt_in(uuid, text) to service_role;

-- A staff reply from the inbox: the same as before, with the opt-out compared by hash.
create or replace function public.queue_inbox_reply(
  p_clinic_id uuid, p_patient_id uuid, p_body text, p_reply_key uuid, p_provider text
) returns table (outcome text, message_id uuid, to_number text, from_number text, opted_out_at timestamptz)
language plpgsql security definer set search_path = '' as $$
declare
  v_existing public.sms_messages;
  v_phone text;
  v_clinic_phone text;
  v_opted timestamptz;
  v_id uuid;
begin
  if not (p_clinic_id = any (private.member_clinic_ids())) then
    raise exception 'not a member of this clinic' using errcode = '42501';
  end if;
  select m.* into v_existing from public.sms_messages m
   where m.reply_key = p_reply_key and m.clinic_id = p_clinic_id;
  if found then
    return query select 'duplicate'::text, v_existing.id, v_existing.to_number, v_existing.from_number, null::timestamptz;
    return;
  end if;
  select p.phone into v_phone from public.patients p where p.id = p_patient_id and p.clinic_id = p_clinic_id;
  if not found then
    return query select 'not_found'::text, null::uuid, null::text, null::text, null::timestamptz;
    return;
  end if;
  select c.phone_number into v_clinic_phone from public.clinics c where c.id = p_clinic_id;
  if v_phone is null or v_phone !~ '^\+[1-9][0-9]{7,14}$' or v_clinic_phone is null then
    return query select 'no_number'::text, null::uuid, null::text, null::text, null::timestamptz;
    return;
  end if;
  select o.opted_out_at into v_opted from public.sms_opt_outs o
   where o.clinic_id = p_clinic_id and o.phone_hash = private.subject_hash(p_clinic_id, v_phone);
  if found then
    return query select 'opted_out'::text, null::uuid, null::text, null::text, v_opted;
    return;
  end if;
  insert into public.sms_messages as m (clinic_id, direction, to_number, from_number, body, provider,
                                        status, sent_by, reply_key, patient_id)
  values (p_clinic_id, 'outbound', v_phone, v_clinic_phone, p_body, p_provider, 'queued',
          (select auth.uid()), p_reply_key, p_patient_id)
  on conflict (reply_key) do nothing
  returning m.id into v_id;
  if v_id is null then
    select m.* into v_existing from public.sms_messages m where m.reply_key = p_reply_key;
    return query select 'duplicate'::text, v_existing.id, v_existing.to_number, v_existing.from_number, null::timestamptz;
    return;
  end if;
  return query select 'queued'::text, v_id, v_phone, v_clinic_phone, null::timestamptz;
end;
$$;

-- Each export and erasure: who, when, whose data (as a keyed hash and a masked number, never
-- the number), and how many rows of each kind were found or removed. Append-only.
create table public.privacy_requests (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  kind text not null check (kind in ('export', 'erasure')),
  actor_id uuid not null,
  actor_email text check (length(actor_email) <= 320),
  subject_hash text not null check (subject_hash ~ '^[0-9a-f]{64}$'),
  subject_masked text not null check (length(subject_masked) between 1 and 40),
  found jsonb not null default '{}'::jsonb check (jsonb_typeof(found) = 'object'),
  removed jsonb not null default '{}'::jsonb check (jsonb_typeof(removed) = 'object'),
  at timestamptz not null default now()
);
create index privacy_requests_clinic_at_idx on public.privacy_requests (clinic_id, at desc);
create trigger privacy_requests_append_only before update on public.privacy_requests
  for each row execute function private.forbid_update();
comment on table public.privacy_requests is 'Append-only record of patients'' export and erasure requests: who, when, whose (hashed and masked), and the counts found or removed.';
comment on column public.privacy_requests.id is 'Primary key; the access log''s subject_id for the request.';
comment on column public.privacy_requests.clinic_id is 'The clinic.';
comment on column public.privacy_requests.kind is 'export (JSON or summary downloaded) or erasure.';
comment on column public.privacy_requests.actor_id is 'The admin who made it (auth.uid()).';
comment on column public.privacy_requests.actor_email is 'Their email as the session carried it.';
comment on column public.privacy_requests.subject_hash is 'HMAC-SHA-256 of the number (or patient id) with the clinic''s key: the same subject gives the same hash.';
comment on column public.privacy_requests.subject_masked is 'The number masked to its country code and last four digits, or "patient" and an id prefix.';
comment on column public.privacy_requests.found is 'Rows found per area, e.g. {"calls": 2, "smsMessages": 3}.';
comment on column public.privacy_requests.removed is 'Rows removed or pseudonymised per area (erasures).';
comment on column public.privacy_requests.at is 'When.';

alter table public.privacy_requests enable row level security;
create policy "admins read" on public.privacy_requests for select to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.privacy_requests from anon, authenticated;

-- The access log records exports and erasures too (subject_id: the privacy request).
alter table public.access_log drop constraint access_log_subject_check;
alter table public.access_log add constraint access_log_subject_check
  check (subject in ('call', 'patient', 'export', 'erasure'));
comment on column public.access_log.subject is 'call (its page, with the transcript), patient (their page), export or erasure (a privacy request).';
comment on column public.access_log.subject_id is 'The call''s, patient''s or privacy request''s id.';

-- The audit trail is append-only; the one update allowed is the erasure's, which replaces the
-- subject's identifiers inside free-text values it copied (cancellation reasons, say). Personal
-- columns were never copied (recorded as "(changed)"). A transaction-local flag set only by
-- private.pseudonymise_audit lets that update through, for the changes column alone.
create or replace function private.audit_log_guard() returns trigger
language plpgsql set search_path = '' as $$
begin
  if current_setting('callwaiting.audit_pseudonymise', true) = 'on'
     and (to_jsonb(new) - 'changes') = (to_jsonb(old) - 'changes') then
    return new;
  end if;
  raise exception '% is append-only', tg_table_name using errcode = '42501';
end;
$$;
revoke all on function private.audit_log_guard() from public;
drop trigger audit_log_append_only on public.audit_log;
create trigger audit_log_append_only before update on public.audit_log
  for each row execute function private.audit_log_guard();

-- Each needle replaced by "[erased]" in a text, ignoring case, longest first (so a number goes
-- whole before its last digits are looked for).
create or replace function private.scrub_text(p_text text, p_needles text[]) returns text
language plpgsql immutable set search_path = '' as $$
declare
  v_needle text;
  v_text text := p_text;
begin
  for v_needle in select n from unnest(p_needles) n where length(n) >= 3 order by length(n) desc loop
    v_text := regexp_replace(v_text, regexp_replace(v_needle, '([\\.+*?^$()\[\]{}|-])', '\\\1', 'g'), '[erased]', 'gi');
  end loop;
  return v_text;
end;
$$;
revoke all on function private.scrub_text(text, text[]) from public;

-- The same inside every string of a JSON value (keys, numbers and structure untouched).
create or replace function private.scrub_jsonb(p_value jsonb, p_needles text[]) returns jsonb
language plpgsql immutable set search_path = '' as $$
begin
  return case jsonb_typeof(p_value)
    when 'object' then (select coalesce(jsonb_object_agg(e.key, private.scrub_jsonb(e.value, p_needles)), '{}'::jsonb)
                          from jsonb_each(p_value) e)
    when 'array' then (select coalesce(jsonb_agg(private.scrub_jsonb(a.value, p_needles) order by a.i), '[]'::jsonb)
                         from jsonb_array_elements(p_value) with ordinality a (value, i))
    when 'string' then to_jsonb(private.scrub_text(p_value #>> '{}', p_needles))
    else p_value
  end;
end;
$$;
revoke all on function private.scrub_jsonb(jsonb, text[]) from public;

-- The subject's identifiers replaced by "[erased]" in the strings of the clinic's audit rows of
-- these rows; returns how many audit rows changed.
create or replace function private.pseudonymise_audit(p_clinic_id uuid, p_row_ids uuid[], p_needles text[])
returns integer language plpgsql security definer set search_path = '' as $$
declare
  v_count integer;
begin
  perform set_config('callwaiting.audit_pseudonymise', 'on', true);
  with scrubbed as (
    select a.id, private.scrub_jsonb(a.changes, p_needles) as changes
      from public.audit_log a
     where a.clinic_id = p_clinic_id and a.row_id = any (p_row_ids))
  update public.audit_log a set changes = s.changes
    from scrubbed s
   where a.id = s.id and a.changes is distinct from s.changes;
  get diagnostics v_count = row_count;
  perform set_config('callwaiting.audit_pseudonymise', 'off', true);
  return v_count;
end;
$$;
revoke all on function private.pseudonymise_audit(uuid, uuid[], text[]) from public;

-- The subject's rows, by area: one place both the search and the erasure read, so they agree.
-- p_phone: E.164 (also matched without its +, as staff may have typed it); p_patient_id: a
-- patient (with their number, if they have one).
create or replace function private.subject_rows(p_clinic_id uuid, p_phone text, p_patient_id uuid)
returns table (area text, table_name text, row_id text, row_data jsonb)
language plpgsql stable security definer set search_path = '' as $$
declare
  v_phone text := p_phone;
  v_numbers text[];
  v_patients uuid[];
  v_calls uuid[];
  v_vapi text[];
  v_bookings uuid[];
  v_handoffs uuid[];
  v_follow_ups uuid[];
  v_texts uuid[];
  v_sms uuid[];
begin
  if p_patient_id is not null and v_phone is null then
    select p.phone into v_phone from public.patients p where p.id = p_patient_id and p.clinic_id = p_clinic_id;
  end if;
  v_numbers := case when v_phone is null then '{}'::text[] else array[v_phone, ltrim(v_phone, '+')] end;
  select coalesce(array_agg(p.id), '{}') into v_patients from public.patients p
   where p.clinic_id = p_clinic_id and (p.phone = any (v_numbers) or p.id = p_patient_id);
  select coalesce(array_agg(c.id), '{}'), coalesce(array_agg(c.vapi_call_id) filter (where c.vapi_call_id is not null), '{}')
    into v_calls, v_vapi from public.calls c
   where c.clinic_id = p_clinic_id and (c.caller_number = any (v_numbers) or c.patient_id = any (v_patients));
  select coalesce(array_agg(b.id), '{}') into v_bookings from public.bookings b
   where b.clinic_id = p_clinic_id and (b.patient_phone = any (v_numbers) or b.patient_id = any (v_patients));
  select coalesce(array_agg(h.id), '{}') into v_handoffs from public.handoffs h
   where h.clinic_id = p_clinic_id and (h.caller_number = any (v_numbers) or h.call_id = any (v_calls));
  select coalesce(array_agg(f.id), '{}') into v_follow_ups from public.follow_ups f
   where f.clinic_id = p_clinic_id
     and (f.to_number = any (v_numbers) or f.handoff_id = any (v_handoffs) or f.call_id = any (v_calls));
  select coalesce(array_agg(t.id), '{}') into v_texts from public.appointment_texts t
   where t.clinic_id = p_clinic_id and (t.to_number = any (v_numbers) or t.booking_id = any (v_bookings));
  select coalesce(array_agg(m.id), '{}') into v_sms from public.sms_messages m
   where m.clinic_id = p_clinic_id
     and ((m.direction = 'outbound' and m.to_number = any (v_numbers))
          or (m.direction = 'inbound' and m.from_number = any (v_numbers))
          or m.patient_id = any (v_patients) or m.follow_up_id = any (v_follow_ups)
          or m.appointment_text_id = any (v_texts) or m.booking_id = any (v_bookings));

  return query
    select 'patients', 'patients', r.id::text, to_jsonb(r) from public.patients r where r.id = any (v_patients)
    union all
    select 'calls', 'calls', r.id::text, to_jsonb(r) from public.calls r where r.id = any (v_calls)
    union all
    select 'bookings', 'bookings', r.id::text, to_jsonb(r) from public.bookings r where r.id = any (v_bookings)
    union all
    select 'callEvents', 'call_events', r.id::text, to_jsonb(r) from public.call_events r where r.call_id = any (v_calls)
    union all
    select 'transcripts', 'logs', r.id::text, to_jsonb(r) from public.logs r where r.call_id = any (v_calls)
    union all
    select 'handoffs', 'handoffs', r.id::text, to_jsonb(r) from public.handoffs r where r.id = any (v_handoffs)
    union all
    select 'followUps', 'follow_ups', r.id::text, to_jsonb(r) from public.follow_ups r where r.id = any (v_follow_ups)
    union all
    select 'smsMessages', 'sms_messages', r.id::text, to_jsonb(r) from public.sms_messages r where r.id = any (v_sms)
    union all
    select 'optOuts', 'sms_opt_outs', r.phone_hash, to_jsonb(r) - 'phone_hash' from public.sms_opt_outs r
     where r.clinic_id = p_clinic_id and r.phone_number = any (v_numbers)
    union all
    select 'appointmentTexts', 'appointment_texts', r.id::text, to_jsonb(r) from public.appointment_texts r where r.id = any (v_texts)
    union all
    select 'callbackTasks', 'callback_tasks', r.id::text, to_jsonb(r) from public.callback_tasks r where r.call_id = any (v_calls)
    union all
    select 'waitlist', 'waitlist_entries', r.id::text, to_jsonb(r) from public.waitlist_entries r where r.booking_id = any (v_bookings)
    union all
    select 'aftercareLinks', 'aftercare_links', r.id::text, to_jsonb(r) - 'token_hash' from public.aftercare_links r where r.follow_up_id = any (v_follow_ups)
    union all
    select 'appointmentLinks', 'appointment_links', r.id::text, to_jsonb(r) - 'token_hash' from public.appointment_links r where r.booking_id = any (v_bookings)
    union all
    select 'webhookReceipts', 'webhook_events', r.id::text, to_jsonb(r) from public.webhook_events r
     where r.clinic_id = p_clinic_id and r.external_call_id = any (v_vapi)
    union all
    select 'accessLog', 'access_log', r.id::text, to_jsonb(r) from public.access_log r
     where r.clinic_id = p_clinic_id
       and ((r.subject = 'patient' and r.subject_id = any (v_patients)) or (r.subject = 'call' and r.subject_id = any (v_calls)))
    union all
    select 'auditTrail', 'audit_log', r.id::text, to_jsonb(r) from public.audit_log r
     where r.clinic_id = p_clinic_id and r.row_id = any (v_patients || v_bookings);
end;
$$;
revoke all on function private.subject_rows(uuid, text, uuid) from public;

create or replace function private.require_admin(p_clinic_id uuid) returns void
language plpgsql stable security definer set search_path = '' as $$
begin
  if (select auth.uid()) is null or not (p_clinic_id = any (private.admin_clinic_ids())) then
    raise exception 'only the clinic''s admins handle patients'' data requests' using errcode = '42501';
  end if;
end;
$$;
revoke all on function private.require_admin(uuid) from public;

create or replace function private.subject_masked(p_phone text, p_patient_id uuid) returns text
language sql immutable set search_path = '' as $$
  select case when p_phone is not null
              then left(p_phone, 2) || repeat('•', greatest(length(p_phone) - 6, 1)) || right(p_phone, 4)
              else 'patient ' || left(p_patient_id::text, 8) end
$$;
revoke all on function private.subject_masked(text, uuid) from public;

-- Everything held about the subject, by area (admins of the clinic only). p_record: an export,
-- recorded in privacy_requests and the access log in the same transaction. Unknown subject:
-- P0002 when recording (nothing to export), an empty object otherwise.
create or replace function public.privacy_subject_data(p_clinic_id uuid, p_phone text, p_patient_id uuid, p_record boolean)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
  v_data jsonb;
  v_found jsonb;
  v_request uuid;
begin
  perform private.require_admin(p_clinic_id);
  select coalesce(jsonb_object_agg(s.area, s.rows), '{}'), coalesce(jsonb_object_agg(s.area, s.n), '{}')
    into v_data, v_found
    from (select r.area, jsonb_agg(r.row_data order by r.row_id) as rows, count(*) as n
            from private.subject_rows(p_clinic_id, p_phone, p_patient_id) r group by r.area) s;
  if p_record then
    if v_found = '{}'::jsonb then
      raise exception 'nothing is held about this subject' using errcode = 'P0002';
    end if;
    insert into public.privacy_requests (clinic_id, kind, actor_id, actor_email, subject_hash, subject_masked, found)
    values (p_clinic_id, 'export', (select auth.uid()), left((select auth.email()), 320),
            private.subject_hash(p_clinic_id, coalesce(p_phone, p_patient_id::text)),
            private.subject_masked(p_phone, p_patient_id), v_found)
    returning id into v_request;
    insert into public.access_log (clinic_id, actor_id, actor_email, subject, subject_id)
    values (p_clinic_id, (select auth.uid()), left((select auth.email()), 320), 'export', v_request);
  end if;
  return jsonb_build_object('found', v_found, 'data', v_data);
end;
$$;
comment on function public.privacy_subject_data(uuid, text, uuid, boolean) is 'Admins: every row held about a number or patient, by area; with p_record, an export recorded in privacy_requests and access_log.';
revoke all on function public.privacy_subject_data(uuid, text, uuid, boolean) from public, anon;
grant execute on function public.privacy_subject_data(uuid, text, uuid, boolean) to authenticated;

-- Erases the subject in one transaction: identifiers removed or pseudonymised everywhere the
-- search looks, appointments and calls kept without them, the opt-out kept as its hash.
-- Returns what was found and removed per area, and the request's id. Unknown: P0002, nothing
-- changed.
create or replace function public.privacy_erase(p_clinic_id uuid, p_phone text, p_patient_id uuid)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
  v_found jsonb;
  v_removed jsonb := '{}'::jsonb;
  v_needles text[];
  v_n integer;
  v_request uuid;
  v_erased constant text := 'Erased patient';
  v_phone text;
begin
  perform private.require_admin(p_clinic_id);
  create temporary table if not exists pg_temp.erasure_rows (area text, table_name text, row_id text, row_data jsonb) on commit drop;
  truncate pg_temp.erasure_rows;
  insert into pg_temp.erasure_rows select * from private.subject_rows(p_clinic_id, p_phone, p_patient_id);
  select coalesce(jsonb_object_agg(area, n), '{}') into v_found
    from (select area, count(*) as n from pg_temp.erasure_rows group by area) s;
  if not exists (select 1 from pg_temp.erasure_rows where area not in ('accessLog', 'auditTrail')) then
    raise exception 'nothing is held about this subject' using errcode = 'P0002';
  end if;

  v_phone := coalesce(p_phone, (select row_data ->> 'phone' from pg_temp.erasure_rows
                                 where area = 'patients' and row_data ->> 'phone' is not null limit 1));
  -- Every name, number and email the rows carry: the audit trail's free text is scrubbed of them.
  select array_agg(distinct v) into v_needles from (
    -- The number as stored, without its +, without a 1-3 digit country code, and its last 7 digits.
    select v_phone as v
    union select ltrim(v_phone, '+')
    union select substr(ltrim(v_phone, '+'), 2) where length(v_phone) >= 10
    union select substr(ltrim(v_phone, '+'), 3) where length(v_phone) >= 11
    union select substr(ltrim(v_phone, '+'), 4) where length(v_phone) >= 12
    union select right(v_phone, 7)
    union select row_data ->> 'full_name' from pg_temp.erasure_rows where area = 'patients'
    union select row_data ->> 'email' from pg_temp.erasure_rows where area = 'patients'
    union select row_data ->> 'phone' from pg_temp.erasure_rows where area = 'patients'
    union select row_data ->> 'patient_name' from pg_temp.erasure_rows where area = 'bookings'
    union select row_data ->> 'caller_name' from pg_temp.erasure_rows where area in ('calls', 'handoffs')
    union select row_data ->> 'caller_number' from pg_temp.erasure_rows where area in ('calls', 'handoffs')
  ) s where v is not null and v <> v_erased;
  -- And each word of a name on its own ("Ana" in "Ana rang to cancel").
  v_needles := v_needles || array(
    select distinct w from unnest(v_needles) n, regexp_split_to_table(n, '\s+') w
     where n ~ '\s' and length(w) >= 3 and w !~ '@');

  -- Links and texts first (they point at follow-ups, hand-offs and appointment texts).
  delete from public.aftercare_links where id::text in (select row_id from pg_temp.erasure_rows where area = 'aftercareLinks');
  get diagnostics v_n = row_count; v_removed := v_removed || jsonb_build_object('aftercareLinks', v_n);
  delete from private.sms_status_early e where e.provider_sid in (
    select row_data ->> 'provider_sid' from pg_temp.erasure_rows where area = 'smsMessages');
  delete from public.sms_messages where id::text in (select row_id from pg_temp.erasure_rows where area = 'smsMessages');
  get diagnostics v_n = row_count; v_removed := v_removed || jsonb_build_object('smsMessages', v_n);
  delete from public.follow_ups where id::text in (select row_id from pg_temp.erasure_rows where area = 'followUps');
  get diagnostics v_n = row_count; v_removed := v_removed || jsonb_build_object('followUps', v_n);
  delete from public.handoffs where id::text in (select row_id from pg_temp.erasure_rows where area = 'handoffs');
  get diagnostics v_n = row_count; v_removed := v_removed || jsonb_build_object('handoffs', v_n);
  delete from public.logs where id::text in (select row_id from pg_temp.erasure_rows where area = 'transcripts');
  get diagnostics v_n = row_count; v_removed := v_removed || jsonb_build_object('transcripts', v_n);
  delete from public.call_events where id::text in (select row_id from pg_temp.erasure_rows where area = 'callEvents');
  get diagnostics v_n = row_count; v_removed := v_removed || jsonb_build_object('callEvents', v_n);
  delete from public.webhook_events where id::text in (select row_id from pg_temp.erasure_rows where area = 'webhookReceipts');
  get diagnostics v_n = row_count; v_removed := v_removed || jsonb_build_object('webhookReceipts', v_n);
  delete from public.callback_tasks where id::text in (select row_id from pg_temp.erasure_rows where area = 'callbackTasks');
  get diagnostics v_n = row_count; v_removed := v_removed || jsonb_build_object('callbackTasks', v_n);

  -- Appointments stay (the clinic's record), without the name, number or notes; their links stop
  -- working and their texts (reminders, confirmations) go.
  update public.bookings b set patient_name = v_erased, patient_phone = null, notes = '',
         cancel_reason = case when b.cancel_reason is null then null else 'Reason erased with the patient''s data' end
   where b.id::text in (select row_id from pg_temp.erasure_rows where area = 'bookings');
  get diagnostics v_n = row_count; v_removed := v_removed || jsonb_build_object('bookings', v_n);
  delete from public.sms_messages m where m.appointment_text_id in (
    select t.id from public.appointment_texts t where t.booking_id::text in (select row_id from pg_temp.erasure_rows where area = 'bookings'));
  delete from public.appointment_texts t
   where t.id::text in (select row_id from pg_temp.erasure_rows where area = 'appointmentTexts')
      or t.booking_id::text in (select row_id from pg_temp.erasure_rows where area = 'bookings');
  get diagnostics v_n = row_count; v_removed := v_removed || jsonb_build_object('appointmentTexts', v_n);
  update public.appointment_links l set revoked_at = now()
   where l.id::text in (select row_id from pg_temp.erasure_rows where area = 'appointmentLinks') and l.revoked_at is null;
  get diagnostics v_n = row_count; v_removed := v_removed || jsonb_build_object('appointmentLinks', v_n);

  -- Calls stay (the clinic's call history and figures) without the caller's number or name.
  update public.calls c set caller_number = null, caller_name = null
   where c.id::text in (select row_id from pg_temp.erasure_rows where area = 'calls');
  get diagnostics v_n = row_count; v_removed := v_removed || jsonb_build_object('calls', v_n);

  update public.patients p set full_name = v_erased, phone = null, email = null, notes = '', sms_consent = false
   where p.id::text in (select row_id from pg_temp.erasure_rows where area = 'patients');
  get diagnostics v_n = row_count; v_removed := v_removed || jsonb_build_object('patients', v_n);

  -- The opt-out keeps only its hash, so the number is still never texted.
  update public.sms_opt_outs o set phone_number = null
   where o.phone_hash in (select row_id from pg_temp.erasure_rows where area = 'optOuts');
  get diagnostics v_n = row_count; v_removed := v_removed || jsonb_build_object('optOuts', v_n);

  v_n := private.pseudonymise_audit(p_clinic_id,
    (select coalesce(array_agg(row_id::uuid), '{}') from pg_temp.erasure_rows where area in ('patients', 'bookings', 'calls')),
    coalesce(v_needles, '{}'));
  v_removed := v_removed || jsonb_build_object('auditTrail', v_n);

  insert into public.privacy_requests (clinic_id, kind, actor_id, actor_email, subject_hash, subject_masked, found, removed)
  values (p_clinic_id, 'erasure', (select auth.uid()), left((select auth.email()), 320),
          private.subject_hash(p_clinic_id, coalesce(p_phone, p_patient_id::text)),
          private.subject_masked(p_phone, p_patient_id), v_found, v_removed)
  returning id into v_request;
  insert into public.access_log (clinic_id, actor_id, actor_email, subject, subject_id)
  values (p_clinic_id, (select auth.uid()), left((select auth.email()), 320), 'erasure', v_request);
  return jsonb_build_object('requestId', v_request, 'found', v_found, 'removed', v_removed);
end;
$$;
comment on function public.privacy_erase(uuid, text, uuid) is 'Admins: erases a number or patient everywhere (pseudonymised appointments and calls, hashed opt-out), recorded in privacy_requests and access_log.';
revoke all on function public.privacy_erase(uuid, text, uuid) from public, anon;
grant execute on function public.privacy_erase(uuid, text, uuid) to authenticated;

-- ─── supabase/migrations/20261201001100_vapi_phone_number.sql ──────────────────────────────────

-- The clinic's Twilio number imported into Vapi (issue 18, failover): the Vapi phone number's
-- id, so importing again updates it instead of adding a second one, and what the last import
-- did, for Hours and on-call ("Connect number to Vapi"): when it last succeeded, the fallback
-- destination Vapi then had (the front desk, dialled when our server cannot answer a call), and
-- the last attempt's error in words (null when it succeeded). Written by the service side only
-- (lib/vapi/phone-number-service.ts); members read them with the rest of the clinic's row.
alter table public.clinics
  add column vapi_phone_number_id text check (length(vapi_phone_number_id) between 1 and 100),
  add column vapi_number_attempted_at timestamptz,
  add column vapi_number_synced_at timestamptz,
  add column vapi_number_fallback text,
  add column vapi_number_error text check (length(vapi_number_error) <= 500);
comment on column public.clinics.vapi_phone_number_id is 'Id of the clinic''s number in Vapi (phoneNumbers.create), once imported; later imports update it.';
comment on column public.clinics.vapi_number_attempted_at is 'When the number was last pushed to Vapi, successfully or not.';
comment on column public.clinics.vapi_number_synced_at is 'When the number was last pushed to Vapi successfully.';
comment on column public.clinics.vapi_number_fallback is 'The fallbackDestination number Vapi had after the last successful push (null: none).';
comment on column public.clinics.vapi_number_error is 'Why the last push failed, in words (null when it succeeded or never ran).';

-- ─── supabase/migrations/20261201001110_opening_hours_dates.sql ────────────────────────────────

-- Special opening hours on given dates (issue 18): Christmas Eve 09:00–13:00, a late evening
-- before a holiday. A date with rows here is open exactly at those intervals, whatever its
-- weekday's weekly hours say (opening_hours); a closure (clinic_closures) still closes it all
-- day, so a whole closed day stays a closure. The diary's per-date changes (schedule_overrides)
-- belong to one practitioner each and change when they work, not when the front desk answers,
-- so the front desk's dates have their own table. Used by the opening state, the assistant's
-- prompt and the transfer destination (lib/hours/opening.ts). Members read; admins write;
-- audited, as opening_hours.

create table public.opening_hours_dates (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  on_date date not null,
  opens time not null,
  closes time not null,
  reason text not null default '' check (length(reason) <= 200),
  created_at timestamptz not null default now(),
  check (closes > opens),
  constraint opening_hours_dates_no_overlap exclude using gist (
    clinic_id with =, on_date with =,
    tsrange(date '2000-01-03' + opens, date '2000-01-03' + closes) with &&
  )
);
create index opening_hours_dates_clinic_idx on public.opening_hours_dates (clinic_id, on_date, opens);
comment on table public.opening_hours_dates is 'Special opening hours on given clinic-local dates: they replace that day''s weekly opening hours (closures still close the day).';
comment on column public.opening_hours_dates.id is 'Primary key.';
comment on column public.opening_hours_dates.clinic_id is 'The clinic.';
comment on column public.opening_hours_dates.on_date is 'The clinic-local date.';
comment on column public.opening_hours_dates.opens is 'Opening time (clinic-local wall clock).';
comment on column public.opening_hours_dates.closes is 'Closing time (after opens; 24:00 is the next midnight).';
comment on column public.opening_hours_dates.reason is 'Shown to staff and callers, e.g. "Christmas Eve".';
comment on column public.opening_hours_dates.created_at is 'When it was added.';

alter table public.opening_hours_dates enable row level security;
create policy "members read" on public.opening_hours_dates for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.opening_hours_dates for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.opening_hours_dates for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.opening_hours_dates for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

create trigger opening_hours_dates_audit after insert or update or delete on public.opening_hours_dates
  for each row execute function private.audit_row_change('clinic_id');

-- ─── supabase/migrations/20261201001200_deployment_facts.sql ───────────────────────────────────

-- What the production guard (lib/deployment/guard.ts) needs to know about this database:
-- whether the demo seed has ever run against it (its staff accounts have published passwords),
-- and whether it is the embedded demo database `npm run dev` and the tests start. The seed and
-- scripts/lib/database.ts record these; a production server refuses to start on a database with
-- the demo seed, and treats the embedded database as a demo (docs/deploying.md).

create table if not exists private.deployment_facts (
  fact text primary key check (fact in ('demo_seeded', 'embedded_database')),
  recorded_at timestamptz not null default now()
);
alter table private.deployment_facts enable row level security;
revoke all on table private.deployment_facts from public, anon, authenticated;
comment on table private.deployment_facts is 'Facts about this database the production guard checks at boot: demo seed ran, embedded demo database.';

-- The seed is recorded by seed.sql itself; a database seeded before this migration still counts
-- as seeded while the demo clinics or their staff accounts are there.
create or replace function public.deployment_facts()
returns table (demo_seeded boolean, embedded_database boolean)
language sql stable security definer set search_path = '' as $$
  select
    exists (select 1 from private.deployment_facts f where f.fact = 'demo_seeded')
      or exists (select 1 from public.clinics c
                  where c.id in ('c1a1c000-0000-4000-8000-000000000001',
                                 'c1a1c000-0000-4000-8000-000000000002'))
      or exists (select 1 from auth.users u
                  where u.email in ('admin@harbour-aesthetics.test',
                                    'reception@harbour-aesthetics.test')),
    exists (select 1 from private.deployment_facts f where f.fact = 'embedded_database');
$$;
revoke all on function public.deployment_facts() from public, anon, authenticated;
grant execute on function public.deployment_facts() to service_role;
comment on function public.deployment_facts() is 'For the production guard at boot: has the demo seed run here, is this the embedded demo database.';

-- ─── supabase/migrations/20261201001210_api_role_grants.sql ────────────────────────────────────

-- The API roles keep only the rights RLS can govern. Supabase's default privileges give anon and
-- authenticated every right on new tables, including three that RLS does not filter:
--   TRUNCATE   empties a table whatever its policies say (as anon it emptied every clinic's
--              redaction rules in a rolled-back test);
--   TRIGGER    lets a role create triggers on the table;
--   REFERENCES lets a role create foreign keys that probe the table's values.
-- And every role may create temporary tables (TEMP on the database), which shadow tables on a
-- search_path that lists pg_temp. None of these is used by the app or by PostgREST.

revoke truncate, trigger, references on all tables in schema public, private from anon, authenticated;

-- Tables created by later migrations (as this role) start without them too.
alter default privileges in schema public revoke truncate, trigger, references on tables from anon, authenticated;
alter default privileges in schema private revoke truncate, trigger, references on tables from anon, authenticated;

-- TEMP comes through PUBLIC. Superusers and the database owner keep it regardless; the app uses
-- no temporary tables. Only the database's owner may revoke it: elsewhere say so and carry on
-- (docs/deploying.md has the statement to run as the owner).
do $$
begin
  execute format('revoke temporary on database %I from public, anon, authenticated', current_database());
exception when insufficient_privilege then
  raise warning 'TEMP on database % could not be revoked (not its owner): run this migration''s statement as the owner', current_database();
end;
$$;

-- ─── supabase/migrations/20261201001220_callback_tasks_done.sql ────────────────────────────────

-- Who marked a call-back done, and when, is recorded by the database, not taken from the client:
-- staff may update done_at and done_by (their column grant), so a receptionist could have
-- written another person's id or any time. Now a trigger sets both, whatever the update says:
-- marking done records now() and the signed-in person; reopening (done_at set to null) clears
-- both; a task already done keeps who and when. Every change is audited like other staff edits.

create or replace function private.callback_task_done() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.done_at is null then
    new.done_by := null;
  elsif old.done_at is null then
    new.done_at := now();
    new.done_by := (select auth.uid());
  else
    new.done_at := old.done_at;
    new.done_by := old.done_by;
  end if;
  return new;
end;
$$;
revoke all on function private.callback_task_done() from public;

drop trigger if exists callback_tasks_done on public.callback_tasks;
create trigger callback_tasks_done before update on public.callback_tasks
  for each row execute function private.callback_task_done();

-- The caller's message is personal: recorded as changed, never copied.
drop trigger if exists callback_tasks_audit on public.callback_tasks;
create trigger callback_tasks_audit after update on public.callback_tasks
  for each row execute function private.audit_row_change('clinic_id', 'message');

-- ─── supabase/migrations/20261201001230_aftercare_storage_path.sql ─────────────────────────────

-- An aftercare document's object path must stay in its clinic's folder. The old check compared
-- only the first segment with clinic_id, so "<clinic>/../<other clinic>/aftercare/x.pdf" passed,
-- and a store that normalises the path would have read another clinic's file. Now the path is
-- exactly <clinic_id>/aftercare/<file>: a lower-case name (lib/validations/aftercare.ts,
-- storageFileName) without "/", "\" or "..". lib/storage checks the same in both file stores.

alter table public.aftercare_documents drop constraint if exists aftercare_documents_path_shape;
alter table public.aftercare_documents add constraint aftercare_documents_path_shape check (
  storage_path ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/aftercare/[a-z0-9][a-z0-9._-]{0,199}$'
  and strpos(storage_path, '..') = 0
);

-- ─── supabase/migrations/20261201001240_sms_link_tokens_masked.sql ─────────────────────────────

-- A patient's link (/a/<token> aftercare, /m/<token> their appointment) is a bearer secret: only
-- its hash is stored (aftercare_links, appointment_links). The text that carried it was stored
-- whole in sms_messages.body, so anyone who could read the SMS log could open the link. Now the
-- body is stored with the token masked; the text itself is sent before it is recorded, with the
-- real link. Texts in from patients are masked too (a patient may send their link back).
--
-- The outbox provider is the exception: it is the local demo's phone (SMS_PROVIDER=outbox, which
-- the production guard refuses), whose Messages page is where the demo's patient opens the link.

create or replace function private.mask_link_tokens(p_body text) returns text
language sql immutable set search_path = '' as $$
  select regexp_replace(p_body, '(https?://[^[:space:]/]+(/[^[:space:]]*)?/[am]/)[A-Za-z0-9_-]{16,}',
                        '\1[private link]', 'g');
$$;
comment on function private.mask_link_tokens(text) is 'A text with the token of every patient link (/a/<token>, /m/<token>) replaced by [private link].';

-- Security definer: it runs for whichever role writes the text (service_role, staff replies).
create or replace function private.sms_mask_link_tokens() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.provider <> 'outbox' then
    new.body := private.mask_link_tokens(new.body);
  end if;
  return new;
end;
$$;
revoke all on function private.mask_link_tokens(text), private.sms_mask_link_tokens() from public;

drop trigger if exists sms_messages_mask_link_tokens on public.sms_messages;
create trigger sms_messages_mask_link_tokens before insert or update of body on public.sms_messages
  for each row execute function private.sms_mask_link_tokens();

-- Texts already stored.
update public.sms_messages
   set body = private.mask_link_tokens(body)
 where provider <> 'outbox' and body <> private.mask_link_tokens(body);

-- ─── supabase/migrations/20261201001300_staff_and_sessions.sql ─────────────────────────────────

-- Staff management (issue 19): admins invite staff with a role, change roles and remove members;
-- a clinic always keeps at least one admin; every change is audited. And, for the embedded
-- default's own sign-in (AUTH_PROVIDER=local), server-side sessions that can be revoked and
-- sign-in throttling that survives restarts. On Supabase, Supabase Auth keeps sessions and
-- throttles sign-in itself; the local tables then stay empty.

-- ---------------------------------------------------------------------------------------------
-- Invitations
-- ---------------------------------------------------------------------------------------------
create table public.staff_invitations (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  email text not null check (length(email) between 3 and 254 and email = lower(email)
                             and email ~ '^[^@\s]+@[^@\s]+$'),
  role text not null check (role in ('admin', 'receptionist')),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  invited_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '7 days',
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null,
  revoked_at timestamptz,
  check (accepted_at is null or revoked_at is null)
);
create index staff_invitations_clinic_idx on public.staff_invitations (clinic_id, created_at desc);
comment on table public.staff_invitations is 'One-time links to join a clinic''s staff (embedded default; on Supabase, Supabase Auth emails the invitation). Only the token''s hash is kept.';
comment on column public.staff_invitations.id is 'Primary key.';
comment on column public.staff_invitations.clinic_id is 'The clinic the invitee joins.';
comment on column public.staff_invitations.email is 'Who is invited (lower case).';
comment on column public.staff_invitations.role is 'The role they get: admin or receptionist.';
comment on column public.staff_invitations.token_hash is 'SHA-256 (hex) of the link''s token; the token itself is shown to the admin once.';
comment on column public.staff_invitations.invited_by is 'The admin who invited them.';
comment on column public.staff_invitations.created_at is 'When the invitation was made.';
comment on column public.staff_invitations.expires_at is 'The link works until then (7 days).';
comment on column public.staff_invitations.accepted_at is 'When the link was used (it works once).';
comment on column public.staff_invitations.accepted_by is 'The account that accepted it.';
comment on column public.staff_invitations.revoked_at is 'When an admin withdrew it.';

-- Admins read their clinic's invitations; every write goes through the functions below.
alter table public.staff_invitations enable row level security;
create policy "admins read" on public.staff_invitations for select to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.staff_invitations from anon, authenticated;

create trigger staff_invitations_audit after insert or update on public.staff_invitations
  for each row execute function private.audit_row_change('clinic_id', 'token_hash');

-- ---------------------------------------------------------------------------------------------
-- Memberships: at least one admin, audited, sessions end with the last membership
-- ---------------------------------------------------------------------------------------------

-- Raised when a change would leave a clinic without an admin (lib/staff maps it to a sentence).
create or replace function private.keep_an_admin() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if old.role <> 'admin' or (tg_op = 'UPDATE' and new.role = 'admin') then
    return coalesce(new, old);
  end if;
  -- The clinic row is the lock two admins demoting each other would race on. A clinic being
  -- deleted (its members cascade) has no row left: let it go.
  perform 1 from public.clinics where id = old.clinic_id for no key update;
  if not found then
    return coalesce(new, old);
  end if;
  if not exists (select 1 from public.clinic_members m
                  where m.clinic_id = old.clinic_id and m.role = 'admin' and m.user_id <> old.user_id) then
    raise exception 'a clinic keeps at least one admin' using errcode = 'CW001';
  end if;
  return coalesce(new, old);
end;
$$;
create trigger clinic_members_keep_an_admin before update of role or delete on public.clinic_members
  for each row execute function private.keep_an_admin();

-- clinic_members has no id: the audit row's row_id is the member's user id.
create or replace function private.audit_member_change() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_row public.clinic_members := coalesce(new, old);
  v_changes jsonb;
begin
  if not exists (select 1 from public.clinics where id = v_row.clinic_id) then
    return null;
  end if;
  v_changes := case tg_op
    when 'INSERT' then jsonb_build_object('role', jsonb_build_object('old', null, 'new', new.role),
                                          'display_name', jsonb_build_object('old', null, 'new', new.display_name))
    when 'DELETE' then jsonb_build_object('role', jsonb_build_object('old', old.role, 'new', null),
                                          'display_name', jsonb_build_object('old', old.display_name, 'new', null))
    else '{}'::jsonb
      || case when old.role is distinct from new.role
              then jsonb_build_object('role', jsonb_build_object('old', old.role, 'new', new.role)) else '{}' end
      || case when old.display_name is distinct from new.display_name
              then jsonb_build_object('display_name', jsonb_build_object('old', old.display_name, 'new', new.display_name)) else '{}' end
  end;
  if v_changes = '{}'::jsonb then
    return null;
  end if;
  insert into public.audit_log (clinic_id, actor_id, action, table_name, row_id, changes)
  values (v_row.clinic_id, (select auth.uid()), lower(tg_op), 'clinic_members', v_row.user_id, v_changes);
  return null;
end;
$$;
create trigger clinic_members_audit after insert or update or delete on public.clinic_members
  for each row execute function private.audit_member_change();

-- ---------------------------------------------------------------------------------------------
-- Local sessions (AUTH_PROVIDER=local)
-- ---------------------------------------------------------------------------------------------
create table private.local_sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  refreshed_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text check (revoked_reason in ('signed_out', 'removed', 'banned')),
  check ((revoked_at is null) = (revoked_reason is null))
);
create index local_sessions_user_idx on private.local_sessions (user_id) where revoked_at is null;
create index local_sessions_expires_idx on private.local_sessions (expires_at);
comment on table private.local_sessions is 'Embedded-default sessions: the JWT carries a random session id, this row its SHA-256; checked on every request, revoked on sign-out, removal and ban; expires_at is the absolute lifetime.';

-- A user removed from their last clinic loses every session at once. (Someone who still belongs
-- to another clinic keeps theirs: membership is checked per request, so the clinic they left is
-- already closed to them.)
create or replace function private.end_sessions_of_removed_member() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if not exists (select 1 from public.clinic_members where user_id = old.user_id) then
    update private.local_sessions set revoked_at = now(), revoked_reason = 'removed'
     where user_id = old.user_id and revoked_at is null;
  end if;
  return null;
end;
$$;
create trigger clinic_members_end_sessions after delete on public.clinic_members
  for each row execute function private.end_sessions_of_removed_member();

-- The session a token names, if it is still good: not revoked, not past its absolute lifetime,
-- its user neither deleted nor banned (a ban revokes it for good). p_refresh records the proxy
-- re-issuing its token. Returns the absolute expiry, or null.
create or replace function private.check_local_session(p_token_hash text, p_user uuid, p_refresh boolean)
returns timestamptz
language plpgsql set search_path = '' as $$
declare
  v_session private.local_sessions;
  v_blocked boolean;
begin
  select s.* into v_session from private.local_sessions s
   where s.token_hash = p_token_hash and s.user_id = p_user;
  if not found or v_session.revoked_at is not null or v_session.expires_at <= now() then
    return null;
  end if;
  select u.deleted_at is not null or coalesce(u.banned_until > now(), false) into v_blocked
    from auth.users u where u.id = p_user;
  if v_blocked is distinct from false then
    update private.local_sessions set revoked_at = now(), revoked_reason = 'banned'
     where id = v_session.id;
    return null;
  end if;
  if p_refresh then
    update private.local_sessions set refreshed_at = now() where id = v_session.id;
  end if;
  return v_session.expires_at;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Sign-in throttling (AUTH_PROVIDER=local)
-- ---------------------------------------------------------------------------------------------
create table private.sign_in_failures (
  scope text not null check (scope in ('account', 'address')),
  key text not null check (length(key) between 1 and 254),
  failures integer not null default 0 check (failures >= 0),
  last_failure_at timestamptz not null default now(),
  locked_until timestamptz,
  primary key (scope, key)
);
comment on table private.sign_in_failures is 'Failed local sign-ins per account (lower-case email) and per address; after a few, attempts wait with exponential backoff (lib/auth/throttle.ts has the numbers).';

-- When attempts for this account or from this address may resume, if they must wait; locks the
-- account's row so concurrent guesses at one account are counted one after another.
create or replace function private.sign_in_wait(p_account text, p_address text)
returns timestamptz
language plpgsql set search_path = '' as $$
declare
  v_until timestamptz;
begin
  insert into private.sign_in_failures (scope, key) values ('account', p_account)
    on conflict do nothing;
  perform 1 from private.sign_in_failures f where f.scope = 'account' and f.key = p_account for update;
  select max(f.locked_until) into v_until from private.sign_in_failures f
   where ((f.scope = 'account' and f.key = p_account) or (f.scope = 'address' and f.key = p_address))
     and f.locked_until > now();
  return v_until;
end;
$$;

-- Counts a failure for both keys. Failures are forgotten after p_forget without one; from the
-- p_free-th on, each locks the key for p_base doubling per further failure, at most p_cap.
-- Returns the later lock, if any.
create or replace function private.sign_in_failed(
  p_account text, p_address text,
  p_account_free integer, p_address_free integer,
  p_base interval, p_cap interval, p_forget interval)
returns timestamptz
language plpgsql set search_path = '' as $$
declare
  v_until timestamptz;
begin
  insert into private.sign_in_failures as f (scope, key, failures, last_failure_at)
  values ('account', p_account, 1, now()), ('address', p_address, 1, now())
  on conflict (scope, key) do update
    set failures = case when f.last_failure_at < now() - p_forget and f.failures > 0
                        then 1 else f.failures + 1 end,
        last_failure_at = now();
  update private.sign_in_failures f
     set locked_until = now() + least(p_cap, p_base * power(2, least(f.failures - free.n, 30)))
    from (values ('account', p_account_free), ('address', p_address_free)) as free (scope, n)
   where f.scope = free.scope and f.failures >= free.n
     and f.key = case f.scope when 'account' then p_account else p_address end;
  select max(f.locked_until) into v_until from private.sign_in_failures f
   where ((f.scope = 'account' and f.key = p_account) or (f.scope = 'address' and f.key = p_address))
     and f.locked_until > now();
  return v_until;
end;
$$;

-- A successful sign-in clears the account's count (not the address's: one good account must not
-- reset an address guessing at others).
create or replace function private.sign_in_succeeded(p_account text) returns void
language sql set search_path = '' as $$
  delete from private.sign_in_failures where scope = 'account' and key = p_account;
$$;

revoke all on function private.check_local_session(text, uuid, boolean),
  private.sign_in_wait(text, text),
  private.sign_in_failed(text, text, integer, integer, interval, interval, interval),
  private.sign_in_succeeded(text) from public;

-- ---------------------------------------------------------------------------------------------
-- Staff functions for admins (run as the signed-in admin; checked inside)
-- ---------------------------------------------------------------------------------------------

-- The clinic's team with their sign-in email (auth.users, which API roles cannot read).
create or replace function public.staff_list(p_clinic uuid)
returns table (user_id uuid, email text, display_name text, role text, joined_at timestamptz,
               last_sign_in_at timestamptz)
language sql stable security definer set search_path = '' as $$
  select m.user_id, u.email::text, m.display_name, m.role, m.created_at, u.last_sign_in_at
    from public.clinic_members m
    join auth.users u on u.id = m.user_id
   where m.clinic_id = p_clinic
     and p_clinic = any ((select private.admin_clinic_ids())::uuid[])
   order by m.role, lower(coalesce(nullif(m.display_name, ''), u.email));
$$;

-- A new invitation (the caller's clinic, as its admin). Outcomes: ok, forbidden, invalid_role,
-- already_member, already_invited.
create or replace function public.staff_invite(p_clinic uuid, p_email text, p_role text, p_token_hash text)
returns table (outcome text, invitation_id uuid, expires_at timestamptz)
language plpgsql security definer set search_path = '' as $$
declare
  v_email text := lower(trim(p_email));
  v_id uuid;
  v_expires timestamptz;
begin
  if not (p_clinic = any ((select private.admin_clinic_ids())::uuid[])) then
    return query select 'forbidden', null::uuid, null::timestamptz; return;
  end if;
  if p_role is null or p_role not in ('admin', 'receptionist') then
    return query select 'invalid_role', null::uuid, null::timestamptz; return;
  end if;
  perform 1 from public.clinics where id = p_clinic for no key update;
  if exists (select 1 from public.clinic_members m join auth.users u on u.id = m.user_id
              where m.clinic_id = p_clinic and lower(u.email) = v_email) then
    return query select 'already_member', null::uuid, null::timestamptz; return;
  end if;
  -- A new link replaces an open one for the same address (the old link stops working).
  update public.staff_invitations i set revoked_at = now()
   where i.clinic_id = p_clinic and i.email = v_email
     and i.accepted_at is null and i.revoked_at is null;
  insert into public.staff_invitations (clinic_id, email, role, token_hash, invited_by)
  values (p_clinic, v_email, p_role, p_token_hash, (select auth.uid()))
  returning id, staff_invitations.expires_at into v_id, v_expires;
  return query select 'ok', v_id, v_expires;
end;
$$;

-- Withdraws an open invitation. Outcomes: ok, forbidden, not_found.
create or replace function public.staff_revoke_invitation(p_clinic uuid, p_invitation uuid)
returns text
language plpgsql security definer set search_path = '' as $$
begin
  if not (p_clinic = any ((select private.admin_clinic_ids())::uuid[])) then
    return 'forbidden';
  end if;
  update public.staff_invitations set revoked_at = now()
   where id = p_invitation and clinic_id = p_clinic and accepted_at is null and revoked_at is null;
  return case when found then 'ok' else 'not_found' end;
end;
$$;

-- Changes a member's role. Outcomes: ok, forbidden, invalid_role, not_found, last_admin.
create or replace function public.staff_set_role(p_clinic uuid, p_user uuid, p_role text)
returns text
language plpgsql security definer set search_path = '' as $$
begin
  if not (p_clinic = any ((select private.admin_clinic_ids())::uuid[])) then
    return 'forbidden';
  end if;
  if p_role is null or p_role not in ('admin', 'receptionist') then
    return 'invalid_role';
  end if;
  update public.clinic_members set role = p_role where clinic_id = p_clinic and user_id = p_user;
  return case when found then 'ok' else 'not_found' end;
exception when sqlstate 'CW001' then
  return 'last_admin';
end;
$$;

-- Removes a member (their sessions end if it was their last clinic). Outcomes: ok, forbidden,
-- not_found, last_admin.
create or replace function public.staff_remove(p_clinic uuid, p_user uuid)
returns text
language plpgsql security definer set search_path = '' as $$
begin
  if not (p_clinic = any ((select private.admin_clinic_ids())::uuid[])) then
    return 'forbidden';
  end if;
  delete from public.clinic_members where clinic_id = p_clinic and user_id = p_user;
  return case when found then 'ok' else 'not_found' end;
exception when sqlstate 'CW001' then
  return 'last_admin';
end;
$$;

-- Supabase: after Supabase Auth invited (or already knew) the person, the server adds them, as
-- the admin p_actor (checked here; recorded as the audit's actor). Service side only. Outcomes:
-- ok, forbidden, invalid_role, already_member.
create or replace function public.staff_add_invited(p_clinic uuid, p_actor uuid, p_user uuid, p_role text)
returns text
language plpgsql security definer set search_path = '' as $$
begin
  if not exists (select 1 from public.clinic_members
                  where clinic_id = p_clinic and user_id = p_actor and role = 'admin') then
    return 'forbidden';
  end if;
  if p_role is null or p_role not in ('admin', 'receptionist') then
    return 'invalid_role';
  end if;
  perform set_config('request.jwt.claims', jsonb_build_object('sub', p_actor)::text, true);
  if exists (select 1 from public.clinic_members where clinic_id = p_clinic and user_id = p_user) then
    return 'already_member';
  end if;
  insert into public.clinic_members (clinic_id, user_id, role) values (p_clinic, p_user, p_role);
  return 'ok';
end;
$$;

revoke all on function public.staff_list(uuid), public.staff_invite(uuid, text, text, text),
  public.staff_revoke_invitation(uuid, uuid), public.staff_set_role(uuid, uuid, text),
  public.staff_remove(uuid, uuid), public.staff_add_invited(uuid, uuid, uuid, text)
  from public, anon;
grant execute on function public.staff_list(uuid), public.staff_invite(uuid, text, text, text),
  public.staff_revoke_invitation(uuid, uuid), public.staff_set_role(uuid, uuid, text),
  public.staff_remove(uuid, uuid) to authenticated;
revoke execute on function public.staff_add_invited(uuid, uuid, uuid, text) from authenticated;
grant execute on function public.staff_add_invited(uuid, uuid, uuid, text) to service_role;

-- ─── supabase/migrations/20261201001400_call_history.sql ───────────────────────────────────────

-- Calls over time (issue 20): a call that stopped sending messages without an end is closed by
-- the server as lost once it has outlived the assistant's maximum duration plus a margin
-- (lib/call-flow/lost-calls.ts), so the outcome gains `lost`; and the call history page reads
-- a clinic's calls newest first by when they started, filtered by date range.
alter table public.calls drop constraint calls_outcome_check;
alter table public.calls add constraint calls_outcome_check
  check (outcome in ('booked', 'follow_up', 'information', 'transferred', 'abandoned', 'failed', 'lost'));
comment on column public.calls.outcome is 'How the call ended for the business: booked, follow_up, information, transferred, abandoned, failed, or lost (it stopped sending messages without an end; closed by the server).';

create index calls_clinic_started_idx on public.calls (clinic_id, (coalesce(started_at, created_at)) desc, id desc);
-- The history's procedure and practitioner filters, and each row's booked practitioners, look
-- bookings up by call.
create index bookings_call_idx on public.bookings (call_id) where call_id is not null;

-- ─── supabase/migrations/20261201001500_onboarding.sql ─────────────────────────────────────────

-- Onboarding (issue 19): a signed-up owner creates a clinic and is walked through setting it up.
-- A new clinic has no Twilio number until its admin enters one (the walk-through's "phone number"
-- step), so clinics.phone_number may be null; inbound calls resolve by number, and a clinic
-- without one simply receives none. Creating a clinic is one security-definer function
-- (public.create_clinic): any signed-in person may create one and becomes its admin, audited.
-- The walk-through's state is derived from the clinic's rows; onboarding_steps holds only what
-- cannot be derived: the admin saying a step is done (details confirmed, hours reviewed).

alter table public.clinics alter column phone_number drop not null;
comment on column public.clinics.phone_number is 'The clinic''s Twilio number (E.164) that Vapi answers; resolves inbound calls to the clinic. Null until the admin enters it during onboarding.';

-- ---------------------------------------------------------------------------------------------
-- Explicit completions
-- ---------------------------------------------------------------------------------------------
create table public.onboarding_steps (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  step text not null check (step in ('details', 'hours')),
  completed_by uuid references auth.users (id) on delete set null,
  completed_at timestamptz not null default now(),
  unique (clinic_id, step)
);
comment on table public.onboarding_steps is 'Onboarding steps an admin marked done that the clinic''s rows cannot show by themselves (lib/onboarding derives the rest).';
comment on column public.onboarding_steps.id is 'Primary key.';
comment on column public.onboarding_steps.clinic_id is 'The clinic being set up.';
comment on column public.onboarding_steps.step is 'details: name, time zone and front desk confirmed; hours: opening hours and closures reviewed.';
comment on column public.onboarding_steps.completed_by is 'The admin who marked it done.';
comment on column public.onboarding_steps.completed_at is 'When it was marked done.';

alter table public.onboarding_steps enable row level security;
create policy "members read" on public.onboarding_steps for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.onboarding_steps for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.onboarding_steps for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
revoke all on public.onboarding_steps from anon;
revoke update, truncate, references, trigger on public.onboarding_steps from authenticated;
grant select, insert, delete on public.onboarding_steps to authenticated;
grant select, insert, update, delete on public.onboarding_steps to service_role;

create trigger onboarding_steps_audit after insert or delete on public.onboarding_steps
  for each row execute function private.audit_row_change('clinic_id');

-- ---------------------------------------------------------------------------------------------
-- Creating a clinic
-- ---------------------------------------------------------------------------------------------

-- Creates a clinic for the signed-in person, who becomes its admin (the membership is audited by
-- its trigger; the clinic's creation is audited here, since clinics are audited on update only).
-- The slug comes from the name, made unique with -2, -3, ... Invalid input raises 22023 with the
-- problem (lib/onboarding checks first and answers in sentences). Returns the clinic's id.
create or replace function public.create_clinic(p_name text, p_timezone text, p_front_desk text)
returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  v_user uuid := (select auth.uid());
  v_name text := btrim(coalesce(p_name, ''));
  v_base text;
  v_slug text;
  v_n integer := 1;
  v_id uuid;
  v_display text;
begin
  if v_user is null then
    raise exception 'sign in to create a clinic' using errcode = '42501';
  end if;
  if length(v_name) not between 1 and 120 then
    raise exception 'clinic name must be 1 to 120 characters' using errcode = '22023';
  end if;
  if p_front_desk is not null and p_front_desk !~ '^\+[1-9][0-9]{6,14}$' then
    raise exception 'front desk number must be E.164' using errcode = '22023';
  end if;
  -- A person creates clinics one at a time: two quick submissions make one clinic, not two.
  perform pg_advisory_xact_lock(hashtextextended('create_clinic:' || v_user::text, 0));
  select c.id into v_id from public.clinics c
    join public.clinic_members m on m.clinic_id = c.id and m.user_id = v_user and m.role = 'admin'
   where c.name = v_name and c.created_at > now() - interval '10 seconds';
  if found then
    return v_id;
  end if;

  v_base := btrim(regexp_replace(lower(v_name), '[^a-z0-9]+', '-', 'g'), '-');
  v_base := left(coalesce(nullif(v_base, ''), 'clinic'), 60);
  v_base := btrim(v_base, '-');
  v_slug := v_base;
  while exists (select 1 from public.clinics where slug = v_slug) loop
    v_n := v_n + 1;
    v_slug := v_base || '-' || v_n;
  end loop;

  insert into public.clinics (slug, name, timezone, front_desk_number)
  values (v_slug, v_name, p_timezone, p_front_desk)
  returning id into v_id;

  select left(coalesce(nullif(btrim(u.raw_user_meta_data ->> 'full_name'), ''), u.email, ''), 120)
    into v_display from auth.users u where u.id = v_user;
  insert into public.clinic_members (clinic_id, user_id, role, display_name)
  values (v_id, v_user, 'admin', coalesce(v_display, ''));

  insert into public.audit_log (clinic_id, actor_id, action, table_name, row_id, changes)
  values (v_id, v_user, 'insert', 'clinics', v_id,
          jsonb_build_object('name', jsonb_build_object('old', null, 'new', v_name),
                             'timezone', jsonb_build_object('old', null, 'new', p_timezone),
                             'front_desk_number', jsonb_build_object('old', null, 'new', p_front_desk)));
  return v_id;
end;
$$;
revoke all on function public.create_clinic(text, text, text) from public, anon;
grant execute on function public.create_clinic(text, text, text) to authenticated;

-- Clinics that existed before onboarding were set up by hand: their details and hours count as
-- confirmed, so the live board's checklist asks only for what their rows show is missing.
insert into public.onboarding_steps (clinic_id, step)
select c.id, s.step from public.clinics c cross join (values ('details'), ('hours')) as s (step)
on conflict do nothing;

-- ─── supabase/migrations/20261201001600_alerts.sql ─────────────────────────────────────────────

-- Alerts (issue 20): what needs the front desk is counted in the sidebar and the tab title, live
-- (pending bookings, open call-backs, transfers ringing, holds about to expire; lib/db/alerts.ts
-- counts them as the signed-in person, through RLS), and each staff member chooses whether the
-- dashboard also plays a sound and shows browser notifications (staff_alert_preferences).
--
-- Live: every change that can move a count is announced on the clinic's private topic
-- `clinic:<clinic_id>:alerts` as alerts_change, with the clinic's id and what kind of thing
-- changed (booking, callback, transfer, hold, or text: the unread count), nothing else; the dashboard reloads the counts through RLS. One topic, so the sidebar
-- holds one stream whatever page is open. A hold that merely comes close to its end, or lapses,
-- changes no row: the counts carry the next moment that happens (nextChangeAt) and the browser
-- reloads then.

-- ---------------------------------------------------------------------------------------------
-- Preferences, one row per member of staff per clinic
-- ---------------------------------------------------------------------------------------------
create table public.staff_alert_preferences (
  clinic_id uuid not null,
  user_id uuid not null,
  sound boolean not null default false,
  notifications boolean not null default false,
  updated_at timestamptz not null default now(),
  primary key (clinic_id, user_id),
  foreign key (clinic_id, user_id) references public.clinic_members (clinic_id, user_id) on delete cascade
);
create trigger staff_alert_preferences_touch before update on public.staff_alert_preferences
  for each row execute function private.touch_updated_at();
comment on table public.staff_alert_preferences is 'Whether a member of staff wants a sound and browser notifications when a transfer starts or an urgent call-back or pending booking appears. No row: both off.';
comment on column public.staff_alert_preferences.clinic_id is 'The clinic (the membership''s).';
comment on column public.staff_alert_preferences.user_id is 'The member of staff (auth.users.id); only they read or change the row.';
comment on column public.staff_alert_preferences.sound is 'Play a short sound.';
comment on column public.staff_alert_preferences.notifications is 'Show a browser notification (the browser''s own permission is asked for on their click).';
comment on column public.staff_alert_preferences.updated_at is 'When it last changed.';

-- A member reads and writes only their own row, in a clinic they belong to.
alter table public.staff_alert_preferences enable row level security;
create policy "staff read their own" on public.staff_alert_preferences for select to authenticated
  using (user_id = (select auth.uid()) and clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "staff add their own" on public.staff_alert_preferences for insert to authenticated
  with check (user_id = (select auth.uid()) and clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "staff change their own" on public.staff_alert_preferences for update to authenticated
  using (user_id = (select auth.uid()) and clinic_id = any ((select private.member_clinic_ids())::uuid[]))
  with check (user_id = (select auth.uid()) and clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke all on public.staff_alert_preferences from anon;
revoke update, delete, truncate, references, trigger on public.staff_alert_preferences from authenticated;
grant select, insert (clinic_id, user_id, sound, notifications) on public.staff_alert_preferences to authenticated;
grant update (sound, notifications) on public.staff_alert_preferences to authenticated;
grant select, insert, update, delete on public.staff_alert_preferences to service_role;

-- ---------------------------------------------------------------------------------------------
-- alerts_change broadcasts
-- ---------------------------------------------------------------------------------------------
-- SECURITY DEFINER like private.broadcast_call(): on Supabase a denied realtime.send fails silently.
create or replace function private.broadcast_alerts_change() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_clinic uuid;
begin
  if tg_op = 'DELETE' then
    v_clinic := old.clinic_id;
  else
    v_clinic := new.clinic_id;
  end if;
  perform realtime.send(
    jsonb_build_object('clinicId', v_clinic, 'kind', tg_argv[0]),
    'alerts_change', 'clinic:' || v_clinic || ':alerts', true);
  return null;
end;
$$;
revoke all on function private.broadcast_alerts_change() from public;

-- Bookings: made (pending), confirmed, cancelled, or gone.
create trigger bookings_alerts after insert or delete or update of status on public.bookings
  for each row execute function private.broadcast_alerts_change('booking');

-- Call-backs: opened, marked done or reopened, made urgent, or erased.
create trigger callback_tasks_alerts after insert or delete or update of done_at, urgency
  on public.callback_tasks for each row execute function private.broadcast_alerts_change('callback');

-- Transfers: a call entering or leaving transferring, or, while it rings, a change to what the
-- banner shows (its name, urgency) or to where it goes.
create trigger calls_alerts_transfer after update of state, caller_name, urgency, urgent_signs, transfer_target
  on public.calls for each row
  when ((old.state = 'transferring' or new.state = 'transferring')
        and (old.state, old.caller_name, old.urgency, old.urgent_signs, old.transfer_target)
            is distinct from (new.state, new.caller_name, new.urgency, new.urgent_signs, new.transfer_target))
  execute function private.broadcast_alerts_change('transfer');

-- Holds: taken, released, booked (the row becomes an appointment) or extended.
create trigger reservations_alerts_insert after insert on public.reservations
  for each row when (new.kind = 'hold') execute function private.broadcast_alerts_change('hold');
create trigger reservations_alerts_delete after delete on public.reservations
  for each row when (old.kind = 'hold') execute function private.broadcast_alerts_change('hold');
create trigger reservations_alerts_update after update of kind, held_until on public.reservations
  for each row
  when ((old.kind = 'hold' or new.kind = 'hold')
        and (old.kind, old.held_until) is distinct from (new.kind, new.held_until))
  execute function private.broadcast_alerts_change('hold');

-- Texts received or read: the sidebar's unread count (the Messages badge) reloads from the same
-- stream, so a dashboard page needs no inbox stream of its own for it (browsers allow six
-- connections to one server over HTTP/1.1, and every SSE stream holds one).
create trigger sms_messages_alerts after insert or update of read_at, patient_id on public.sms_messages
  for each row when (new.direction = 'inbound')
  execute function private.broadcast_alerts_change('text');

create policy "clinic staff receive alerts" on realtime.messages for select to authenticated
  using (
    realtime.messages.extension = 'broadcast'
    and (select realtime.topic()) like 'clinic:%:alerts'
    and split_part((select realtime.topic()), ':', 2) = any ((select private.member_clinic_ids())::text[])
  );

-- ─── supabase/migrations/20261201001700_clinic_locale.sql ──────────────────────────────────────

-- The clinic's locale and currency (issue 20): dates, times, phone numbers, prices and the
-- assistant's wording follow them (lib/format). The lists are mirrored in lib/format/locale.ts
-- (CLINIC_LOCALES, CLINIC_CURRENCIES; tests/integration/sql-lists.test.ts holds them equal).
-- A clinic created without them gets them from its time zone, else its front desk number's
-- country, else en-US/USD (what every clinic was formatted as before): private.clinic_locale_for
-- mirrors lib/format/locale.ts's localeDefaults.

alter table public.clinics
  add column locale text check (locale in ('en-GB', 'en-US', 'en-IE', 'en-AU', 'en-CA')),
  add column currency text check (currency in ('GBP', 'USD', 'EUR', 'AUD', 'CAD'));
comment on column public.clinics.locale is 'BCP 47 locale of dates, times and wording on staff screens, patient texts and the assistant (en-GB, en-US, ...); its region is the clinic''s country, whose numbers are shown in national format.';
comment on column public.clinics.currency is 'ISO 4217 currency of the clinic''s prices (GBP, USD, ...).';

-- The locale and currency a clinic in this time zone, with this front desk number, most likely
-- uses. Immutable: it reads nothing but its arguments.
create or replace function private.clinic_locale_for(p_timezone text, p_front_desk text)
returns table (locale text, currency text)
language sql immutable set search_path = '' as $$
  select v.locale, v.currency from (values
    (1, p_timezone in ('Europe/London', 'Europe/Belfast', 'Europe/Guernsey', 'Europe/Isle_of_Man',
                       'Europe/Jersey', 'GB', 'GB-Eire'), 'en-GB', 'GBP'),
    (2, p_timezone in ('Europe/Dublin', 'Eire'), 'en-IE', 'EUR'),
    (3, p_timezone like 'Australia/%', 'en-AU', 'AUD'),
    (4, p_timezone in ('America/Toronto', 'America/Vancouver', 'America/Edmonton', 'America/Winnipeg',
                       'America/Halifax', 'America/St_Johns', 'America/Regina', 'America/Moncton',
                       'America/Whitehorse', 'America/Yellowknife', 'America/Iqaluit', 'America/Glace_Bay',
                       'America/Goose_Bay', 'America/Swift_Current', 'America/Dawson_Creek',
                       'America/Fort_Nelson', 'America/Creston', 'America/Dawson', 'America/Inuvik',
                       'America/Cambridge_Bay', 'America/Rankin_Inlet', 'America/Resolute',
                       'America/Atikokan', 'America/Blanc-Sablon')
        or p_timezone like 'Canada/%', 'en-CA', 'CAD'),
    (5, p_timezone like 'America/%' or p_timezone like 'US/%', 'en-US', 'USD'),
    (6, p_front_desk like '+44%', 'en-GB', 'GBP'),
    (7, p_front_desk like '+353%', 'en-IE', 'EUR'),
    (8, p_front_desk like '+61%', 'en-AU', 'AUD'),
    (9, true, 'en-US', 'USD')
  ) as v (rank, matches, locale, currency)
  where v.matches
  order by v.rank
  limit 1;
$$;
revoke all on function private.clinic_locale_for(text, text) from public;

-- Existing clinics: derived, without auditing or touching them (nobody changed them).
alter table public.clinics disable trigger clinics_audit;
alter table public.clinics disable trigger clinics_touch;
update public.clinics c
   set (locale, currency) = (select d.locale, d.currency
                               from private.clinic_locale_for(c.timezone, c.front_desk_number) d);
alter table public.clinics enable trigger clinics_audit;
alter table public.clinics enable trigger clinics_touch;

-- New clinics without them: derived the same way before the row is checked.
create or replace function private.clinic_locale_defaults() returns trigger
language plpgsql set search_path = '' as $$
declare
  v_defaults record;
begin
  if new.locale is null or new.currency is null then
    select d.locale, d.currency into v_defaults
      from private.clinic_locale_for(new.timezone, new.front_desk_number) d;
    new.locale := coalesce(new.locale, v_defaults.locale);
    new.currency := coalesce(new.currency, v_defaults.currency);
  end if;
  return new;
end;
$$;
create trigger clinics_locale_defaults before insert on public.clinics
  for each row execute function private.clinic_locale_defaults();

alter table public.clinics alter column locale set not null, alter column currency set not null;

-- ---------------------------------------------------------------------------------------------
-- Creating a clinic: the owner may choose them (null derives them as above)
-- ---------------------------------------------------------------------------------------------
drop function public.create_clinic(text, text, text);
create or replace function public.create_clinic(
  p_name text, p_timezone text, p_front_desk text, p_locale text default null, p_currency text default null
)
returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  v_user uuid := (select auth.uid());
  v_name text := btrim(coalesce(p_name, ''));
  v_base text;
  v_slug text;
  v_n integer := 1;
  v_id uuid;
  v_display text;
  v_locale text;
  v_currency text;
begin
  if v_user is null then
    raise exception 'sign in to create a clinic' using errcode = '42501';
  end if;
  if length(v_name) not between 1 and 120 then
    raise exception 'clinic name must be 1 to 120 characters' using errcode = '22023';
  end if;
  if p_front_desk is not null and p_front_desk !~ '^\+[1-9][0-9]{6,14}$' then
    raise exception 'front desk number must be E.164' using errcode = '22023';
  end if;
  -- A person creates clinics one at a time: two quick submissions make one clinic, not two.
  perform pg_advisory_xact_lock(hashtextextended('create_clinic:' || v_user::text, 0));
  select c.id into v_id from public.clinics c
    join public.clinic_members m on m.clinic_id = c.id and m.user_id = v_user and m.role = 'admin'
   where c.name = v_name and c.created_at > now() - interval '10 seconds';
  if found then
    return v_id;
  end if;

  v_base := btrim(regexp_replace(lower(v_name), '[^a-z0-9]+', '-', 'g'), '-');
  v_base := left(coalesce(nullif(v_base, ''), 'clinic'), 60);
  v_base := btrim(v_base, '-');
  v_slug := v_base;
  while exists (select 1 from public.clinics where slug = v_slug) loop
    v_n := v_n + 1;
    v_slug := v_base || '-' || v_n;
  end loop;

  -- The checks on locale and currency refuse unsupported values (23514).
  insert into public.clinics (slug, name, timezone, front_desk_number, locale, currency)
  values (v_slug, v_name, p_timezone, p_front_desk, p_locale, p_currency)
  returning id, locale, currency into v_id, v_locale, v_currency;

  select left(coalesce(nullif(btrim(u.raw_user_meta_data ->> 'full_name'), ''), u.email, ''), 120)
    into v_display from auth.users u where u.id = v_user;
  insert into public.clinic_members (clinic_id, user_id, role, display_name)
  values (v_id, v_user, 'admin', coalesce(v_display, ''));

  insert into public.audit_log (clinic_id, actor_id, action, table_name, row_id, changes)
  values (v_id, v_user, 'insert', 'clinics', v_id,
          jsonb_build_object('name', jsonb_build_object('old', null, 'new', v_name),
                             'timezone', jsonb_build_object('old', null, 'new', p_timezone),
                             'front_desk_number', jsonb_build_object('old', null, 'new', p_front_desk),
                             'locale', jsonb_build_object('old', null, 'new', v_locale),
                             'currency', jsonb_build_object('old', null, 'new', v_currency)));
  return v_id;
end;
$$;
revoke all on function public.create_clinic(text, text, text, text, text) from public, anon;
grant execute on function public.create_clinic(text, text, text, text, text) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- A Vapi message's clinic carries its locale and currency too (the tools word times with them)
-- ---------------------------------------------------------------------------------------------
drop function private.vapi_message_context(text, text, text, text, text, boolean, text, text, text, timestamptz);
create or replace function private.vapi_message_context(
  p_phone_number text, p_clinic_hint text, p_vapi_call_id text, p_dedupe_key text, p_message_type text,
  p_create_call boolean, p_caller_number text, p_twilio_call_sid text, p_assistant_id text, p_started_at timestamptz
) returns table (clinic_id uuid, clinic_name text, clinic_timezone text, clinic_phone_number text,
                clinic_vapi_assistant_id text, webhook_event_id bigint, duplicate boolean, response jsonb,
                call_id uuid, call_clinic_id uuid, call_state text, call_state_version integer,
                call_caller_number text, clinic_locale text, clinic_currency text)
language plpgsql security invoker set search_path = '' as $$
declare
  v_clinic record;
  v_event_id bigint;
  v_response jsonb;
  v_call_id uuid;
  v_call_clinic_id uuid;
  v_state text;
  v_version integer;
  v_caller text;
begin
  select c.id, c.name, c.timezone, c.phone_number, c.vapi_assistant_id, c.locale, c.currency into v_clinic
    from public.clinics c
   where (p_phone_number is not null and c.phone_number = p_phone_number)
      or (p_clinic_hint ~ '^[0-9a-f-]{36}$' and c.id = p_clinic_hint::uuid)
      or c.id = (select k.clinic_id from public.calls k where k.vapi_call_id = p_vapi_call_id)
   order by (c.phone_number = p_phone_number) desc nulls last
   limit 1;
  if not found then
    return;
  end if;

  insert into public.webhook_events (source, dedupe_key, message_type, clinic_id, external_call_id)
  values ('vapi', left(p_dedupe_key, 500), p_message_type, v_clinic.id, p_vapi_call_id)
  on conflict (source, dedupe_key) do nothing
  returning id into v_event_id;
  if v_event_id is null then
    select e.response into v_response from public.webhook_events e
     where e.source = 'vapi' and e.dedupe_key = left(p_dedupe_key, 500);
    return query select v_clinic.id, v_clinic.name, v_clinic.timezone, v_clinic.phone_number::text,
                        v_clinic.vapi_assistant_id, null::bigint, true, v_response,
                        null::uuid, null::uuid, null::text, null::integer, null::text,
                        v_clinic.locale, v_clinic.currency;
    return;
  end if;

  if p_vapi_call_id is null then
    null; -- no call
  elsif p_create_call then
    insert into public.calls as k (clinic_id, vapi_call_id, caller_number, twilio_call_sid, assistant_id, started_at)
    values (v_clinic.id, p_vapi_call_id, p_caller_number, p_twilio_call_sid, p_assistant_id, p_started_at)
    on conflict (vapi_call_id) do update set
      caller_number = coalesce(k.caller_number, excluded.caller_number),
      twilio_call_sid = coalesce(k.twilio_call_sid, excluded.twilio_call_sid),
      assistant_id = coalesce(k.assistant_id, excluded.assistant_id),
      started_at = least(k.started_at, excluded.started_at)
    -- Most messages of a call bring nothing new: the row is then locked but not rewritten (no
    -- new row version, no triggers), and read below under that lock.
    where (k.caller_number is null and excluded.caller_number is not null)
       or (k.twilio_call_sid is null and excluded.twilio_call_sid is not null)
       or (k.assistant_id is null and excluded.assistant_id is not null)
       or (excluded.started_at < k.started_at)
       or (k.started_at is null and excluded.started_at is not null)
    returning k.id, k.clinic_id, k.state, k.state_version, k.caller_number
      into v_call_id, v_call_clinic_id, v_state, v_version, v_caller;
    if not found then
      select k.id, k.clinic_id, k.state, k.state_version, k.caller_number
        into v_call_id, v_call_clinic_id, v_state, v_version, v_caller
        from public.calls k where k.vapi_call_id = p_vapi_call_id;
    end if;
  else
    select k.id, k.clinic_id, k.state, k.state_version, k.caller_number
      into v_call_id, v_call_clinic_id, v_state, v_version, v_caller
      from public.calls k where k.clinic_id = v_clinic.id and k.vapi_call_id = p_vapi_call_id;
  end if;
  return query select v_clinic.id, v_clinic.name, v_clinic.timezone, v_clinic.phone_number::text,
                      v_clinic.vapi_assistant_id, v_event_id, false, null::jsonb,
                      v_call_id, v_call_clinic_id, v_state, v_version, v_caller,
                      v_clinic.locale, v_clinic.currency;
end;
$$;
revoke all on function private.vapi_message_context(text, text, text, text, text, boolean, text, text, text, timestamptz)
  from public;
grant execute on function private.vapi_message_context(text, text, text, text, text, boolean, text, text, text, timestamptz)
  to service_role;

-- ─── supabase/migrations/20261201001800_staff_can_act.sql ──────────────────────────────────────

-- Staff can act (issue 20): the full number to ring a patient back, decided per role here; call
-- history exports in the access log; a text to the patient when staff cancel their appointment;
-- the aftercare leaflet's text for its HTML page. docs/data-flow.md, docs/reminders.md.

-- Who sees a patient's full number. The rule lives here, once: a member of the number's clinic
-- whose role is one of those listed (today every staff role: admins and receptionists, who ring
-- patients back). Anyone else (a member of another clinic, a role added later and not listed,
-- no session) gets null, and the dashboard shows the last four digits. lib/db reads numbers
-- for staff through public.staff_phone, never the column alone.
create or replace function public.sees_full_numbers(p_clinic_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.clinic_members m
     where m.clinic_id = p_clinic_id and m.user_id = (select auth.uid())
       and m.role in ('admin', 'receptionist'));
$$;
comment on function public.sees_full_numbers(uuid) is 'True when the signed-in person may see full patient numbers of the clinic (its admins and receptionists); the single masking rule.';
revoke all on function public.sees_full_numbers(uuid) from public, anon;
grant execute on function public.sees_full_numbers(uuid) to authenticated;

create or replace function public.staff_phone(p_clinic_id uuid, p_phone text) returns text
language sql stable set search_path = '' as $$
  select case when public.sees_full_numbers(p_clinic_id) then p_phone end;
$$;
comment on function public.staff_phone(uuid, text) is 'A patient''s number as the signed-in person may see it: in full for the roles public.sees_full_numbers allows, else null (show the last four digits).';
revoke all on function public.staff_phone(uuid, text) from public, anon;
grant execute on function public.staff_phone(uuid, text) to authenticated;

-- Exports in the access log: an admin downloading the call history as CSV is recorded like a
-- patient's export (subject calls_export, subject_id the clinic), every time.
alter table public.access_log drop constraint access_log_subject_check;
alter table public.access_log add constraint access_log_subject_check
  check (subject in ('call', 'patient', 'export', 'erasure', 'calls_export'));
comment on column public.access_log.subject is 'call (its page, with the transcript), patient (their page), export or erasure (a privacy request), calls_export (the call history as CSV).';
comment on column public.access_log.subject_id is 'The call''s, patient''s or privacy request''s id; the clinic''s for calls_export.';

create or replace function public.record_access(p_clinic_id uuid, p_subject text, p_subject_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
declare
  v_actor uuid := (select auth.uid());
begin
  if v_actor is null or not (p_clinic_id = any (private.member_clinic_ids())) then
    raise exception 'not a member of this clinic' using errcode = '42501';
  end if;
  if p_subject = 'calls_export' and not (p_clinic_id = any (private.admin_clinic_ids())) then
    raise exception 'only admins export the call history' using errcode = '42501';
  end if;
  if not (case p_subject
            when 'call' then exists (select 1 from public.calls c where c.id = p_subject_id and c.clinic_id = p_clinic_id)
            when 'patient' then exists (select 1 from public.patients p where p.id = p_subject_id and p.clinic_id = p_clinic_id)
            when 'calls_export' then p_subject_id = p_clinic_id
            else false
          end) then
    raise exception 'no such % in this clinic', p_subject using errcode = '22023';
  end if;
  -- Opening the same page again within a minute is one row; every export is its own.
  if p_subject <> 'calls_export' and exists (
       select 1 from public.access_log a
        where a.clinic_id = p_clinic_id and a.subject = p_subject and a.subject_id = p_subject_id
          and a.actor_id = v_actor and a.at > now() - interval '1 minute') then
    return;
  end if;
  insert into public.access_log (clinic_id, actor_id, actor_email, subject, subject_id)
  values (p_clinic_id, v_actor, left((select auth.email()), 320), p_subject, p_subject_id);
end;
$$;
comment on function public.record_access(uuid, text, uuid) is 'Appends to access_log as the signed-in member: a call or patient of their clinic, or (admins) a call history export; refuses others (42501) and unknown subjects (22023).';

-- The cancellation text: when a member of staff cancels an appointment still ahead (the diary,
-- Bookings, a call's page), the patient is told by text, once (the unique index), by the
-- reminders worker with its guarantees (opt-outs by keyed hash and consent checked at send time,
-- a failure recorded with its reason and shown on the booking). Cancellations by the patient
-- (on the phone with Voxanne, on their manage page) are answered there and are not texted.
alter table public.appointment_texts drop constraint appointment_texts_kind_check;
alter table public.appointment_texts add constraint appointment_texts_kind_check
  check (kind in ('confirmation', 'reminder_24h', 'reminder_2h', 'reply_confirmed', 'reply_manage_link',
                  'call_manage_link', 'waitlist_offer', 'cancellation'));
comment on column public.appointment_texts.kind is 'confirmation (made or moved, with a calendar link), reminder_24h, reminder_2h, reply_confirmed (answer to "1"/YES), reply_manage_link (answer to "2"), call_manage_link (asked for on a call, texted to the number on file), waitlist_offer (an earlier time for a waiting patient) or cancellation (staff cancelled the appointment).';
drop index public.appointment_texts_once;
create unique index appointment_texts_once on public.appointment_texts (booking_id, kind, appointment_starts_at)
  where status <> 'withdrawn' and kind in ('confirmation', 'reminder_24h', 'reminder_2h', 'cancellation');

create or replace function private.plan_cancellation_text(p_booking_id uuid)
returns integer language plpgsql security definer set search_path = '' as $$
declare
  v_booking public.bookings;
  v_rows integer;
begin
  select * into v_booking from public.bookings b where b.id = p_booking_id;
  if not found or v_booking.status <> 'cancelled' or v_booking.patient_phone is null
     or v_booking.starts_at <= now() or (select auth.uid()) is null then
    return 0;
  end if;
  insert into public.appointment_texts (clinic_id, booking_id, kind, appointment_starts_at, to_number,
                                        next_attempt_at, due_by)
  values (v_booking.clinic_id, v_booking.id, 'cancellation', v_booking.starts_at, v_booking.patient_phone,
          now(), least(now() + interval '1 hour', v_booking.starts_at))
  on conflict do nothing;
  get diagnostics v_rows = row_count;
  return v_rows;
end;
$$;

create or replace function private.on_booking_texts() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    perform private.plan_appointment_texts(new.id, true, null);
    return null;
  end if;
  if new.status in ('cancelled', 'no_show', 'arrived', 'completed') and new.status <> old.status then
    perform private.withdraw_appointment_texts(new.id,
      case new.status when 'cancelled' then 'The appointment was cancelled.'
                      when 'no_show' then 'The appointment was marked as a no-show.'
                      else 'The patient has arrived.' end, false);
    if new.status = 'cancelled' then
      perform private.plan_cancellation_text(new.id);
    end if;
  elsif new.starts_at is distinct from old.starts_at then
    perform private.withdraw_appointment_texts(new.id, 'The appointment was moved.', false);
    perform private.plan_appointment_texts(new.id, true, old.starts_at);
  elsif new.patient_phone is distinct from old.patient_phone then
    perform private.withdraw_appointment_texts(new.id, 'The patient''s number changed.', true);
    perform private.plan_appointment_texts(new.id, false, null);
  end if;
  return null;
end;
$$;
revoke all on function private.plan_cancellation_text(uuid), private.on_booking_texts() from public;

-- The aftercare leaflet as text, for the patient's HTML page (app/a/[token]): title, subtitle,
-- intro and sections of bullets, with {clinicName} and {clinicPhone} filled in from the clinic
-- when shown. Null for an uploaded PDF: the page then offers the PDF alone.
alter table public.aftercare_documents add column body jsonb
  check (body is null or (jsonb_typeof(body) = 'object' and jsonb_typeof(body -> 'sections') = 'array'
                          and octet_length(body::text) <= 65536));
comment on column public.aftercare_documents.body is 'The leaflet''s text for its HTML page ({ subtitle, intro, sections: [{ heading, intro?, bullets, outro? }], disclaimer }), placeholders {clinicName} and {clinicPhone}; null: the PDF only.';

-- ─── supabase/migrations/20261201002100_purge_auth_leftovers.sql ───────────────────────────────

-- Sign-in leftovers no longer kept forever (found in review): failed sign-in counters hold a
-- staff member's email or a client address, and ended sessions their user and times. Counters
-- are forgotten after an hour without failures (lib/auth/throttle.ts), so a day after the last
-- one, with no lock running, the row says nothing; sessions that expired or were revoked stay 30
-- days (the staff page shows recent sign-outs and bans), then go. The daily purge's unowned run
-- (lib/privacy/purge.ts) calls this.
create function public.purge_sign_in_leftovers(p_now timestamptz default now())
returns integer
language plpgsql security definer set search_path = '' as $$
declare
  v_failures integer;
  v_sessions integer;
begin
  delete from private.sign_in_failures
   where last_failure_at < p_now - interval '1 day'
     and (locked_until is null or locked_until < p_now);
  get diagnostics v_failures = row_count;
  delete from private.local_sessions
   where expires_at < p_now - interval '30 days'
      or revoked_at < p_now - interval '30 days';
  get diagnostics v_sessions = row_count;
  return v_failures + v_sessions;
end;
$$;
revoke all on function public.purge_sign_in_leftovers(timestamptz) from public, anon, authenticated;
grant execute on function public.purge_sign_in_leftovers(timestamptz) to service_role;
comment on function public.purge_sign_in_leftovers(timestamptz) is 'Deletes sign-in failure counters a day after their last failure (no lock running) and local sessions 30 days after they expired or were revoked; how many rows went.';
