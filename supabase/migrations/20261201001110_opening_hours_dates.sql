-- Special opening hours on given dates (issue 18): Christmas Eve 09:00–13:00, a late evening
-- before a holiday. A date with rows here is open exactly at those intervals, whatever its
-- weekday's weekly hours say (opening_hours); a closure (clinic_closures) still closes it all
-- day, so a whole closed day stays a closure. The diary's per-date changes (schedule_overrides)
-- belong to one practitioner each and change when they work, not when the front desk answers,
-- so the front desk's dates have their own table. Used by the opening state, the assistant's
-- prompt and the transfer destination (lib/hours/opening.ts). Members read; admins write;
-- audited, as opening_hours.

create table public.opening_hours_dates (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  on_date date not null,
  opens time not null,
  closes time not null,
  reason text not null default '' check (length(reason) <= 200),
  created_at timestamptz not null default now(),
  check (closes > opens),
  constraint opening_hours_dates_no_overlap exclude using gist (
    clinic_id with =, on_date with =,
    tsrange(date '2000-01-03' + opens, date '2000-01-03' + closes) with &&
  )
);
create index opening_hours_dates_clinic_idx on public.opening_hours_dates (clinic_id, on_date, opens);
comment on table public.opening_hours_dates is 'Special opening hours on given clinic-local dates: they replace that day''s weekly opening hours (closures still close the day).';
comment on column public.opening_hours_dates.id is 'Primary key.';
comment on column public.opening_hours_dates.clinic_id is 'The clinic.';
comment on column public.opening_hours_dates.on_date is 'The clinic-local date.';
comment on column public.opening_hours_dates.opens is 'Opening time (clinic-local wall clock).';
comment on column public.opening_hours_dates.closes is 'Closing time (after opens; 24:00 is the next midnight).';
comment on column public.opening_hours_dates.reason is 'Shown to staff and callers, e.g. "Christmas Eve".';
comment on column public.opening_hours_dates.created_at is 'When it was added.';

alter table public.opening_hours_dates enable row level security;
create policy "members read" on public.opening_hours_dates for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.opening_hours_dates for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.opening_hours_dates for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.opening_hours_dates for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

create trigger opening_hours_dates_audit after insert or update or delete on public.opening_hours_dates
  for each row execute function private.audit_row_change('clinic_id');
