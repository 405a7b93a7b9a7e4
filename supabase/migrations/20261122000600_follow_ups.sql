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
