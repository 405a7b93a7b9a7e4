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
