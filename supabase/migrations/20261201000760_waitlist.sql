-- The waitlist (issue 15): a patient with an appointment asks to be told of an earlier time (on a
-- call, the assistant's join_waitlist; on their manage link page). When an appointment of the
-- same type is cancelled or moved away from a future time, the time it frees is an opening: the
-- waiting patients whose appointment of that type is later than it are texted in the order they
-- joined (at most three per opening), each with a manage link on which that time is offered; the
-- first to take it has their appointment moved onto it by manage_reschedule_atomic (the same
-- locks and exclusion constraints as every move), and the others are told it has gone. A move
-- frees the winner's old time, which is an opening in turn. docs/appointment-changes.md.

create table public.waitlist_entries (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  booking_id uuid not null,
  source text not null check (source in ('call', 'link', 'staff')),
  status text not null default 'waiting' check (status in ('waiting', 'moved', 'left', 'closed')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, clinic_id),
  foreign key (booking_id, clinic_id) references public.bookings (id, clinic_id) on delete cascade
);
create unique index waitlist_entries_waiting_once on public.waitlist_entries (booking_id) where status = 'waiting';
create index waitlist_entries_queue_idx on public.waitlist_entries (clinic_id, created_at) where status = 'waiting';
create trigger waitlist_entries_touch before update on public.waitlist_entries
  for each row execute function private.touch_updated_at();
comment on table public.waitlist_entries is 'Patients waiting for an earlier time for one of their appointments; offered openings in the order they joined.';
comment on column public.waitlist_entries.id is 'Primary key.';
comment on column public.waitlist_entries.clinic_id is 'The clinic.';
comment on column public.waitlist_entries.booking_id is 'The appointment the patient would like earlier (its type decides which openings match).';
comment on column public.waitlist_entries.source is 'Where they joined: call (the assistant), link (their manage page) or staff.';
comment on column public.waitlist_entries.status is 'waiting; moved (took an earlier time); left (asked to stop); closed (the appointment was cancelled, missed or took place).';
comment on column public.waitlist_entries.created_at is 'When they joined: their place in the queue.';
comment on column public.waitlist_entries.updated_at is 'When it last changed.';

alter table public.waitlist_entries enable row level security;
create policy "members read" on public.waitlist_entries for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.waitlist_entries from anon, authenticated;

create table public.waitlist_openings (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  freed_booking_id uuid,
  appointment_type_id uuid not null,
  practitioner_id uuid not null,
  resource_id uuid,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  occupied tstzrange not null,
  offered integer not null default 0 check (offered >= 0),
  taken_by uuid,
  created_at timestamptz not null default now(),
  unique (id, clinic_id),
  check (ends_at > starts_at),
  check (occupied @> tstzrange(starts_at, ends_at)),
  foreign key (freed_booking_id, clinic_id) references public.bookings (id, clinic_id) on delete set null (freed_booking_id),
  foreign key (appointment_type_id, clinic_id) references public.appointment_types (id, clinic_id) on delete cascade,
  foreign key (practitioner_id, clinic_id) references public.practitioners (id, clinic_id) on delete cascade,
  foreign key (resource_id, clinic_id) references public.resources (id, clinic_id) on delete cascade,
  foreign key (taken_by, clinic_id) references public.bookings (id, clinic_id) on delete set null (taken_by)
);
create index waitlist_openings_clinic_idx on public.waitlist_openings (clinic_id, created_at desc);
comment on table public.waitlist_openings is 'A future time freed by a cancellation or a move, and how many waiting patients were offered it.';
comment on column public.waitlist_openings.id is 'Primary key.';
comment on column public.waitlist_openings.clinic_id is 'The clinic.';
comment on column public.waitlist_openings.freed_booking_id is 'The appointment that was cancelled or moved away from it.';
comment on column public.waitlist_openings.appointment_type_id is 'Its type: only appointments of this type are offered it.';
comment on column public.waitlist_openings.practitioner_id is 'The practitioner the time is with.';
comment on column public.waitlist_openings.resource_id is 'The room or device it needs, if any.';
comment on column public.waitlist_openings.starts_at is 'Start of the freed time.';
comment on column public.waitlist_openings.ends_at is 'End of the freed time.';
comment on column public.waitlist_openings.occupied is 'What an appointment there occupies, buffers included.';
comment on column public.waitlist_openings.offered is 'How many waiting patients were texted about it (at most three).';
comment on column public.waitlist_openings.taken_by is 'The waiting patient''s appointment that moved onto it, if one did.';
comment on column public.waitlist_openings.created_at is 'When it was freed.';

alter table public.waitlist_openings enable row level security;
create policy "members read" on public.waitlist_openings for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.waitlist_openings from anon, authenticated;

-- The offer texts are appointment texts (sent once by the reminders worker); the time offered on
-- the manage page is a manage offer tied to the opening.
alter table public.appointment_texts drop constraint appointment_texts_kind_check;
alter table public.appointment_texts add constraint appointment_texts_kind_check
  check (kind in ('confirmation', 'reminder_24h', 'reminder_2h', 'reply_confirmed', 'reply_manage_link',
                  'call_manage_link', 'waitlist_offer'));
alter table public.appointment_texts
  add column waitlist_opening_id uuid references public.waitlist_openings (id) on delete cascade,
  add constraint appointment_texts_waitlist_opening check ((kind = 'waitlist_offer') = (waitlist_opening_id is not null));
create index appointment_texts_opening_idx on public.appointment_texts (waitlist_opening_id) where waitlist_opening_id is not null;
comment on column public.appointment_texts.kind is 'confirmation (made or moved, with a calendar link), reminder_24h, reminder_2h, reply_confirmed (answer to "1"/YES), reply_manage_link (answer to "2"), call_manage_link (asked for on a call, texted to the number on file) or waitlist_offer (an earlier time for a waiting patient).';
comment on column public.appointment_texts.waitlist_opening_id is 'For waitlist_offer: the freed time it offers.';

alter table public.manage_offers
  add column waitlist_opening_id uuid references public.waitlist_openings (id) on delete cascade;
create index manage_offers_opening_idx on public.manage_offers (waitlist_opening_id) where waitlist_opening_id is not null;
comment on column public.manage_offers.waitlist_opening_id is 'Set when the offer is a waitlist opening texted to the patient (shown first on their page).';

-- At most this many waiting patients are texted about one opening.
create or replace function private.waitlist_batch() returns integer language sql immutable as $$ select 3 $$;

-- A future time freed: record the opening and plan its offers to the first waiting patients
-- whose appointment of the same type is later than it, if the time is still free and beyond the
-- clinic's minimum notice (the offers are texted by the reminders worker, which checks again
-- that the time is free before each text). Runs in the transaction that freed the time.
create or replace function private.open_waitlist_time(p_booking public.bookings) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  v_type public.appointment_types;
  v_notice integer;
  v_occupied tstzrange;
  v_opening uuid;
  v_count integer;
begin
  if p_booking.appointment_type_id is null or p_booking.practitioner_id is null then
    return null;
  end if;
  select * into v_type from public.appointment_types t where t.id = p_booking.appointment_type_id;
  select c.min_notice_minutes into v_notice from public.clinics c where c.id = p_booking.clinic_id;
  if p_booking.starts_at <= now() + make_interval(mins => coalesce(v_notice, 0)) then
    return null;
  end if;
  -- Nobody waiting for this type: no opening worth recording.
  if not exists (
       select 1 from public.waitlist_entries e join public.bookings b on b.id = e.booking_id
        where e.clinic_id = p_booking.clinic_id and e.status = 'waiting'
          and b.appointment_type_id = p_booking.appointment_type_id) then
    return null;
  end if;
  v_occupied := tstzrange(p_booking.starts_at - make_interval(mins => v_type.buffer_before_minutes),
                          p_booking.ends_at + make_interval(mins => v_type.buffer_after_minutes));
  insert into public.waitlist_openings (clinic_id, freed_booking_id, appointment_type_id, practitioner_id, resource_id,
                                        starts_at, ends_at, occupied)
  values (p_booking.clinic_id, p_booking.id, p_booking.appointment_type_id, p_booking.practitioner_id,
          p_booking.resource_id, p_booking.starts_at, p_booking.ends_at, v_occupied)
  returning id into v_opening;
  insert into public.appointment_texts (clinic_id, booking_id, kind, appointment_starts_at, to_number, due_by,
                                        waitlist_opening_id)
  select b.clinic_id, b.id, 'waitlist_offer', b.starts_at, b.patient_phone,
         least(now() + interval '30 minutes', p_booking.starts_at), v_opening
    from public.waitlist_entries e
    join public.bookings b on b.id = e.booking_id
   where e.clinic_id = p_booking.clinic_id and e.status = 'waiting'
     and b.id <> p_booking.id
     and b.appointment_type_id = p_booking.appointment_type_id
     and b.status in ('pending', 'confirmed') and b.starts_at > p_booking.starts_at
     and b.patient_phone is not null
   order by e.created_at, e.id
   limit private.waitlist_batch();
  get diagnostics v_count = row_count;
  update public.waitlist_openings set offered = v_count where id = v_opening;
  return v_opening;
end;
$$;
revoke all on function private.open_waitlist_time(public.bookings) from public;

create or replace function private.on_booking_waitlist() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  -- The appointment is over for the waitlist: cancelled, missed, or the patient came.
  if new.status in ('cancelled', 'no_show', 'arrived', 'completed') and new.status <> old.status then
    update public.waitlist_entries e set status = 'closed' where e.booking_id = new.id and e.status = 'waiting';
  end if;
  -- A live future time given up: cancelled, or moved to another time or practitioner.
  if old.status in ('pending', 'confirmed') and old.starts_at > now()
     and (new.status = 'cancelled'
          or (new.status in ('pending', 'confirmed')
              and (new.starts_at <> old.starts_at or new.practitioner_id is distinct from old.practitioner_id))) then
    perform private.open_waitlist_time(old);
  end if;
  return null;
end;
$$;
create trigger bookings_waitlist after update of starts_at, practitioner_id, status on public.bookings
  for each row execute function private.on_booking_waitlist();

-- Joins the waitlist for an appointment (idempotent: one waiting entry per appointment).
--   outcome: waiting | already_waiting | not_found | not_allowed (not pending/confirmed, or started)
create or replace function public.join_waitlist(p_clinic_id uuid, p_booking_id uuid, p_source text)
returns text language plpgsql security definer set search_path = '' as $$
declare
  v_booking public.bookings;
begin
  select * into v_booking from public.bookings b where b.id = p_booking_id and b.clinic_id = p_clinic_id;
  if not found then
    return 'not_found';
  end if;
  if v_booking.status not in ('pending', 'confirmed') or v_booking.starts_at <= now() then
    return 'not_allowed';
  end if;
  insert into public.waitlist_entries (clinic_id, booking_id, source)
  values (p_clinic_id, p_booking_id, p_source)
  on conflict (booking_id) where status = 'waiting' do nothing;
  return case when found then 'waiting' else 'already_waiting' end;
end;
$$;
revoke all on function public.join_waitlist(uuid, uuid, text) from public, anon, authenticated;
grant execute on function public.join_waitlist(uuid, uuid, text) to service_role;

-- A waitlist offer taken on the manage page, after manage_reschedule_atomic moved the
-- appointment onto it in the same transaction (the move deletes the appointment's offers, so the
-- caller passes the opening it read before): the opening records who took it and the patient's
-- entry is done.
create or replace function public.waitlist_offer_taken(p_opening_id uuid, p_booking_id uuid) returns void
language sql security definer set search_path = '' as $$
  update public.waitlist_openings set taken_by = p_booking_id where id = p_opening_id;
  update public.waitlist_entries set status = 'moved' where booking_id = p_booking_id and status = 'waiting';
$$;
revoke all on function public.waitlist_offer_taken(uuid, uuid) from public, anon, authenticated;
grant execute on function public.waitlist_offer_taken(uuid, uuid) to service_role;

-- Whether a waitlist time is still free (no live hold, appointment or block on its practitioner
-- or resource): checked before each offer text and on the manage page.
create or replace function public.waitlist_time_free(p_practitioner_id uuid, p_resource_id uuid, p_occupied tstzrange)
returns boolean language sql stable security definer set search_path = '' as $$
  select not exists (select 1 from private.reservation_conflict(p_practitioner_id, p_resource_id, p_occupied, null, null));
$$;
revoke all on function public.waitlist_time_free(uuid, uuid, tstzrange) from public, anon, authenticated;
grant execute on function public.waitlist_time_free(uuid, uuid, tstzrange) to service_role;
