-- Patients change their own appointments (issue 15): by phone (the assistant's
-- find_appointments, reschedule_appointment, cancel_appointment) and on the manage link page
-- (/m/<token>). docs/appointment-changes.md describes the flows.
--
-- A reschedule is one transaction: the new time is taken and the appointment moved onto it in
-- place (its reservation row is updated, never deleted and re-inserted), so at no moment does
-- the patient have no time or two, and the old time is free the moment it commits. Two
-- reschedules of the same appointment racing each other: the first to commit wins; the second
-- finds the appointment changed after it was offered its time and is refused ("changed"), so a
-- patient never ends up on a time they did not see. Two appointments racing for one time: the
-- practitioner's lock serialises them and the second is refused ("taken"); the exclusion
-- constraints stay the backstop.
--
-- Lock order as everywhere (lib/db/locks.ts): the call's row (phone: the webhook holds it),
-- then the new practitioner's row, then the resource's (private.lock_diary, FOR NO KEY
-- UPDATE), then the booking's row, then its reservation's.

-- The clinic's cancellation policy, read to callers before the assistant cancels and shown on
-- the manage page.
alter table public.clinics
  add column cancellation_policy text not null default ''
    check (length(cancellation_policy) <= 600);
comment on column public.clinics.cancellation_policy is 'The clinic''s cancellation policy in its own words (e.g. "Please give us 48 hours'' notice; later cancellations may lose the deposit."). Read to callers before the assistant cancels, shown on the manage page. Empty: none.';

-- Times offered on a manage link page: the page can only move its appointment to a time the
-- server offered that link (as check_availability's offers on a call), never to a time typed
-- into a form.
create table public.manage_offers (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  link_id uuid not null references public.appointment_links (id) on delete cascade,
  booking_id uuid not null,
  appointment_type_id uuid,
  practitioner_id uuid not null,
  resource_id uuid,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  occupied tstzrange not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '30 minutes',
  check (ends_at > starts_at),
  check (occupied @> tstzrange(starts_at, ends_at)),
  foreign key (booking_id, clinic_id) references public.bookings (id, clinic_id) on delete cascade,
  foreign key (practitioner_id, clinic_id) references public.practitioners (id, clinic_id) on delete cascade,
  foreign key (resource_id, clinic_id) references public.resources (id, clinic_id) on delete cascade
);
create index manage_offers_link_idx on public.manage_offers (link_id, starts_at);
create index manage_offers_expires_idx on public.manage_offers (expires_at);
comment on table public.manage_offers is 'Times a manage link page offered its appointment; only these can be chosen on that page, until they expire.';
comment on column public.manage_offers.id is 'Primary key; the opaque id the page posts back.';
comment on column public.manage_offers.clinic_id is 'The clinic.';
comment on column public.manage_offers.link_id is 'The manage link the page was opened with; no other link can use it.';
comment on column public.manage_offers.booking_id is 'The appointment it would move.';
comment on column public.manage_offers.appointment_type_id is 'The appointment''s type (the move keeps it).';
comment on column public.manage_offers.practitioner_id is 'Who would see the patient at the new time.';
comment on column public.manage_offers.resource_id is 'The room or device the type needs, if any.';
comment on column public.manage_offers.starts_at is 'Start of the new time.';
comment on column public.manage_offers.ends_at is 'End of the new time (start + duration).';
comment on column public.manage_offers.occupied is 'What the appointment would occupy there, buffers included.';
comment on column public.manage_offers.created_at is 'When it was offered; a move is refused if the appointment changed after this.';
comment on column public.manage_offers.expires_at is 'After this it can no longer be chosen (30 minutes after the offer).';

alter table public.manage_offers enable row level security;
create policy "members read" on public.manage_offers for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.manage_offers from anon, authenticated;

-- The move itself, shared by the phone and the page. The caller has validated where the offer
-- comes from; this takes the locks, re-reads the appointment under them and moves it.
--   outcome: rescheduled | not_found | not_allowed | in_past | changed | taken | different_type
create or replace function private.reschedule_booking(
  p_clinic_id uuid, p_booking_id uuid, p_type_id uuid, p_practitioner_id uuid, p_resource_id uuid,
  p_starts_at timestamptz, p_ends_at timestamptz, p_occupied tstzrange, p_offered_at timestamptz,
  p_ignore_call uuid
) returns text
language plpgsql set search_path = '' as $$
declare
  v_booking public.bookings;
  v_res public.reservations;
begin
  if p_starts_at <= now() then
    return 'in_past';
  end if;
  select * into v_booking from public.bookings b where b.id = p_booking_id and b.clinic_id = p_clinic_id;
  if not found then
    return 'not_found';
  end if;
  if v_booking.appointment_type_id is distinct from p_type_id then
    return 'different_type';
  end if;

  begin
    perform private.lock_diary(p_practitioner_id, p_resource_id, p_occupied);
    -- The booking before its reservation, as a status change takes them; re-read under lock.
    select * into v_booking from public.bookings b where b.id = p_booking_id for update;
    select * into v_res from public.reservations r where r.booking_id = p_booking_id for update;
    if v_booking.status not in ('pending', 'confirmed') or v_booking.starts_at <= now() then
      raise exception using errcode = 'CW422', message = 'not_allowed';
    end if;
    -- Moved (by staff, the other channel, or a racing request) after this time was offered.
    if greatest(v_booking.created_at, v_res.updated_at) > p_offered_at then
      raise exception using errcode = 'CW412', message = 'changed';
    end if;
    -- This call's own hold on the time (the caller held it first) makes way for the move.
    if p_ignore_call is not null then
      delete from public.reservations r
       where r.kind = 'hold' and r.call_id = p_ignore_call and r.occupied && p_occupied;
    end if;
    if exists (select 1 from private.reservation_conflict(p_practitioner_id, p_resource_id, p_occupied,
                                                          v_res.id, null)) then
      raise exception using errcode = 'CW409', message = 'taken';
    end if;

    update public.bookings b
       set practitioner_id = p_practitioner_id, resource_id = p_resource_id, starts_at = p_starts_at, ends_at = p_ends_at
     where b.id = p_booking_id;
    if v_res.id is null then
      insert into public.reservations (clinic_id, kind, practitioner_id, resource_id, starts_at, ends_at, occupied,
                                       booking_id, call_id)
      values (p_clinic_id, 'appointment', p_practitioner_id, p_resource_id, p_starts_at, p_ends_at, p_occupied,
              p_booking_id, v_booking.call_id);
    else
      update public.reservations r
         set practitioner_id = p_practitioner_id, resource_id = p_resource_id, starts_at = p_starts_at,
             ends_at = p_ends_at, occupied = p_occupied
       where r.id = v_res.id;
    end if;
    -- Links capped at the appointment's end follow it; a later cap stays within the new end.
    update public.appointment_links l
       set expires_at = case when l.expires_at >= v_booking.ends_at then p_ends_at else least(l.expires_at, p_ends_at) end
     where l.booking_id = p_booking_id and l.revoked_at is null;
    -- Offers made before the move are stale now.
    delete from public.manage_offers o where o.booking_id = p_booking_id;
  exception
    -- Rolling the block back releases the diary locks at once.
    when sqlstate 'CW422' then return 'not_allowed';
    when sqlstate 'CW412' then return 'changed';
    when sqlstate 'CW409' or exclusion_violation then return 'taken';
  end;
  return 'rescheduled';
end;
$$;
revoke all on function private.reschedule_booking(uuid, uuid, uuid, uuid, uuid, timestamptz, timestamptz, tstzrange, timestamptz, uuid) from public;

-- The assistant: moves the caller's appointment p_booking_id to the time check_availability
-- offered this call (p_slot_id). Only an appointment of the calling number can be moved.
--   outcome: rescheduled | call_ended | slot_not_found | not_found | not_allowed | in_past
--            | changed | taken | different_type
create or replace function public.reschedule_appointment_atomic(p_booking_id uuid, p_slot_id uuid, p_call_id uuid)
returns table (outcome text, starts_at timestamptz, ends_at timestamptz)
language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
declare
  v_call public.calls;
  v_offer public.slot_offers;
  v_outcome text;
begin
  select * into v_call from public.calls c where c.id = p_call_id;
  if not found or private.is_terminal_call_state(v_call.state) then
    return query select 'call_ended'::text, null::timestamptz, null::timestamptz;
    return;
  end if;
  if v_call.caller_number is null or not exists (
       select 1 from public.bookings b
        where b.id = p_booking_id and b.clinic_id = v_call.clinic_id and b.patient_phone = v_call.caller_number) then
    return query select 'not_found'::text, null::timestamptz, null::timestamptz;
    return;
  end if;
  select * into v_offer from public.slot_offers o where o.id = p_slot_id;
  if not found or v_offer.clinic_id <> v_call.clinic_id or v_offer.call_id <> p_call_id
     or v_offer.expires_at <= now() then
    return query select 'slot_not_found'::text, null::timestamptz, null::timestamptz;
    return;
  end if;
  v_outcome := private.reschedule_booking(v_call.clinic_id, p_booking_id, v_offer.appointment_type_id,
                                          v_offer.practitioner_id, v_offer.resource_id, v_offer.starts_at,
                                          v_offer.ends_at, v_offer.occupied, v_offer.created_at, p_call_id);
  return query select v_outcome,
                      case when v_outcome = 'rescheduled' then v_offer.starts_at end,
                      case when v_outcome = 'rescheduled' then v_offer.ends_at end;
end;
$$;

-- The manage page: moves the link's appointment to a time offered to that link.
--   outcome: rescheduled | link_invalid | offer_not_found | not_allowed | in_past | changed | taken
create or replace function public.manage_reschedule_atomic(p_link_id uuid, p_offer_id uuid)
returns table (outcome text, starts_at timestamptz, ends_at timestamptz)
language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
declare
  v_link public.appointment_links;
  v_offer public.manage_offers;
  v_outcome text;
begin
  select * into v_link from public.appointment_links l where l.id = p_link_id;
  if not found or v_link.revoked_at is not null or v_link.expires_at <= now() or v_link.purpose <> 'manage' then
    return query select 'link_invalid'::text, null::timestamptz, null::timestamptz;
    return;
  end if;
  select * into v_offer from public.manage_offers o where o.id = p_offer_id;
  if not found or v_offer.link_id <> p_link_id or v_offer.booking_id <> v_link.booking_id
     or v_offer.expires_at <= now() then
    return query select 'offer_not_found'::text, null::timestamptz, null::timestamptz;
    return;
  end if;
  v_outcome := private.reschedule_booking(v_link.clinic_id, v_link.booking_id, v_offer.appointment_type_id,
                                          v_offer.practitioner_id, v_offer.resource_id, v_offer.starts_at,
                                          v_offer.ends_at, v_offer.occupied, v_offer.created_at, null);
  return query select v_outcome,
                      case when v_outcome = 'rescheduled' then v_offer.starts_at end,
                      case when v_outcome = 'rescheduled' then v_offer.ends_at end;
end;
$$;

-- Cancels a patient's own appointment (pending or confirmed, not yet started) with a reason;
-- the status trigger frees its time in the same transaction. p_caller_number: the calling
-- number must be the appointment's (phone); null on the manage page, whose link names it.
--   outcome: cancelled | not_found | not_allowed
create or replace function private.cancel_booking(p_clinic_id uuid, p_booking_id uuid, p_reason text)
returns text
language plpgsql set search_path = '' as $$
declare
  v_booking public.bookings;
begin
  select * into v_booking from public.bookings b
   where b.id = p_booking_id and b.clinic_id = p_clinic_id for update;
  if not found then
    return 'not_found';
  end if;
  if v_booking.status not in ('pending', 'confirmed') or v_booking.starts_at <= now() then
    return 'not_allowed';
  end if;
  update public.bookings b set status = 'cancelled', cancel_reason = left(p_reason, 500) where b.id = p_booking_id;
  update public.appointment_links l set revoked_at = now() where l.booking_id = p_booking_id and l.revoked_at is null;
  delete from public.manage_offers o where o.booking_id = p_booking_id;
  return 'cancelled';
end;
$$;
revoke all on function private.cancel_booking(uuid, uuid, text) from public;

create or replace function public.cancel_appointment_atomic(p_booking_id uuid, p_call_id uuid, p_reason text)
returns text
language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
declare
  v_call public.calls;
begin
  select * into v_call from public.calls c where c.id = p_call_id;
  if not found or private.is_terminal_call_state(v_call.state) then
    return 'call_ended';
  end if;
  if v_call.caller_number is null or not exists (
       select 1 from public.bookings b
        where b.id = p_booking_id and b.clinic_id = v_call.clinic_id and b.patient_phone = v_call.caller_number) then
    return 'not_found';
  end if;
  return private.cancel_booking(v_call.clinic_id, p_booking_id, p_reason);
end;
$$;

create or replace function public.manage_cancel_atomic(p_link_id uuid, p_reason text)
returns text
language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
declare
  v_link public.appointment_links;
begin
  select * into v_link from public.appointment_links l where l.id = p_link_id;
  if not found or v_link.revoked_at is not null or v_link.expires_at <= now() or v_link.purpose <> 'manage' then
    return 'link_invalid';
  end if;
  return private.cancel_booking(v_link.clinic_id, v_link.booking_id, p_reason);
end;
$$;

revoke all on function public.reschedule_appointment_atomic(uuid, uuid, uuid), public.manage_reschedule_atomic(uuid, uuid),
  public.cancel_appointment_atomic(uuid, uuid, text), public.manage_cancel_atomic(uuid, text)
  from public, anon, authenticated;
grant execute on function public.reschedule_appointment_atomic(uuid, uuid, uuid), public.manage_reschedule_atomic(uuid, uuid),
  public.cancel_appointment_atomic(uuid, uuid, text), public.manage_cancel_atomic(uuid, text)
  to service_role;

-- The sweeper's share: manage offers expired over an hour ago.
create or replace function public.expire_manage_offers()
returns integer language sql security definer set search_path = '' as $$
  with gone as (delete from public.manage_offers o where o.expires_at < now() - interval '1 hour' returning 1)
  select count(*)::integer from gone;
$$;
revoke all on function public.expire_manage_offers() from public, anon, authenticated;
grant execute on function public.expire_manage_offers() to service_role;
