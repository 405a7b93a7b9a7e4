-- The functions that guard the booking invariants (decision 3). Webhooks call them through
-- the service role; they are never exposed to staff or the anon key.
--
-- Locking rule, to make deadlocks impossible: every function locks all the slot rows it will
-- touch (the target and the call's current holds) in one statement, ordered by id. Callers have
-- locked the call's row before (lock order: call, then slots; see lib/db/locks.ts).

-- Tool-call replies are kept with the webhook event, so a retried tool call gets the same answer.
alter table public.webhook_events add column response jsonb;
comment on column public.webhook_events.response is 'What we answered (tool-call results), returned again to a retried duplicate.';

create or replace function private.is_terminal_call_state(p_state text) returns boolean
language sql immutable set search_path = '' as $$
  select p_state in ('completed', 'ended', 'failed', 'abandoned');
$$;

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
