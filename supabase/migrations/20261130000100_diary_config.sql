-- The diary's configuration: rooms and devices, appointment types (per procedure: kind,
-- duration, buffers, who performs it, what it needs, how it is confirmed), practitioners'
-- weekly hours and date overrides, clinic closures, and the clinic's minimum notice and booking
-- horizon. Availability is computed from these (lib/diary/availability.ts), never
-- pre-generated. Members of the clinic read them; its admins insert, update and delete them;
-- every staff change is audited (triggers at the end of this file). docs/diary.md describes
-- the model.
--
-- Existing clinics keep working: every active practitioner gets the clinic's opening hours
-- (settings.hours) as weekly hours, and every procedure a consultation type of
-- settings.slot_minutes (default 30) that every active practitioner may perform, confirmed by
-- staff as before.

alter table public.clinics
  add column min_notice_minutes integer not null default 60
    check (min_notice_minutes between 0 and 20160),
  add column horizon_days integer not null default 60
    check (horizon_days between 1 and 365);
comment on column public.clinics.min_notice_minutes is 'Shortest notice for a booking: nothing starting sooner than this is offered or booked.';
comment on column public.clinics.horizon_days is 'How far ahead bookings may be made, in days.';

create table public.resources (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 80),
  kind text not null check (kind in ('room', 'device')),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, clinic_id)
);
create unique index resources_clinic_name_idx on public.resources (clinic_id, lower(name));
create trigger resources_touch before update on public.resources
  for each row execute function private.touch_updated_at();
comment on table public.resources is 'Rooms and devices an appointment may need (e.g. "Laser suite", "Theatre 1"); each has its own occupancy.';
comment on column public.resources.id is 'Primary key.';
comment on column public.resources.clinic_id is 'The clinic.';
comment on column public.resources.name is 'Name shown in the diary, unique in the clinic (case-insensitive).';
comment on column public.resources.kind is 'room or device.';
comment on column public.resources.active is 'Inactive resources are not offered; appointments that used them stay.';
comment on column public.resources.created_at is 'When it was added.';
comment on column public.resources.updated_at is 'When it was last changed.';

alter table public.resources enable row level security;
create policy "members read" on public.resources for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.resources for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.resources for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.resources for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

create table public.appointment_types (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  procedure_id uuid not null,
  kind text not null check (kind in ('consultation', 'treatment', 'surgery', 'review')),
  name text not null check (length(btrim(name)) between 1 and 120),
  duration_minutes integer not null check (duration_minutes between 5 and 720),
  buffer_before_minutes integer not null default 0 check (buffer_before_minutes between 0 and 240),
  buffer_after_minutes integer not null default 0 check (buffer_after_minutes between 0 and 240),
  resource_id uuid,
  requires_consultation boolean not null default false,
  confirmation text not null default 'staff' check (confirmation in ('instant', 'staff')),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, clinic_id),
  unique (procedure_id, kind),
  -- A consultation is the first step; only later steps can require one.
  check (not (kind = 'consultation' and requires_consultation)),
  foreign key (procedure_id, clinic_id) references public.procedures (id, clinic_id) on delete cascade,
  foreign key (resource_id, clinic_id) references public.resources (id, clinic_id)
);
create index appointment_types_clinic_idx on public.appointment_types (clinic_id);
create trigger appointment_types_touch before update on public.appointment_types
  for each row execute function private.touch_updated_at();
comment on table public.appointment_types is 'What can be booked for a procedure: its consultation, treatment, surgery or review, each with duration, buffers, practitioners and resource.';
comment on column public.appointment_types.id is 'Primary key.';
comment on column public.appointment_types.clinic_id is 'The clinic.';
comment on column public.appointment_types.procedure_id is 'The procedure this is a step of.';
comment on column public.appointment_types.kind is 'consultation, treatment, surgery or review; one of each per procedure.';
comment on column public.appointment_types.name is 'Name staff and the assistant use, e.g. "Facelift consultation".';
comment on column public.appointment_types.duration_minutes is 'Length of the appointment itself.';
comment on column public.appointment_types.buffer_before_minutes is 'Time the practitioner (and resource) is kept free before it (preparation).';
comment on column public.appointment_types.buffer_after_minutes is 'Time kept free after it (clean-up, notes).';
comment on column public.appointment_types.resource_id is 'Room or device it needs, if any; it must be free too.';
comment on column public.appointment_types.requires_consultation is 'The assistant offers the procedure''s consultation first.';
comment on column public.appointment_types.confirmation is 'instant: the assistant''s bookings are confirmed at once; staff: they wait as pending for staff to confirm.';
comment on column public.appointment_types.active is 'Inactive types are not offered or bookable.';
comment on column public.appointment_types.created_at is 'When it was added.';
comment on column public.appointment_types.updated_at is 'When it was last changed.';

alter table public.appointment_types enable row level security;
create policy "members read" on public.appointment_types for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.appointment_types for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.appointment_types for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.appointment_types for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

create table public.appointment_type_practitioners (
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  appointment_type_id uuid not null,
  practitioner_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (appointment_type_id, practitioner_id),
  foreign key (appointment_type_id, clinic_id) references public.appointment_types (id, clinic_id) on delete cascade,
  foreign key (practitioner_id, clinic_id) references public.practitioners (id, clinic_id) on delete cascade
);
create index appointment_type_practitioners_practitioner_idx on public.appointment_type_practitioners (practitioner_id);
comment on table public.appointment_type_practitioners is 'Who may perform each appointment type.';
comment on column public.appointment_type_practitioners.clinic_id is 'The clinic.';
comment on column public.appointment_type_practitioners.appointment_type_id is 'The appointment type.';
comment on column public.appointment_type_practitioners.practitioner_id is 'A practitioner who performs it.';
comment on column public.appointment_type_practitioners.created_at is 'When they were added.';

alter table public.appointment_type_practitioners enable row level security;
create policy "members read" on public.appointment_type_practitioners for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.appointment_type_practitioners for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.appointment_type_practitioners for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

-- Weekly hours: several intervals a day (09:00–13:00, 14:00–18:00), clinic-local wall-clock
-- times, ISO weekdays (1 = Monday … 7 = Sunday). Intervals of one practitioner on one weekday
-- never overlap.
create table public.working_hours (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  practitioner_id uuid not null,
  weekday smallint not null check (weekday between 1 and 7),
  opens time not null,
  closes time not null,
  created_at timestamptz not null default now(),
  check (closes > opens),
  foreign key (practitioner_id, clinic_id) references public.practitioners (id, clinic_id) on delete cascade,
  constraint working_hours_no_overlap exclude using gist (
    practitioner_id with =, weekday with =,
    tsrange(date '2000-01-03' + opens, date '2000-01-03' + closes) with &&
  )
);
create index working_hours_clinic_idx on public.working_hours (clinic_id);
comment on table public.working_hours is 'A practitioner''s weekly working intervals, in the clinic''s time zone.';
comment on column public.working_hours.id is 'Primary key.';
comment on column public.working_hours.clinic_id is 'The clinic.';
comment on column public.working_hours.practitioner_id is 'Whose hours.';
comment on column public.working_hours.weekday is 'ISO weekday: 1 Monday … 7 Sunday.';
comment on column public.working_hours.opens is 'Start of the interval (clinic-local wall clock).';
comment on column public.working_hours.closes is 'End of the interval (after opens; intervals do not cross midnight).';
comment on column public.working_hours.created_at is 'When it was added.';

alter table public.working_hours enable row level security;
create policy "members read" on public.working_hours for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.working_hours for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.working_hours for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.working_hours for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

-- Date overrides: 'off' removes time (the whole day when opens/closes are null), 'extra' adds
-- an interval on that date. Both are clinic-local.
create table public.schedule_overrides (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  practitioner_id uuid not null,
  on_date date not null,
  kind text not null check (kind in ('off', 'extra')),
  opens time,
  closes time,
  reason text not null default '' check (length(reason) <= 200),
  created_at timestamptz not null default now(),
  check ((opens is null) = (closes is null)),
  check (closes is null or closes > opens),
  check (kind = 'off' or opens is not null),
  foreign key (practitioner_id, clinic_id) references public.practitioners (id, clinic_id) on delete cascade
);
create index schedule_overrides_practitioner_date_idx on public.schedule_overrides (practitioner_id, on_date);
create index schedule_overrides_clinic_date_idx on public.schedule_overrides (clinic_id, on_date);
comment on table public.schedule_overrides is 'One-off changes to a practitioner''s hours: time off (whole or part day) or extra hours.';
comment on column public.schedule_overrides.id is 'Primary key.';
comment on column public.schedule_overrides.clinic_id is 'The clinic.';
comment on column public.schedule_overrides.practitioner_id is 'Whose hours change.';
comment on column public.schedule_overrides.on_date is 'The clinic-local date.';
comment on column public.schedule_overrides.kind is 'off (not working; all day when no times) or extra (working).';
comment on column public.schedule_overrides.opens is 'Start of the interval, or null for the whole day (off only).';
comment on column public.schedule_overrides.closes is 'End of the interval, or null for the whole day.';
comment on column public.schedule_overrides.reason is 'Shown to staff, e.g. "Annual leave".';
comment on column public.schedule_overrides.created_at is 'When it was added.';

alter table public.schedule_overrides enable row level security;
create policy "members read" on public.schedule_overrides for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.schedule_overrides for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.schedule_overrides for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.schedule_overrides for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

-- Clinic closures: whole clinic-local days (inclusive) when nothing is offered or booked.
create table public.clinic_closures (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  starts_on date not null,
  ends_on date not null,
  reason text not null default '' check (length(reason) <= 200),
  created_at timestamptz not null default now(),
  check (ends_on >= starts_on)
);
create index clinic_closures_clinic_idx on public.clinic_closures (clinic_id, starts_on);
comment on table public.clinic_closures is 'Days the whole clinic is closed (bank holidays, the Christmas week).';
comment on column public.clinic_closures.id is 'Primary key.';
comment on column public.clinic_closures.clinic_id is 'The clinic.';
comment on column public.clinic_closures.starts_on is 'First closed day (clinic-local).';
comment on column public.clinic_closures.ends_on is 'Last closed day (inclusive).';
comment on column public.clinic_closures.reason is 'Shown to staff and said by the assistant, e.g. "Christmas".';
comment on column public.clinic_closures.created_at is 'When it was added.';

alter table public.clinic_closures enable row level security;
create policy "members read" on public.clinic_closures for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.clinic_closures for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.clinic_closures for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.clinic_closures for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

-- Today's clinics keep their diary: weekly hours from the clinic's opening hours for every
-- active practitioner, and a staff-confirmed consultation of the clinic's slot length for every
-- procedure, performed by any active practitioner (what the fixed grid offered before).
insert into public.working_hours (clinic_id, practitioner_id, weekday, opens, closes)
select c.id, p.id, d.weekday, (c.settings -> 'hours' -> d.key ->> 0)::time, (c.settings -> 'hours' -> d.key ->> 1)::time
from public.clinics c
join public.practitioners p on p.clinic_id = c.id and p.active
cross join (values (1, 'mon'), (2, 'tue'), (3, 'wed'), (4, 'thu'), (5, 'fri'), (6, 'sat'), (7, 'sun')) as d (weekday, key)
where jsonb_typeof(c.settings -> 'hours' -> d.key) = 'array'
  and (c.settings -> 'hours' -> d.key ->> 1)::time > (c.settings -> 'hours' -> d.key ->> 0)::time;

insert into public.appointment_types (clinic_id, procedure_id, kind, name, duration_minutes)
select pr.clinic_id, pr.id, 'consultation', pr.name || ' consultation',
       coalesce((c.settings ->> 'slot_minutes')::integer, 30)
from public.procedures pr
join public.clinics c on c.id = pr.clinic_id;

insert into public.appointment_type_practitioners (clinic_id, appointment_type_id, practitioner_id)
select t.clinic_id, t.id, p.id
from public.appointment_types t
join public.practitioners p on p.clinic_id = t.clinic_id and p.active;

create trigger resources_audit after insert or update or delete on public.resources
  for each row execute function private.audit_row_change('clinic_id');
create trigger appointment_types_audit after insert or update or delete on public.appointment_types
  for each row execute function private.audit_row_change('clinic_id');
create trigger appointment_type_practitioners_audit after insert or delete on public.appointment_type_practitioners
  for each row execute function private.audit_row_change('clinic_id');
create trigger working_hours_audit after insert or update or delete on public.working_hours
  for each row execute function private.audit_row_change('clinic_id');
create trigger schedule_overrides_audit after insert or update or delete on public.schedule_overrides
  for each row execute function private.audit_row_change('clinic_id');
create trigger clinic_closures_audit after insert or update or delete on public.clinic_closures
  for each row execute function private.audit_row_change('clinic_id');
