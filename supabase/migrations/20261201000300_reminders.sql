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
