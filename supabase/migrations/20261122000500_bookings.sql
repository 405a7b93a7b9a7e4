-- Bookings: appointment slots, the bookings made in them, and the functions that guard the
-- booking invariants (architecture decision 3). Webhooks call the functions through the
-- service role; they are never exposed to staff or the anon key. Staff read their clinic's
-- slots and bookings, and receptionists confirm or cancel bookings.
--
-- Locking rule, to make deadlocks impossible: every function locks all the slot rows it will
-- touch (the target and the call's current holds) in one statement, ordered by id. Callers have
-- locked the call's row before (lock order: call, then slots; see ..._calls.sql and
-- lib/db/locks.ts).

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
-- A change to a hold also touches the holding call so it broadcasts: slots_touch_calls, in
-- ..._realtime.sql.
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

alter table public.slots enable row level security;
create policy "members read" on public.slots for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.slots from anon, authenticated;

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
-- cancellation frees the slot in the same transaction. (Status changes are also audited, without
-- copying the patient's name or phone: bookings_audit, in ..._audit.sql.)
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
