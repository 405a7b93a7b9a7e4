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
