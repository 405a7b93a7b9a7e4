-- Clinics (the tenants), their staff, and the membership helpers every RLS policy calls.
--
-- The policies of every clinic-owned table follow one pattern, written out next to each table:
--   "members read"   members of the row's clinic read it:
--                    clinic_id = any ((select private.member_clinic_ids())::uuid[])
--   "admins insert", "admins update", "admins delete"
--                    where the clinic's admins manage the rows (the catalogue, redaction rules)
--   otherwise no user writes: insert, update, delete and truncate are revoked from anon and
--   authenticated, and webhooks write through SECURITY DEFINER functions or as service_role.

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
-- Staff changes to a clinic are audited (clinics_audit, in ..._audit.sql). Its policies follow
-- the membership helpers below, which they call.

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

-- clinics: members read their clinics, admins update them; nobody inserts or deletes one.
alter table public.clinics enable row level security;
create policy "members read their clinics" on public.clinics for select to authenticated
  using (id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins update their clinics" on public.clinics for update to authenticated
  using (id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (id = any ((select private.admin_clinic_ids())::uuid[]));

-- clinic_members: members read their clinic's team; memberships are granted by the service side.
alter table public.clinic_members enable row level security;
create policy "members read their clinic's team" on public.clinic_members for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
