-- The diary's occupancy: everything that takes a practitioner's (or a room's) time is a row in
-- `reservations` (live-call holds, appointments, staff blocks), guarded by exclusion
-- constraints per practitioner and per resource over its occupied range (buffers included).
-- `slot_offers` records what check_availability offered a call: the assistant can only hold
-- and book an offer made to its own call, never an arbitrary time. `bookings` stays the
-- appointment record and gains its practitioner, resource, type, time, source and lifecycle
-- (pending → confirmed → arrived → completed, or cancelled / no_show). The fixed grid
-- (`slots`, `generate_slots`) is migrated and dropped. docs/diary.md describes the model.
--
-- Lock order, everywhere (no deadlocks): the call's row (callers lock it first, see
-- lib/db/locks.ts), then the practitioner row, then the resource row (`SELECT … FOR UPDATE`,
-- private.lock_diary), then a booking's row before its reservation's. Every write that takes a
-- reservation row lock has taken its diary locks before, so no one waits for a diary lock while
-- holding a reservation row. The sweeper only locks expired holds (SKIP LOCKED) and touches no
-- call; releases delete the call's own holds, whose call row they already hold.
--
-- Data: each booked slot becomes an appointment reservation (its live booking gets the slot's
-- practitioner and time, and the procedure's consultation type when there is one), each
-- blocked slot (or booked slot without a live booking) a staff block. Live holds (90 seconds
-- at most) are dropped: a caller holding one when the migration runs is told the time is no
-- longer held when they confirm, and is offered others.

-- What check_availability offered a call. The id is the opaque slotId the assistant passes to
-- hold_slot / confirm_booking / release_slot.
create table public.slot_offers (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  call_id uuid not null,
  appointment_type_id uuid not null,
  procedure_id uuid,
  practitioner_id uuid not null,
  resource_id uuid,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  occupied tstzrange not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '15 minutes',
  unique (id, clinic_id),
  check (ends_at > starts_at),
  check (occupied @> tstzrange(starts_at, ends_at)),
  foreign key (call_id, clinic_id) references public.calls (id, clinic_id) on delete cascade,
  foreign key (appointment_type_id, clinic_id) references public.appointment_types (id, clinic_id) on delete cascade,
  foreign key (practitioner_id, clinic_id) references public.practitioners (id, clinic_id) on delete cascade,
  foreign key (resource_id, clinic_id) references public.resources (id, clinic_id) on delete cascade,
  foreign key (procedure_id, clinic_id) references public.procedures (id, clinic_id) on delete set null (procedure_id)
);
create index slot_offers_call_idx on public.slot_offers (call_id);
create index slot_offers_expires_idx on public.slot_offers (expires_at);
comment on table public.slot_offers is 'Times check_availability offered a call; only these can be held and booked by that call, until they expire.';
comment on column public.slot_offers.id is 'Primary key; the opaque slotId the assistant passes to hold_slot, confirm_booking and release_slot.';
comment on column public.slot_offers.clinic_id is 'The clinic.';
comment on column public.slot_offers.call_id is 'The call it was offered to; no other call can claim it.';
comment on column public.slot_offers.appointment_type_id is 'What would be booked.';
comment on column public.slot_offers.procedure_id is 'The procedure the type belongs to.';
comment on column public.slot_offers.practitioner_id is 'Who would see the patient.';
comment on column public.slot_offers.resource_id is 'The room or device it needs, if any.';
comment on column public.slot_offers.starts_at is 'Start of the appointment.';
comment on column public.slot_offers.ends_at is 'End of the appointment (start + duration).';
comment on column public.slot_offers.occupied is 'What a hold or booking of it occupies: the appointment with its buffers.';
comment on column public.slot_offers.created_at is 'When it was offered.';
comment on column public.slot_offers.expires_at is 'After this it can no longer be held (15 minutes after the offer).';

alter table public.slot_offers enable row level security;
create policy "members read" on public.slot_offers for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.slot_offers from anon, authenticated;

-- The appointment record gains what the diary needs. Data first, constraints after.
alter table public.bookings
  add column practitioner_id uuid,
  add column resource_id uuid,
  add column appointment_type_id uuid,
  add column starts_at timestamptz,
  add column ends_at timestamptz,
  add column source text not null default 'assistant' check (source in ('assistant', 'staff')),
  add column notes text not null default '' check (length(notes) <= 2000),
  add column created_by uuid references auth.users (id) on delete set null,
  add column offer_id uuid references public.slot_offers (id) on delete set null,
  add column arrived_at timestamptz,
  add column completed_at timestamptz,
  add column no_show_at timestamptz;

update public.bookings b
   set practitioner_id = s.practitioner_id, starts_at = s.starts_at, ends_at = s.ends_at,
       appointment_type_id = (select t.id from public.appointment_types t
                               where t.procedure_id = b.procedure_id and t.kind = 'consultation')
  from public.slots s
 where s.id = b.slot_id;

alter table public.bookings
  alter column practitioner_id set not null,
  alter column starts_at set not null,
  alter column ends_at set not null,
  add constraint bookings_time_check check (ends_at > starts_at),
  add constraint bookings_practitioner_fk foreign key (practitioner_id, clinic_id)
    references public.practitioners (id, clinic_id),
  add constraint bookings_resource_fk foreign key (resource_id, clinic_id)
    references public.resources (id, clinic_id),
  add constraint bookings_appointment_type_fk foreign key (appointment_type_id, clinic_id)
    references public.appointment_types (id, clinic_id) on delete set null (appointment_type_id),
  drop constraint bookings_status_check,
  add constraint bookings_status_check
    check (status in ('pending', 'confirmed', 'arrived', 'completed', 'cancelled', 'no_show'));
create index bookings_clinic_starts_idx on public.bookings (clinic_id, starts_at);
-- At most one live appointment per offer, whatever the code above it does.
create unique index bookings_one_live_per_offer on public.bookings (offer_id)
  where offer_id is not null and status not in ('cancelled', 'no_show');

comment on table public.bookings is 'Appointments ("appointment" in the UI and docs): booked by the assistant on a call or by staff in the diary; their time is held in reservations.';
comment on column public.bookings.practitioner_id is 'Who sees the patient.';
comment on column public.bookings.resource_id is 'The room or device it uses, if any.';
comment on column public.bookings.appointment_type_id is 'What was booked (null for appointments migrated without a type).';
comment on column public.bookings.starts_at is 'Start (UTC; shown in the clinic''s time zone).';
comment on column public.bookings.ends_at is 'End (start + duration; buffers are in the reservation).';
comment on column public.bookings.source is 'assistant (on a call) or staff (in the diary).';
comment on column public.bookings.notes is 'Staff notes; never copied into the audit trail.';
comment on column public.bookings.created_by is 'Staff member who booked it (staff bookings).';
comment on column public.bookings.offer_id is 'The offer the assistant booked (makes confirm_booking idempotent).';
comment on column public.bookings.arrived_at is 'When the patient was marked arrived.';
comment on column public.bookings.completed_at is 'When it was marked completed.';
comment on column public.bookings.no_show_at is 'When it was marked as a no-show.';
comment on column public.bookings.status is 'pending (awaiting staff), confirmed, arrived, completed, cancelled (with a reason) or no_show.';

-- Everything that takes time. Holds are data (held_until), never an open transaction; an
-- expired hold is removed under lock by the next claim or staff write over its range, and by
-- the sweeper. Cancelled and no-show appointments release their reservation.
create table public.reservations (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  kind text not null check (kind in ('hold', 'appointment', 'block')),
  practitioner_id uuid,
  resource_id uuid,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  occupied tstzrange not null,
  call_id uuid,
  held_until timestamptz,
  offer_id uuid references public.slot_offers (id) on delete set null,
  booking_id uuid unique,
  reason text check (length(reason) <= 200),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, clinic_id),
  check (ends_at > starts_at),
  check (not isempty(occupied) and occupied @> tstzrange(starts_at, ends_at)),
  -- Only a block may take a resource without a practitioner.
  check (practitioner_id is not null or (kind = 'block' and resource_id is not null)),
  check (case kind
           when 'hold' then call_id is not null and held_until is not null and offer_id is not null and booking_id is null and reason is null
           when 'appointment' then booking_id is not null and held_until is null and reason is null
           else call_id is null and held_until is null and booking_id is null and reason is not null end),
  foreign key (practitioner_id, clinic_id) references public.practitioners (id, clinic_id) on delete cascade,
  foreign key (resource_id, clinic_id) references public.resources (id, clinic_id) on delete cascade,
  foreign key (call_id, clinic_id) references public.calls (id, clinic_id) on delete cascade,
  foreign key (booking_id, clinic_id) references public.bookings (id, clinic_id) on delete cascade,
  -- The backstop under every write: a practitioner, or a room or device, is never taken twice.
  constraint reservations_practitioner_no_overlap exclude using gist (
    practitioner_id with =, occupied with &&
  ) where (practitioner_id is not null),
  constraint reservations_resource_no_overlap exclude using gist (
    resource_id with =, occupied with &&
  ) where (resource_id is not null)
);
create index reservations_clinic_occupied_idx on public.reservations using gist (clinic_id, occupied);
create index reservations_call_idx on public.reservations (call_id) where kind = 'hold';
create index reservations_held_until_idx on public.reservations (held_until) where kind = 'hold';
create index reservations_offer_idx on public.reservations (offer_id) where offer_id is not null;
create trigger reservations_touch before update on public.reservations
  for each row execute function private.touch_updated_at();
comment on table public.reservations is 'Everything that takes a practitioner''s or resource''s time: holds on live calls, appointments, staff blocks. Exclusion constraints forbid overlaps.';
comment on column public.reservations.id is 'Primary key.';
comment on column public.reservations.clinic_id is 'The clinic.';
comment on column public.reservations.kind is 'hold (a live call, until held_until), appointment (a booking) or block (staff).';
comment on column public.reservations.practitioner_id is 'Whose time; null only for a block of a resource alone.';
comment on column public.reservations.resource_id is 'The room or device it takes, if any.';
comment on column public.reservations.starts_at is 'Start of the thing itself.';
comment on column public.reservations.ends_at is 'End of the thing itself.';
comment on column public.reservations.occupied is 'The time it takes, buffers included; what the exclusion constraints compare.';
comment on column public.reservations.call_id is 'The holding call (holds), or the call that booked it (appointments).';
comment on column public.reservations.held_until is 'Hold expiry (90 s after the claim); an expired hold counts as free.';
comment on column public.reservations.offer_id is 'The offer held or booked (assistant holds and appointments).';
comment on column public.reservations.booking_id is 'The appointment record (appointments).';
comment on column public.reservations.reason is 'Why the time is blocked (blocks), shown to staff.';
comment on column public.reservations.created_by is 'Staff member who made it (staff bookings and blocks).';
comment on column public.reservations.created_at is 'When it was made.';
comment on column public.reservations.updated_at is 'When it last changed.';

alter table public.reservations enable row level security;
create policy "members read" on public.reservations for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.reservations from anon, authenticated;

-- Today's data. Appointments first (one per booked slot with its live booking), then blocks;
-- a block overlapping something already migrated is skipped (its time is taken anyway).
insert into public.reservations (clinic_id, kind, practitioner_id, starts_at, ends_at, occupied, call_id, booking_id)
select s.clinic_id, 'appointment', s.practitioner_id, s.starts_at, s.ends_at, tstzrange(s.starts_at, s.ends_at), b.call_id, b.id
  from public.slots s
  join public.bookings b on b.slot_id = s.id and b.status <> 'cancelled'
 where s.status = 'booked'
on conflict do nothing;

insert into public.reservations (clinic_id, kind, practitioner_id, starts_at, ends_at, occupied, reason)
select s.clinic_id, 'block', s.practitioner_id, s.starts_at, s.ends_at, tstzrange(s.starts_at, s.ends_at),
       case s.status when 'blocked' then 'Blocked' else 'Booked (no appointment record)' end
  from public.slots s
 where s.status = 'blocked'
    or (s.status = 'booked' and not exists (select 1 from public.reservations r where r.booking_id in (
          select b.id from public.bookings b where b.slot_id = s.id)))
 order by s.starts_at
on conflict do nothing;

drop index public.bookings_one_live_per_slot;
alter table public.bookings drop column slot_id;
drop function public.generate_slots(uuid, integer);
drop function private.touch_calls_for_slot() cascade;
drop table public.slots cascade;

-- Staff changes to an appointment's status: allowed transitions only, stamped with who (the
-- audit trail's actor) and when; a cancellation needs a reason; cancelled and no-show free the
-- time in the same transaction. Audited without copying the patient's name, phone or notes.
create or replace function private.on_booking_status_change() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.status = old.status then
    return new;
  end if;
  if not ((old.status = 'pending' and new.status in ('confirmed', 'cancelled', 'no_show'))
          or (old.status = 'confirmed' and new.status in ('arrived', 'cancelled', 'no_show'))
          or (old.status = 'arrived' and new.status = 'completed')) then
    raise exception 'a % booking cannot become %', old.status, new.status using errcode = '22023';
  end if;
  case new.status
    when 'confirmed' then
      new.confirmed_by := (select auth.uid());
      new.confirmed_at := now();
    when 'arrived' then
      new.arrived_at := now();
    when 'completed' then
      new.completed_at := now();
    when 'no_show' then
      new.no_show_at := now();
    else -- cancelled
      if length(btrim(coalesce(new.cancel_reason, ''))) = 0 then
        raise exception 'a cancellation needs a reason' using errcode = '22023';
      end if;
      new.cancelled_by := (select auth.uid());
      new.cancelled_at := now();
  end case;
  if new.status in ('cancelled', 'no_show') then
    delete from public.reservations r where r.booking_id = new.id;
  end if;
  return new;
end;
$$;

drop trigger bookings_audit on public.bookings;
create trigger bookings_audit after update on public.bookings
  for each row execute function private.audit_row_change('clinic_id', 'patient_name', 'patient_phone', 'notes');
create trigger bookings_audit_staff_insert after insert on public.bookings
  for each row when (new.source = 'staff')
  execute function private.audit_row_change('clinic_id', 'patient_name', 'patient_phone', 'notes');
create trigger reservations_audit_block_insert after insert on public.reservations
  for each row when (new.kind = 'block') execute function private.audit_row_change('clinic_id');
create trigger reservations_audit_block_change after update or delete on public.reservations
  for each row when (old.kind = 'block') execute function private.audit_row_change('clinic_id');

-- Is this practitioner (or resource) taken over p_range by something other than p_ignore,
-- counting live holds only? Returns the first conflict, soonest first.
create or replace function private.reservation_conflict(
  p_practitioner_id uuid, p_resource_id uuid, p_range tstzrange, p_ignore_id uuid, p_ignore_call uuid
) returns table (id uuid, kind text, starts_at timestamptz, on_practitioner boolean)
language sql stable set search_path = '' as $$
  select r.id, r.kind, r.starts_at, (r.practitioner_id is not distinct from p_practitioner_id and p_practitioner_id is not null)
    from public.reservations r
   where r.occupied && p_range
     and ((p_practitioner_id is not null and r.practitioner_id = p_practitioner_id)
          or (p_resource_id is not null and r.resource_id = p_resource_id))
     and (r.kind <> 'hold' or r.held_until > now())
     and (p_ignore_id is null or r.id <> p_ignore_id)
     and (p_ignore_call is null or r.kind <> 'hold' or r.call_id <> p_ignore_call)
   order by r.starts_at
   limit 1;
$$;

-- Locks a practitioner and a resource (either may be null) in the documented order, and
-- removes expired holds overlapping p_range on either, so the insert that follows meets no
-- stale row in the exclusion constraints.
create or replace function private.lock_diary(p_practitioner_id uuid, p_resource_id uuid, p_range tstzrange)
returns void language plpgsql set search_path = '' as $$
begin
  -- FOR NO KEY UPDATE: the row-exclusive member of the FOR UPDATE family that does not block
  -- foreign-key checks (FOR KEY SHARE), so offers, hours and bookings referencing the
  -- practitioner are not queued behind a claim; claims and staff writes still serialise here.
  if p_practitioner_id is not null then
    perform 1 from public.practitioners p where p.id = p_practitioner_id for no key update;
  end if;
  if p_resource_id is not null then
    perform 1 from public.resources r where r.id = p_resource_id for no key update;
  end if;
  delete from public.reservations r
   where r.kind = 'hold' and r.held_until <= now() and r.occupied && p_range
     and ((p_practitioner_id is not null and r.practitioner_id = p_practitioner_id)
          or (p_resource_id is not null and r.resource_id = p_resource_id));
end;
$$;
revoke all on function private.lock_diary(uuid, uuid, tstzrange), private.reservation_conflict(uuid, uuid, tstzrange, uuid, uuid) from public;

-- Claims the offer p_slot_id for p_call_id for p_hold_seconds. Only an unexpired offer made to
-- this call, in its clinic, can be claimed. A call holds at most one time: a new hold releases
-- its previous one. An expired hold counts as free.
-- outcome: held | taken | not_found | in_past | call_ended
drop function public.claim_slot_atomic(uuid, uuid, integer);
create function public.claim_slot_atomic(p_slot_id uuid, p_call_id uuid, p_hold_seconds integer default 90)
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
    return query select 'taken'::text, p_slot_id, null::timestamptz;
    return;
  end if;

  delete from public.reservations r where r.kind = 'hold' and r.call_id = p_call_id;
  v_until := now() + make_interval(secs => p_hold_seconds);
  insert into public.reservations (clinic_id, kind, practitioner_id, resource_id, starts_at, ends_at, occupied,
                                   call_id, held_until, offer_id)
  values (v_offer.clinic_id, 'hold', v_offer.practitioner_id, v_offer.resource_id, v_offer.starts_at,
          v_offer.ends_at, v_offer.occupied, p_call_id, v_until, v_offer.id);
  return query select 'held'::text, p_slot_id, v_until;
exception
  -- The exclusion constraints: something overlapping was held, booked or blocked.
  when exclusion_violation then
    return query select 'taken'::text, p_slot_id, null::timestamptz;
end;
$$;

-- Books the offer this call holds. Compare-and-swap on (this call's hold, still valid); the
-- hold becomes the appointment's reservation in place. Repeating a successful confirmation
-- returns the same booking. The booking is confirmed at once when the type says
-- confirmation = 'instant', else pending for staff.
-- outcome: booked | hold_expired | not_held
create or replace function public.confirm_booking_atomic(
  p_slot_id uuid, p_call_id uuid, p_patient_name text, p_patient_phone text, p_procedure_id uuid
) returns table (outcome text, booking_id uuid)
language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
declare
  v_hold public.reservations;
  v_offer public.slot_offers;
  v_booking uuid;
  v_confirmation text;
begin
  select b.id into v_booking from public.bookings b
   where b.offer_id = p_slot_id and b.call_id = p_call_id and b.status not in ('cancelled', 'no_show');
  if found then
    return query select 'booked'::text, v_booking;
    return;
  end if;

  select * into v_hold from public.reservations r
   where r.kind = 'hold' and r.offer_id = p_slot_id and r.call_id = p_call_id;
  if not found then
    return query select 'not_held'::text, null::uuid;
    return;
  end if;
  perform private.lock_diary(v_hold.practitioner_id, v_hold.resource_id, 'empty'::tstzrange);
  select * into v_hold from public.reservations r
   where r.id = v_hold.id and r.kind = 'hold' and r.call_id = p_call_id for update;
  if not found then
    return query select 'not_held'::text, null::uuid;
    return;
  end if;
  if v_hold.held_until <= now() then
    delete from public.reservations r where r.id = v_hold.id;
    return query select 'hold_expired'::text, null::uuid;
    return;
  end if;

  select * into v_offer from public.slot_offers o where o.id = p_slot_id;
  select t.confirmation into v_confirmation from public.appointment_types t where t.id = v_offer.appointment_type_id;
  insert into public.bookings (clinic_id, call_id, procedure_id, patient_name, patient_phone, status, confirmed_at,
                               practitioner_id, resource_id, appointment_type_id, starts_at, ends_at, source, offer_id)
  values (v_hold.clinic_id, p_call_id,
          coalesce(v_offer.procedure_id,
                   (select p.id from public.procedures p where p.id = p_procedure_id and p.clinic_id = v_hold.clinic_id)),
          p_patient_name, p_patient_phone,
          case when v_confirmation = 'instant' then 'confirmed' else 'pending' end,
          case when v_confirmation = 'instant' then now() end,
          v_hold.practitioner_id, v_hold.resource_id, v_offer.appointment_type_id, v_hold.starts_at, v_hold.ends_at,
          'assistant', p_slot_id)
  returning id into v_booking;
  update public.reservations r set kind = 'appointment', held_until = null, booking_id = v_booking
   where r.id = v_hold.id;
  return query select 'booked'::text, v_booking;
end;
$$;

-- Releases this call's hold on one offer (compare-and-swap). outcome: released | not_held
create or replace function public.release_slot_hold(p_slot_id uuid, p_call_id uuid)
returns text language plpgsql security definer set search_path = '' as $$
begin
  delete from public.reservations r where r.kind = 'hold' and r.offer_id = p_slot_id and r.call_id = p_call_id;
  return case when found then 'released' else 'not_held' end;
end;
$$;

-- Releases every hold of a call that ended. Returns the freed offer ids (the slotIds).
create or replace function public.release_call_holds(p_call_id uuid)
returns uuid[] language plpgsql security definer set search_path = '' as $$
declare
  v_ids uuid[];
begin
  with freed as (
    delete from public.reservations r where r.kind = 'hold' and r.call_id = p_call_id
    returning r.offer_id)
  select coalesce(array_agg(offer_id), '{}') into v_ids from freed;
  return v_ids;
end;
$$;

-- The sweeper: removes holds that outlived held_until (and offers long expired that nothing
-- refers to). Correctness never depends on it (claims and staff writes remove expired holds
-- over their range under lock); it keeps the diary and the board honest. Returns the holds removed.
create or replace function public.expire_slot_holds()
returns integer language plpgsql security definer set search_path = '' as $$
declare
  v_count integer;
begin
  with expired as (
    select r.id from public.reservations r
     where r.kind = 'hold' and r.held_until <= now()
     order by r.id for update skip locked)
  delete from public.reservations r using expired where r.id = expired.id;
  get diagnostics v_count = row_count;
  delete from public.slot_offers o
   where o.id in (select o2.id from public.slot_offers o2
                   where o2.expires_at < now() - interval '1 hour'
                     and not exists (select 1 from public.reservations r where r.offer_id = o2.id)
                     and not exists (select 1 from public.bookings b where b.offer_id = o2.id)
                   limit 5000 for update skip locked);
  return v_count;
end;
$$;

revoke all on function public.claim_slot_atomic(uuid, uuid, integer), public.confirm_booking_atomic(uuid, uuid, text, text, uuid),
  public.release_slot_hold(uuid, uuid), public.release_call_holds(uuid), public.expire_slot_holds()
  from public, anon, authenticated;
grant execute on function public.claim_slot_atomic(uuid, uuid, integer), public.confirm_booking_atomic(uuid, uuid, text, text, uuid),
  public.release_slot_hold(uuid, uuid), public.release_call_holds(uuid), public.expire_slot_holds()
  to service_role;

-- Staff writes (the diary). SECURITY DEFINER, each checks the caller is a member of the clinic;
-- working hours, closures, notice and horizon are checked by the service before (lib/diary),
-- overlaps here under the same locks as claims, with the exclusion constraints as the backstop.
-- Each returns an outcome the service turns into a sentence, and for a conflict what it met.
--   outcome: ok | forbidden | not_found | in_past | not_allowed | conflict

create or replace function private.require_member(p_clinic_id uuid) returns boolean
language sql stable set search_path = '' as $$
  select p_clinic_id = any ((select private.member_clinic_ids())::uuid[]);
$$;

-- Books an appointment of p_type_id with p_practitioner_id at p_starts_at; confirmed at once.
create or replace function public.diary_book(
  p_clinic_id uuid, p_type_id uuid, p_practitioner_id uuid, p_starts_at timestamptz,
  p_patient_name text, p_patient_phone text, p_notes text
) returns table (outcome text, id uuid, conflict_kind text, conflict_starts_at timestamptz, conflict_on text)
language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
declare
  v_type public.appointment_types;
  v_ends timestamptz;
  v_range tstzrange;
  v_conflict record;
  v_booking uuid;
begin
  if not private.require_member(p_clinic_id) then
    return query select 'forbidden'::text, null::uuid, null::text, null::timestamptz, null::text;
    return;
  end if;
  select * into v_type from public.appointment_types t where t.id = p_type_id and t.clinic_id = p_clinic_id and t.active;
  if not found or not exists (select 1 from public.practitioners p where p.id = p_practitioner_id and p.clinic_id = p_clinic_id and p.active) then
    return query select 'not_found'::text, null::uuid, null::text, null::timestamptz, null::text;
    return;
  end if;
  if p_starts_at <= now() then
    return query select 'in_past'::text, null::uuid, null::text, null::timestamptz, null::text;
    return;
  end if;
  v_ends := p_starts_at + make_interval(mins => v_type.duration_minutes);
  v_range := tstzrange(p_starts_at - make_interval(mins => v_type.buffer_before_minutes),
                       v_ends + make_interval(mins => v_type.buffer_after_minutes));
  perform private.lock_diary(p_practitioner_id, v_type.resource_id, v_range);
  select * into v_conflict from private.reservation_conflict(p_practitioner_id, v_type.resource_id, v_range, null, null);
  if found then
    return query select 'conflict'::text, v_conflict.id, v_conflict.kind, v_conflict.starts_at,
                        case when v_conflict.on_practitioner then 'practitioner' else 'resource' end;
    return;
  end if;
  insert into public.bookings as b (clinic_id, procedure_id, patient_name, patient_phone, status, confirmed_by, confirmed_at,
                               practitioner_id, resource_id, appointment_type_id, starts_at, ends_at, source, notes, created_by)
  values (p_clinic_id, v_type.procedure_id, p_patient_name, p_patient_phone, 'confirmed', (select auth.uid()), now(),
          p_practitioner_id, v_type.resource_id, v_type.id, p_starts_at, v_ends, 'staff', coalesce(p_notes, ''),
          (select auth.uid()))
  returning b.id into v_booking;
  insert into public.reservations (clinic_id, kind, practitioner_id, resource_id, starts_at, ends_at, occupied, booking_id, created_by)
  values (p_clinic_id, 'appointment', p_practitioner_id, v_type.resource_id, p_starts_at, v_ends, v_range, v_booking,
          (select auth.uid()));
  return query select 'ok'::text, v_booking, null::text, null::timestamptz, null::text;
exception
  when exclusion_violation then
    return query select 'conflict'::text, null::uuid, null::text, null::timestamptz, null::text;
end;
$$;

-- Moves a live appointment (pending or confirmed) to p_practitioner_id at p_starts_at, keeping
-- its type, duration and buffers; its own current range is left out of the overlap check.
create or replace function public.diary_move(
  p_clinic_id uuid, p_booking_id uuid, p_practitioner_id uuid, p_starts_at timestamptz
) returns table (outcome text, id uuid, conflict_kind text, conflict_starts_at timestamptz, conflict_on text)
language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
declare
  v_booking public.bookings;
  v_res public.reservations;
  v_before interval := interval '0';
  v_after interval := interval '0';
  v_ends timestamptz;
  v_range tstzrange;
  v_conflict record;
begin
  if not private.require_member(p_clinic_id) then
    return query select 'forbidden'::text, null::uuid, null::text, null::timestamptz, null::text;
    return;
  end if;
  select * into v_booking from public.bookings b where b.id = p_booking_id and b.clinic_id = p_clinic_id;
  if not found or not exists (select 1 from public.practitioners p where p.id = p_practitioner_id and p.clinic_id = p_clinic_id and p.active) then
    return query select 'not_found'::text, null::uuid, null::text, null::timestamptz, null::text;
    return;
  end if;
  if v_booking.status not in ('pending', 'confirmed') then
    return query select 'not_allowed'::text, p_booking_id, null::text, null::timestamptz, null::text;
    return;
  end if;
  if p_starts_at <= now() then
    return query select 'in_past'::text, null::uuid, null::text, null::timestamptz, null::text;
    return;
  end if;
  select make_interval(mins => t.buffer_before_minutes), make_interval(mins => t.buffer_after_minutes)
    into v_before, v_after
    from public.appointment_types t where t.id = v_booking.appointment_type_id;
  v_ends := p_starts_at + (v_booking.ends_at - v_booking.starts_at);
  v_range := tstzrange(p_starts_at - coalesce(v_before, interval '0'), v_ends + coalesce(v_after, interval '0'));

  perform private.lock_diary(p_practitioner_id, v_booking.resource_id, v_range);
  -- The booking row before its reservation, as a status change (its trigger) takes them; re-read
  -- under lock: a concurrent status change may have cancelled it.
  select * into v_booking from public.bookings b where b.id = p_booking_id for update;
  select * into v_res from public.reservations r where r.booking_id = p_booking_id for update;
  if v_booking.status not in ('pending', 'confirmed') then
    return query select 'not_allowed'::text, p_booking_id, null::text, null::timestamptz, null::text;
    return;
  end if;
  select * into v_conflict from private.reservation_conflict(p_practitioner_id, v_booking.resource_id, v_range, v_res.id, null);
  if found then
    return query select 'conflict'::text, v_conflict.id, v_conflict.kind, v_conflict.starts_at,
                        case when v_conflict.on_practitioner then 'practitioner' else 'resource' end;
    return;
  end if;
  update public.bookings b set practitioner_id = p_practitioner_id, starts_at = p_starts_at, ends_at = v_ends
   where b.id = p_booking_id;
  if v_res.id is null then
    insert into public.reservations (clinic_id, kind, practitioner_id, resource_id, starts_at, ends_at, occupied, booking_id, call_id, created_by)
    values (p_clinic_id, 'appointment', p_practitioner_id, v_booking.resource_id, p_starts_at, v_ends, v_range, p_booking_id,
            v_booking.call_id, (select auth.uid()));
  else
    update public.reservations r set practitioner_id = p_practitioner_id, starts_at = p_starts_at, ends_at = v_ends, occupied = v_range
     where r.id = v_res.id;
  end if;
  return query select 'ok'::text, p_booking_id, null::text, null::timestamptz, null::text;
exception
  when exclusion_violation then
    return query select 'conflict'::text, null::uuid, null::text, null::timestamptz, null::text;
end;
$$;

-- Blocks a practitioner's time, a resource's, or both (e.g. a meeting, a machine's service).
create or replace function public.diary_block(
  p_clinic_id uuid, p_practitioner_id uuid, p_resource_id uuid, p_starts_at timestamptz, p_ends_at timestamptz, p_reason text
) returns table (outcome text, id uuid, conflict_kind text, conflict_starts_at timestamptz, conflict_on text)
language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
declare
  v_range tstzrange;
  v_conflict record;
  v_id uuid;
begin
  if not private.require_member(p_clinic_id) then
    return query select 'forbidden'::text, null::uuid, null::text, null::timestamptz, null::text;
    return;
  end if;
  if (p_practitioner_id is null and p_resource_id is null)
     or (p_practitioner_id is not null and not exists (select 1 from public.practitioners p where p.id = p_practitioner_id and p.clinic_id = p_clinic_id))
     or (p_resource_id is not null and not exists (select 1 from public.resources r where r.id = p_resource_id and r.clinic_id = p_clinic_id)) then
    return query select 'not_found'::text, null::uuid, null::text, null::timestamptz, null::text;
    return;
  end if;
  if p_ends_at <= p_starts_at or p_ends_at <= now() then
    return query select 'in_past'::text, null::uuid, null::text, null::timestamptz, null::text;
    return;
  end if;
  v_range := tstzrange(p_starts_at, p_ends_at);
  perform private.lock_diary(p_practitioner_id, p_resource_id, v_range);
  select * into v_conflict from private.reservation_conflict(p_practitioner_id, p_resource_id, v_range, null, null);
  if found then
    return query select 'conflict'::text, v_conflict.id, v_conflict.kind, v_conflict.starts_at,
                        case when v_conflict.on_practitioner then 'practitioner' else 'resource' end;
    return;
  end if;
  insert into public.reservations as r (clinic_id, kind, practitioner_id, resource_id, starts_at, ends_at, occupied, reason, created_by)
  values (p_clinic_id, 'block', p_practitioner_id, p_resource_id, p_starts_at, p_ends_at, v_range,
          coalesce(nullif(btrim(p_reason), ''), 'Blocked'), (select auth.uid()))
  returning r.id into v_id;
  return query select 'ok'::text, v_id, null::text, null::timestamptz, null::text;
exception
  when exclusion_violation then
    return query select 'conflict'::text, null::uuid, null::text, null::timestamptz, null::text;
end;
$$;

-- Removes a staff block. outcome: ok | forbidden | not_found
create or replace function public.diary_remove_block(p_clinic_id uuid, p_block_id uuid)
returns text language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
begin
  if not private.require_member(p_clinic_id) then
    return 'forbidden';
  end if;
  delete from public.reservations r where r.id = p_block_id and r.clinic_id = p_clinic_id and r.kind = 'block';
  return case when found then 'ok' else 'not_found' end;
end;
$$;

revoke all on function public.diary_book(uuid, uuid, uuid, timestamptz, text, text, text),
  public.diary_move(uuid, uuid, uuid, timestamptz),
  public.diary_block(uuid, uuid, uuid, timestamptz, timestamptz, text),
  public.diary_remove_block(uuid, uuid), private.require_member(uuid)
  from public, anon;
grant execute on function public.diary_book(uuid, uuid, uuid, timestamptz, text, text, text),
  public.diary_move(uuid, uuid, uuid, timestamptz),
  public.diary_block(uuid, uuid, uuid, timestamptz, timestamptz, text),
  public.diary_remove_block(uuid, uuid)
  to authenticated, service_role;
grant execute on function private.require_member(uuid) to authenticated, service_role;

-- Live updates. The call board payload keeps heldSlot { slotId, startsAt, heldUntil,
-- practitioner }, slotId being the offer id.
create or replace function private.call_board_payload(p_call_id uuid) returns jsonb
language sql stable security invoker set search_path = '' as $$
  select jsonb_build_object(
    'callId', c.id,
    'revision', c.revision,
    'state', c.state,
    'stateVersion', c.state_version,
    'outcome', c.outcome,
    'callerLast4', right(regexp_replace(coalesce(c.caller_number, ''), '\D', '', 'g'), 4),
    'callerName', c.caller_name,
    'procedures', coalesce((select jsonb_agg(p.name order by p.sort_order) from public.procedures p
                             where p.id = any (c.procedures_of_interest)), '[]'::jsonb),
    'startedAt', coalesce(c.started_at, c.created_at),
    'answeredAt', c.answered_at,
    'endedAt', c.ended_at,
    'lastTurnLatencyMs', c.last_turn_latency_ms,
    'transferredTo', c.transferred_to,
    'heldSlot', (select jsonb_build_object('slotId', r.offer_id, 'startsAt', r.starts_at, 'heldUntil', r.held_until,
                                           'practitioner', pr.name)
                   from public.reservations r join public.practitioners pr on pr.id = r.practitioner_id
                  where r.call_id = c.id and r.kind = 'hold'
                  order by r.held_until desc limit 1)
  )
  from public.calls c where c.id = p_call_id;
$$;

-- A hold taken, released or booked touches the holding call's row, which bumps its revision
-- and broadcasts it. The caller already holds that call's row lock (the lock order above).
-- A hold that simply expired (removed by the sweeper or by a later claim) is not re-broadcast:
-- the board's countdown already shows it ended, and touching another call's row there would
-- break the lock order.
create or replace function private.touch_calls_for_reservation() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    if new.kind = 'hold' then
      update public.calls set updated_at = now() where id = new.call_id;
    end if;
  elsif tg_op = 'DELETE' then
    if old.kind = 'hold' and old.held_until > now() then
      update public.calls set updated_at = now() where id = old.call_id;
    end if;
  elsif old.kind = 'hold' and (new.kind <> 'hold' or new.held_until is distinct from old.held_until) then
    update public.calls set updated_at = now() where id = old.call_id;
  end if;
  return null;
end;
$$;
create trigger reservations_touch_calls after insert or update or delete on public.reservations
  for each row execute function private.touch_calls_for_reservation();

-- The diary: every committed change to a reservation is announced on the clinic's private
-- topic `clinic:<clinic_id>:diary` (event diary_change), ids only; the diary refetches what it
-- shows. SECURITY DEFINER for the same reason as private.broadcast_call().
create or replace function private.broadcast_diary_change() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_row public.reservations;
begin
  if tg_op = 'DELETE' then
    v_row := old;
  else
    v_row := new;
  end if;
  perform realtime.send(
    jsonb_build_object('clinicId', v_row.clinic_id, 'reservationId', v_row.id, 'kind', v_row.kind),
    'diary_change', 'clinic:' || v_row.clinic_id || ':diary', true);
  return null;
end;
$$;
create trigger reservations_broadcast after insert or update or delete on public.reservations
  for each row execute function private.broadcast_diary_change();

create policy "clinic staff receive diary changes" on realtime.messages for select to authenticated
  using (
    realtime.messages.extension = 'broadcast'
    and (select realtime.topic()) like 'clinic:%:diary'
    and split_part((select realtime.topic()), ':', 2) = any ((select private.member_clinic_ids())::text[])
  );
