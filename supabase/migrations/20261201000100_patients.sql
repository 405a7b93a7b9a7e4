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
