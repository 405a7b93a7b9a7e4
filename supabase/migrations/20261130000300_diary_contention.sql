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
