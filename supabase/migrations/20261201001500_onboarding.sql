-- Onboarding (issue 19): a signed-up owner creates a clinic and is walked through setting it up.
-- A new clinic has no Twilio number until its admin enters one (the walk-through's "phone number"
-- step), so clinics.phone_number may be null; inbound calls resolve by number, and a clinic
-- without one simply receives none. Creating a clinic is one security-definer function
-- (public.create_clinic): any signed-in person may create one and becomes its admin, audited.
-- The walk-through's state is derived from the clinic's rows; onboarding_steps holds only what
-- cannot be derived: the admin saying a step is done (details confirmed, hours reviewed).

alter table public.clinics alter column phone_number drop not null;
comment on column public.clinics.phone_number is 'The clinic''s Twilio number (E.164) that Vapi answers; resolves inbound calls to the clinic. Null until the admin enters it during onboarding.';

-- ---------------------------------------------------------------------------------------------
-- Explicit completions
-- ---------------------------------------------------------------------------------------------
create table public.onboarding_steps (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  step text not null check (step in ('details', 'hours')),
  completed_by uuid references auth.users (id) on delete set null,
  completed_at timestamptz not null default now(),
  unique (clinic_id, step)
);
comment on table public.onboarding_steps is 'Onboarding steps an admin marked done that the clinic''s rows cannot show by themselves (lib/onboarding derives the rest).';
comment on column public.onboarding_steps.id is 'Primary key.';
comment on column public.onboarding_steps.clinic_id is 'The clinic being set up.';
comment on column public.onboarding_steps.step is 'details: name, time zone and front desk confirmed; hours: opening hours and closures reviewed.';
comment on column public.onboarding_steps.completed_by is 'The admin who marked it done.';
comment on column public.onboarding_steps.completed_at is 'When it was marked done.';

alter table public.onboarding_steps enable row level security;
create policy "members read" on public.onboarding_steps for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.onboarding_steps for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.onboarding_steps for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
revoke all on public.onboarding_steps from anon;
revoke update, truncate, references, trigger on public.onboarding_steps from authenticated;
grant select, insert, delete on public.onboarding_steps to authenticated;
grant select, insert, update, delete on public.onboarding_steps to service_role;

create trigger onboarding_steps_audit after insert or delete on public.onboarding_steps
  for each row execute function private.audit_row_change('clinic_id');

-- ---------------------------------------------------------------------------------------------
-- Creating a clinic
-- ---------------------------------------------------------------------------------------------

-- Creates a clinic for the signed-in person, who becomes its admin (the membership is audited by
-- its trigger; the clinic's creation is audited here, since clinics are audited on update only).
-- The slug comes from the name, made unique with -2, -3, ... Invalid input raises 22023 with the
-- problem (lib/onboarding checks first and answers in sentences). Returns the clinic's id.
create or replace function public.create_clinic(p_name text, p_timezone text, p_front_desk text)
returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  v_user uuid := (select auth.uid());
  v_name text := btrim(coalesce(p_name, ''));
  v_base text;
  v_slug text;
  v_n integer := 1;
  v_id uuid;
  v_display text;
begin
  if v_user is null then
    raise exception 'sign in to create a clinic' using errcode = '42501';
  end if;
  if length(v_name) not between 1 and 120 then
    raise exception 'clinic name must be 1 to 120 characters' using errcode = '22023';
  end if;
  if p_front_desk is not null and p_front_desk !~ '^\+[1-9][0-9]{6,14}$' then
    raise exception 'front desk number must be E.164' using errcode = '22023';
  end if;
  -- A person creates clinics one at a time: two quick submissions make one clinic, not two.
  perform pg_advisory_xact_lock(hashtextextended('create_clinic:' || v_user::text, 0));
  select c.id into v_id from public.clinics c
    join public.clinic_members m on m.clinic_id = c.id and m.user_id = v_user and m.role = 'admin'
   where c.name = v_name and c.created_at > now() - interval '10 seconds';
  if found then
    return v_id;
  end if;

  v_base := btrim(regexp_replace(lower(v_name), '[^a-z0-9]+', '-', 'g'), '-');
  v_base := left(coalesce(nullif(v_base, ''), 'clinic'), 60);
  v_base := btrim(v_base, '-');
  v_slug := v_base;
  while exists (select 1 from public.clinics where slug = v_slug) loop
    v_n := v_n + 1;
    v_slug := v_base || '-' || v_n;
  end loop;

  insert into public.clinics (slug, name, timezone, front_desk_number)
  values (v_slug, v_name, p_timezone, p_front_desk)
  returning id into v_id;

  select left(coalesce(nullif(btrim(u.raw_user_meta_data ->> 'full_name'), ''), u.email, ''), 120)
    into v_display from auth.users u where u.id = v_user;
  insert into public.clinic_members (clinic_id, user_id, role, display_name)
  values (v_id, v_user, 'admin', coalesce(v_display, ''));

  insert into public.audit_log (clinic_id, actor_id, action, table_name, row_id, changes)
  values (v_id, v_user, 'insert', 'clinics', v_id,
          jsonb_build_object('name', jsonb_build_object('old', null, 'new', v_name),
                             'timezone', jsonb_build_object('old', null, 'new', p_timezone),
                             'front_desk_number', jsonb_build_object('old', null, 'new', p_front_desk)));
  return v_id;
end;
$$;
revoke all on function public.create_clinic(text, text, text) from public, anon;
grant execute on function public.create_clinic(text, text, text) to authenticated;

-- Clinics that existed before onboarding were set up by hand: their details and hours count as
-- confirmed, so the live board's checklist asks only for what their rows show is missing.
insert into public.onboarding_steps (clinic_id, step)
select c.id, s.step from public.clinics c cross join (values ('details'), ('hours')) as s (step)
on conflict do nothing;
