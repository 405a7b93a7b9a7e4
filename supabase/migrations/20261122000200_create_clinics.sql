-- Clinics, their staff and practitioners, and the membership helpers every policy uses.

create table public.clinics (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null check (length(name) between 1 and 120),
  timezone text not null default 'UTC',
  phone_number public.e164 not null unique,
  front_desk_number public.e164,
  settings jsonb not null default '{}'::jsonb check (jsonb_typeof(settings) = 'object'),
  vapi_assistant_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.clinics is 'A clinic (tenant). Every other row belongs to exactly one clinic.';
comment on column public.clinics.id is 'Primary key; also the first folder of the clinic''s storage paths.';
comment on column public.clinics.slug is 'URL-safe unique name, e.g. harbour-aesthetics.';
comment on column public.clinics.name is 'Display name used by the assistant and in SMS.';
comment on column public.clinics.timezone is 'IANA time zone for opening hours and slot times.';
comment on column public.clinics.phone_number is 'The clinic''s Twilio number (E.164) that Vapi answers; resolves inbound calls to the clinic.';
comment on column public.clinics.front_desk_number is 'Human front desk number the assistant transfers to.';
comment on column public.clinics.settings is 'Opening hours ({"hours":{"mon":["09:00","17:00"],...}}), slot_minutes, and other clinic preferences.';
comment on column public.clinics.vapi_assistant_id is 'Id of the clinic''s assistant in Vapi, once pushed.';
comment on column public.clinics.created_at is 'When the clinic was created.';
comment on column public.clinics.updated_at is 'When the clinic was last changed.';

create or replace function private.check_timezone() returns trigger
language plpgsql set search_path = '' as $$
begin
  if not exists (select 1 from pg_catalog.pg_timezone_names where name = new.timezone) then
    raise exception 'unknown time zone: %', new.timezone using errcode = '22023';
  end if;
  return new;
end;
$$;
create trigger clinics_check_timezone before insert or update of timezone on public.clinics
  for each row execute function private.check_timezone();
create trigger clinics_touch before update on public.clinics
  for each row execute function private.touch_updated_at();

create table public.clinic_members (
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null check (role in ('admin', 'receptionist')),
  display_name text not null default '' check (length(display_name) <= 120),
  created_at timestamptz not null default now(),
  primary key (clinic_id, user_id)
);
create index clinic_members_user_idx on public.clinic_members (user_id);
comment on table public.clinic_members is 'Which staff belong to which clinic, and in what role.';
comment on column public.clinic_members.clinic_id is 'The clinic.';
comment on column public.clinic_members.user_id is 'The staff member (auth.users.id).';
comment on column public.clinic_members.role is 'admin: manages procedures, aftercare, redaction, assistant; receptionist: confirms bookings.';
comment on column public.clinic_members.display_name is 'Name shown in the dashboard and audit trail.';
comment on column public.clinic_members.created_at is 'When the membership was granted.';

create table public.practitioners (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  name text not null check (length(name) between 1 and 120),
  title text not null default '' check (length(title) <= 120),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, clinic_id)
);
create index practitioners_clinic_idx on public.practitioners (clinic_id);
create trigger practitioners_touch before update on public.practitioners
  for each row execute function private.touch_updated_at();
comment on table public.practitioners is 'Surgeons and injectors whose diaries hold appointment slots.';
comment on column public.practitioners.id is 'Primary key.';
comment on column public.practitioners.clinic_id is 'The clinic.';
comment on column public.practitioners.name is 'Name the assistant may say, e.g. "Dr Amara Okafor".';
comment on column public.practitioners.title is 'Role, e.g. "Consultant plastic surgeon".';
comment on column public.practitioners.active is 'Inactive practitioners get no new slots.';
comment on column public.practitioners.created_at is 'When the practitioner was added.';
comment on column public.practitioners.updated_at is 'When the practitioner was last changed.';

-- Membership helpers. SECURITY DEFINER so they can read clinic_members without recursing
-- into its own policy; policies call them as `(select private.x())` so Postgres evaluates
-- them once per statement (an initPlan), not once per row.
create or replace function private.member_clinic_ids() returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(m.clinic_id), '{}')
  from public.clinic_members m
  where m.user_id = (select auth.uid());
$$;

create or replace function private.admin_clinic_ids() returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(m.clinic_id), '{}')
  from public.clinic_members m
  where m.user_id = (select auth.uid()) and m.role = 'admin';
$$;

revoke all on function private.member_clinic_ids(), private.admin_clinic_ids() from public;
grant execute on function private.member_clinic_ids(), private.admin_clinic_ids()
  to authenticated, service_role;

alter table public.clinics enable row level security;
create policy "members read their clinics" on public.clinics for select to authenticated
  using (id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins update their clinics" on public.clinics for update to authenticated
  using (id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (id = any ((select private.admin_clinic_ids())::uuid[]));

alter table public.clinic_members enable row level security;
create policy "members read their clinic's team" on public.clinic_members for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));

-- Uniform tenant policies: members of the row's clinic read it; writers as named.
--   p_writers = 'admin'  admins of the clinic insert, update and delete
--   p_writers = 'none'   no user writes (webhooks write through SECURITY DEFINER functions)
create or replace function private.create_clinic_policies(p_table regclass, p_writers text)
returns void language plpgsql set search_path = '' as $$
begin
  if p_writers not in ('admin', 'none') then
    raise exception 'p_writers must be admin or none, got %', p_writers;
  end if;
  execute format('alter table %s enable row level security', p_table);
  execute format($p$create policy "members read" on %s for select to authenticated
    using (clinic_id = any ((select private.member_clinic_ids())::uuid[]))$p$, p_table);
  if p_writers = 'admin' then
    execute format($p$create policy "admins insert" on %s for insert to authenticated
      with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))$p$, p_table);
    execute format($p$create policy "admins update" on %s for update to authenticated
      using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
      with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))$p$, p_table);
    execute format($p$create policy "admins delete" on %s for delete to authenticated
      using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))$p$, p_table);
  else
    execute format('revoke insert, update, delete, truncate on %s from anon, authenticated', p_table);
  end if;
end;
$$;
revoke all on function private.create_clinic_policies(regclass, text) from public;

select private.create_clinic_policies('public.practitioners', 'admin');
