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
