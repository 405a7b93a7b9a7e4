-- The clinic's own opening hours (issue 18): when the front desk answers the phone, as weekly
-- clinic-local intervals, several a day (09:00–13:00, 14:00–18:00). Closures stay where the
-- diary keeps them (clinic_closures): a closed day closes the front desk too. The current state
-- ("open until 17:00", "closed until Monday 09:00") is computed from these in the clinic's time
-- zone (lib/hours/opening.ts), never stored. Members read; admins write; audited.
--
-- Until now the hours lived in clinics.settings.hours ({"mon": ["09:00", "17:00"], ...}, one
-- interval a day); existing clinics keep them as their first weekly hours. settings.hours is
-- left as it was (nothing reads it any more).

create table public.opening_hours (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  weekday smallint not null check (weekday between 1 and 7),
  opens time not null,
  closes time not null,
  created_at timestamptz not null default now(),
  check (closes > opens),
  constraint opening_hours_no_overlap exclude using gist (
    clinic_id with =, weekday with =,
    tsrange(date '2000-01-03' + opens, date '2000-01-03' + closes) with &&
  )
);
create index opening_hours_clinic_idx on public.opening_hours (clinic_id, weekday, opens);
comment on table public.opening_hours is 'When the clinic''s front desk is open: weekly intervals in the clinic''s time zone, several a day. Closures (clinic_closures) close it for whole days.';
comment on column public.opening_hours.id is 'Primary key.';
comment on column public.opening_hours.clinic_id is 'The clinic.';
comment on column public.opening_hours.weekday is 'ISO weekday: 1 Monday … 7 Sunday.';
comment on column public.opening_hours.opens is 'Opening time (clinic-local wall clock).';
comment on column public.opening_hours.closes is 'Closing time (after opens; 24:00 is the next midnight; intervals do not cross midnight).';
comment on column public.opening_hours.created_at is 'When it was added.';

alter table public.opening_hours enable row level security;
create policy "members read" on public.opening_hours for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.opening_hours for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.opening_hours for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.opening_hours for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

create trigger opening_hours_audit after insert or update or delete on public.opening_hours
  for each row execute function private.audit_row_change('clinic_id');

-- Existing clinics: settings.hours, one interval a day; a day without a pair of valid times, or
-- that closes before it opens, is closed.
insert into public.opening_hours (clinic_id, weekday, opens, closes)
select c.id, d.weekday, (c.settings -> 'hours' -> d.key ->> 0)::time, (c.settings -> 'hours' -> d.key ->> 1)::time
from public.clinics c
cross join (values ('mon', 1), ('tue', 2), ('wed', 3), ('thu', 4), ('fri', 5), ('sat', 6), ('sun', 7)) as d (key, weekday)
where jsonb_typeof(c.settings -> 'hours' -> d.key) = 'array'
  and (c.settings -> 'hours' -> d.key ->> 0) ~ '^([01]\d|2[0-3]):[0-5]\d$'
  and (c.settings -> 'hours' -> d.key ->> 1) ~ '^(([01]\d|2[0-3]):[0-5]\d|24:00)$'
  and (c.settings -> 'hours' -> d.key ->> 1)::time > (c.settings -> 'hours' -> d.key ->> 0)::time;
