-- Calls and their audit trail, appointment slots and bookings, redacted transcript logs,
-- webhook de-duplication and per-turn latency. Writers are the webhooks (service side);
-- staff read their clinic's rows and receptionists confirm or cancel bookings.

create table public.calls (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  vapi_call_id text not null unique check (length(vapi_call_id) between 1 and 200),
  twilio_call_sid text unique check (twilio_call_sid ~ '^CA[0-9a-fA-F]{32}$'),
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
  unique (id, clinic_id)
);
create index calls_clinic_active_idx on public.calls (clinic_id, created_at desc);
create index calls_clinic_state_idx on public.calls (clinic_id, state)
  where state not in ('completed', 'ended', 'failed', 'abandoned');
create trigger calls_touch before update on public.calls
  for each row execute function private.touch_updated_at();
comment on table public.calls is 'One phone call answered by the assistant, with its current state in the call-flow state machine.';
comment on column public.calls.id is 'Primary key.';
comment on column public.calls.clinic_id is 'The clinic whose number was called.';
comment on column public.calls.vapi_call_id is 'Vapi''s call id (message.call.id); unique, the key webhooks resolve by.';
comment on column public.calls.twilio_call_sid is 'Twilio CallSid (call.phoneCallProviderId), for Twilio status callbacks.';
comment on column public.calls.caller_number is 'Caller''s number as given by the carrier; masked in the dashboard.';
comment on column public.calls.caller_name is 'Name the caller gave, once known.';
comment on column public.calls.state is 'Current state (lib/call-flow states). Terminal: completed, ended, failed, abandoned.';
comment on column public.calls.state_version is 'Incremented on every transition; optimistic concurrency and broadcast ordering.';
comment on column public.calls.intent is 'What the caller wanted, once known.';
comment on column public.calls.outcome is 'How the call ended for the business: booked, follow-up scheduled, etc.';
comment on column public.calls.procedures_of_interest is 'Procedures the caller asked about (procedures.id).';
comment on column public.calls.assistant_id is 'Vapi assistant id that answered.';
comment on column public.calls.started_at is 'When the call reached us (first message).';
comment on column public.calls.answered_at is 'When the conversation started (status in-progress).';
comment on column public.calls.ended_at is 'When the call ended.';
comment on column public.calls.ended_reason is 'Vapi endedReason, verbatim (unknown values kept).';
comment on column public.calls.last_turn_latency_ms is 'Latest measured user-end to assistant-start delay, for the live board.';
comment on column public.calls.created_at is 'When the row was created.';
comment on column public.calls.updated_at is 'When the row last changed.';
select private.create_clinic_policies('public.calls', 'none');

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
select private.create_clinic_policies('public.call_events', 'none');

create or replace function private.forbid_update() returns trigger
language plpgsql set search_path = '' as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = '42501';
end;
$$;
create trigger call_events_append_only before update on public.call_events
  for each row execute function private.forbid_update();

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
select private.create_clinic_policies('public.slots', 'none');

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
-- cancellation frees the slot in the same transaction.
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
select private.create_clinic_policies('public.logs', 'none');

create table public.webhook_events (
  id bigint generated always as identity primary key,
  source text not null check (source in ('vapi', 'twilio', 'follow-up')),
  dedupe_key text not null check (length(dedupe_key) between 1 and 500),
  message_type text not null check (length(message_type) between 1 and 100),
  clinic_id uuid references public.clinics (id) on delete cascade,
  external_call_id text,
  received_at timestamptz not null default now(),
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
alter table public.webhook_events enable row level security;
revoke all on public.webhook_events from anon, authenticated;

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
select private.create_clinic_policies('public.turn_latencies', 'none');

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
