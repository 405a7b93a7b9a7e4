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
