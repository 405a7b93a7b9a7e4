-- Staff management (issue 19): admins invite staff with a role, change roles and remove members;
-- a clinic always keeps at least one admin; every change is audited. And, for the embedded
-- default's own sign-in (AUTH_PROVIDER=local), server-side sessions that can be revoked and
-- sign-in throttling that survives restarts. On Supabase, Supabase Auth keeps sessions and
-- throttles sign-in itself; the local tables then stay empty.

-- ---------------------------------------------------------------------------------------------
-- Invitations
-- ---------------------------------------------------------------------------------------------
create table public.staff_invitations (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  email text not null check (length(email) between 3 and 254 and email = lower(email)
                             and email ~ '^[^@\s]+@[^@\s]+$'),
  role text not null check (role in ('admin', 'receptionist')),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  invited_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '7 days',
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null,
  revoked_at timestamptz,
  check (accepted_at is null or revoked_at is null)
);
create index staff_invitations_clinic_idx on public.staff_invitations (clinic_id, created_at desc);
comment on table public.staff_invitations is 'One-time links to join a clinic''s staff (embedded default; on Supabase, Supabase Auth emails the invitation). Only the token''s hash is kept.';
comment on column public.staff_invitations.id is 'Primary key.';
comment on column public.staff_invitations.clinic_id is 'The clinic the invitee joins.';
comment on column public.staff_invitations.email is 'Who is invited (lower case).';
comment on column public.staff_invitations.role is 'The role they get: admin or receptionist.';
comment on column public.staff_invitations.token_hash is 'SHA-256 (hex) of the link''s token; the token itself is shown to the admin once.';
comment on column public.staff_invitations.invited_by is 'The admin who invited them.';
comment on column public.staff_invitations.created_at is 'When the invitation was made.';
comment on column public.staff_invitations.expires_at is 'The link works until then (7 days).';
comment on column public.staff_invitations.accepted_at is 'When the link was used (it works once).';
comment on column public.staff_invitations.accepted_by is 'The account that accepted it.';
comment on column public.staff_invitations.revoked_at is 'When an admin withdrew it.';

-- Admins read their clinic's invitations; every write goes through the functions below.
alter table public.staff_invitations enable row level security;
create policy "admins read" on public.staff_invitations for select to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.staff_invitations from anon, authenticated;

create trigger staff_invitations_audit after insert or update on public.staff_invitations
  for each row execute function private.audit_row_change('clinic_id', 'token_hash');

-- ---------------------------------------------------------------------------------------------
-- Memberships: at least one admin, audited, sessions end with the last membership
-- ---------------------------------------------------------------------------------------------

-- Raised when a change would leave a clinic without an admin (lib/staff maps it to a sentence).
create or replace function private.keep_an_admin() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if old.role <> 'admin' or (tg_op = 'UPDATE' and new.role = 'admin') then
    return coalesce(new, old);
  end if;
  -- The clinic row is the lock two admins demoting each other would race on. A clinic being
  -- deleted (its members cascade) has no row left: let it go.
  perform 1 from public.clinics where id = old.clinic_id for no key update;
  if not found then
    return coalesce(new, old);
  end if;
  if not exists (select 1 from public.clinic_members m
                  where m.clinic_id = old.clinic_id and m.role = 'admin' and m.user_id <> old.user_id) then
    raise exception 'a clinic keeps at least one admin' using errcode = 'CW001';
  end if;
  return coalesce(new, old);
end;
$$;
create trigger clinic_members_keep_an_admin before update of role or delete on public.clinic_members
  for each row execute function private.keep_an_admin();

-- clinic_members has no id: the audit row's row_id is the member's user id.
create or replace function private.audit_member_change() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_row public.clinic_members := coalesce(new, old);
  v_changes jsonb;
begin
  if not exists (select 1 from public.clinics where id = v_row.clinic_id) then
    return null;
  end if;
  v_changes := case tg_op
    when 'INSERT' then jsonb_build_object('role', jsonb_build_object('old', null, 'new', new.role),
                                          'display_name', jsonb_build_object('old', null, 'new', new.display_name))
    when 'DELETE' then jsonb_build_object('role', jsonb_build_object('old', old.role, 'new', null),
                                          'display_name', jsonb_build_object('old', old.display_name, 'new', null))
    else '{}'::jsonb
      || case when old.role is distinct from new.role
              then jsonb_build_object('role', jsonb_build_object('old', old.role, 'new', new.role)) else '{}' end
      || case when old.display_name is distinct from new.display_name
              then jsonb_build_object('display_name', jsonb_build_object('old', old.display_name, 'new', new.display_name)) else '{}' end
  end;
  if v_changes = '{}'::jsonb then
    return null;
  end if;
  insert into public.audit_log (clinic_id, actor_id, action, table_name, row_id, changes)
  values (v_row.clinic_id, (select auth.uid()), lower(tg_op), 'clinic_members', v_row.user_id, v_changes);
  return null;
end;
$$;
create trigger clinic_members_audit after insert or update or delete on public.clinic_members
  for each row execute function private.audit_member_change();

-- ---------------------------------------------------------------------------------------------
-- Local sessions (AUTH_PROVIDER=local)
-- ---------------------------------------------------------------------------------------------
create table private.local_sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  refreshed_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text check (revoked_reason in ('signed_out', 'removed', 'banned')),
  check ((revoked_at is null) = (revoked_reason is null))
);
create index local_sessions_user_idx on private.local_sessions (user_id) where revoked_at is null;
create index local_sessions_expires_idx on private.local_sessions (expires_at);
comment on table private.local_sessions is 'Embedded-default sessions: the JWT carries a random session id, this row its SHA-256; checked on every request, revoked on sign-out, removal and ban; expires_at is the absolute lifetime.';

-- A user removed from their last clinic loses every session at once. (Someone who still belongs
-- to another clinic keeps theirs: membership is checked per request, so the clinic they left is
-- already closed to them.)
create or replace function private.end_sessions_of_removed_member() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if not exists (select 1 from public.clinic_members where user_id = old.user_id) then
    update private.local_sessions set revoked_at = now(), revoked_reason = 'removed'
     where user_id = old.user_id and revoked_at is null;
  end if;
  return null;
end;
$$;
create trigger clinic_members_end_sessions after delete on public.clinic_members
  for each row execute function private.end_sessions_of_removed_member();

-- The session a token names, if it is still good: not revoked, not past its absolute lifetime,
-- its user neither deleted nor banned (a ban revokes it for good). p_refresh records the proxy
-- re-issuing its token. Returns the absolute expiry, or null.
create or replace function private.check_local_session(p_token_hash text, p_user uuid, p_refresh boolean)
returns timestamptz
language plpgsql set search_path = '' as $$
declare
  v_session private.local_sessions;
  v_blocked boolean;
begin
  select s.* into v_session from private.local_sessions s
   where s.token_hash = p_token_hash and s.user_id = p_user;
  if not found or v_session.revoked_at is not null or v_session.expires_at <= now() then
    return null;
  end if;
  select u.deleted_at is not null or coalesce(u.banned_until > now(), false) into v_blocked
    from auth.users u where u.id = p_user;
  if v_blocked is distinct from false then
    update private.local_sessions set revoked_at = now(), revoked_reason = 'banned'
     where id = v_session.id;
    return null;
  end if;
  if p_refresh then
    update private.local_sessions set refreshed_at = now() where id = v_session.id;
  end if;
  return v_session.expires_at;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Sign-in throttling (AUTH_PROVIDER=local)
-- ---------------------------------------------------------------------------------------------
create table private.sign_in_failures (
  scope text not null check (scope in ('account', 'address')),
  key text not null check (length(key) between 1 and 254),
  failures integer not null default 0 check (failures >= 0),
  last_failure_at timestamptz not null default now(),
  locked_until timestamptz,
  primary key (scope, key)
);
comment on table private.sign_in_failures is 'Failed local sign-ins per account (lower-case email) and per address; after a few, attempts wait with exponential backoff (lib/auth/throttle.ts has the numbers).';

-- When attempts for this account or from this address may resume, if they must wait; locks the
-- account's row so concurrent guesses at one account are counted one after another.
create or replace function private.sign_in_wait(p_account text, p_address text)
returns timestamptz
language plpgsql set search_path = '' as $$
declare
  v_until timestamptz;
begin
  insert into private.sign_in_failures (scope, key) values ('account', p_account)
    on conflict do nothing;
  perform 1 from private.sign_in_failures f where f.scope = 'account' and f.key = p_account for update;
  select max(f.locked_until) into v_until from private.sign_in_failures f
   where ((f.scope = 'account' and f.key = p_account) or (f.scope = 'address' and f.key = p_address))
     and f.locked_until > now();
  return v_until;
end;
$$;

-- Counts a failure for both keys. Failures are forgotten after p_forget without one; from the
-- p_free-th on, each locks the key for p_base doubling per further failure, at most p_cap.
-- Returns the later lock, if any.
create or replace function private.sign_in_failed(
  p_account text, p_address text,
  p_account_free integer, p_address_free integer,
  p_base interval, p_cap interval, p_forget interval)
returns timestamptz
language plpgsql set search_path = '' as $$
declare
  v_until timestamptz;
begin
  insert into private.sign_in_failures as f (scope, key, failures, last_failure_at)
  values ('account', p_account, 1, now()), ('address', p_address, 1, now())
  on conflict (scope, key) do update
    set failures = case when f.last_failure_at < now() - p_forget and f.failures > 0
                        then 1 else f.failures + 1 end,
        last_failure_at = now();
  update private.sign_in_failures f
     set locked_until = now() + least(p_cap, p_base * power(2, least(f.failures - free.n, 30)))
    from (values ('account', p_account_free), ('address', p_address_free)) as free (scope, n)
   where f.scope = free.scope and f.failures >= free.n
     and f.key = case f.scope when 'account' then p_account else p_address end;
  select max(f.locked_until) into v_until from private.sign_in_failures f
   where ((f.scope = 'account' and f.key = p_account) or (f.scope = 'address' and f.key = p_address))
     and f.locked_until > now();
  return v_until;
end;
$$;

-- A successful sign-in clears the account's count (not the address's: one good account must not
-- reset an address guessing at others).
create or replace function private.sign_in_succeeded(p_account text) returns void
language sql set search_path = '' as $$
  delete from private.sign_in_failures where scope = 'account' and key = p_account;
$$;

revoke all on function private.check_local_session(text, uuid, boolean),
  private.sign_in_wait(text, text),
  private.sign_in_failed(text, text, integer, integer, interval, interval, interval),
  private.sign_in_succeeded(text) from public;

-- ---------------------------------------------------------------------------------------------
-- Staff functions for admins (run as the signed-in admin; checked inside)
-- ---------------------------------------------------------------------------------------------

-- The clinic's team with their sign-in email (auth.users, which API roles cannot read).
create or replace function public.staff_list(p_clinic uuid)
returns table (user_id uuid, email text, display_name text, role text, joined_at timestamptz,
               last_sign_in_at timestamptz)
language sql stable security definer set search_path = '' as $$
  select m.user_id, u.email::text, m.display_name, m.role, m.created_at, u.last_sign_in_at
    from public.clinic_members m
    join auth.users u on u.id = m.user_id
   where m.clinic_id = p_clinic
     and p_clinic = any ((select private.admin_clinic_ids())::uuid[])
   order by m.role, lower(coalesce(nullif(m.display_name, ''), u.email));
$$;

-- A new invitation (the caller's clinic, as its admin). Outcomes: ok, forbidden, invalid_role,
-- already_member, already_invited.
create or replace function public.staff_invite(p_clinic uuid, p_email text, p_role text, p_token_hash text)
returns table (outcome text, invitation_id uuid, expires_at timestamptz)
language plpgsql security definer set search_path = '' as $$
declare
  v_email text := lower(trim(p_email));
  v_id uuid;
  v_expires timestamptz;
begin
  if not (p_clinic = any ((select private.admin_clinic_ids())::uuid[])) then
    return query select 'forbidden', null::uuid, null::timestamptz; return;
  end if;
  if p_role is null or p_role not in ('admin', 'receptionist') then
    return query select 'invalid_role', null::uuid, null::timestamptz; return;
  end if;
  perform 1 from public.clinics where id = p_clinic for no key update;
  if exists (select 1 from public.clinic_members m join auth.users u on u.id = m.user_id
              where m.clinic_id = p_clinic and lower(u.email) = v_email) then
    return query select 'already_member', null::uuid, null::timestamptz; return;
  end if;
  -- A new link replaces an open one for the same address (the old link stops working).
  update public.staff_invitations i set revoked_at = now()
   where i.clinic_id = p_clinic and i.email = v_email
     and i.accepted_at is null and i.revoked_at is null;
  insert into public.staff_invitations (clinic_id, email, role, token_hash, invited_by)
  values (p_clinic, v_email, p_role, p_token_hash, (select auth.uid()))
  returning id, staff_invitations.expires_at into v_id, v_expires;
  return query select 'ok', v_id, v_expires;
end;
$$;

-- Withdraws an open invitation. Outcomes: ok, forbidden, not_found.
create or replace function public.staff_revoke_invitation(p_clinic uuid, p_invitation uuid)
returns text
language plpgsql security definer set search_path = '' as $$
begin
  if not (p_clinic = any ((select private.admin_clinic_ids())::uuid[])) then
    return 'forbidden';
  end if;
  update public.staff_invitations set revoked_at = now()
   where id = p_invitation and clinic_id = p_clinic and accepted_at is null and revoked_at is null;
  return case when found then 'ok' else 'not_found' end;
end;
$$;

-- Changes a member's role. Outcomes: ok, forbidden, invalid_role, not_found, last_admin.
create or replace function public.staff_set_role(p_clinic uuid, p_user uuid, p_role text)
returns text
language plpgsql security definer set search_path = '' as $$
begin
  if not (p_clinic = any ((select private.admin_clinic_ids())::uuid[])) then
    return 'forbidden';
  end if;
  if p_role is null or p_role not in ('admin', 'receptionist') then
    return 'invalid_role';
  end if;
  update public.clinic_members set role = p_role where clinic_id = p_clinic and user_id = p_user;
  return case when found then 'ok' else 'not_found' end;
exception when sqlstate 'CW001' then
  return 'last_admin';
end;
$$;

-- Removes a member (their sessions end if it was their last clinic). Outcomes: ok, forbidden,
-- not_found, last_admin.
create or replace function public.staff_remove(p_clinic uuid, p_user uuid)
returns text
language plpgsql security definer set search_path = '' as $$
begin
  if not (p_clinic = any ((select private.admin_clinic_ids())::uuid[])) then
    return 'forbidden';
  end if;
  delete from public.clinic_members where clinic_id = p_clinic and user_id = p_user;
  return case when found then 'ok' else 'not_found' end;
exception when sqlstate 'CW001' then
  return 'last_admin';
end;
$$;

-- Supabase: after Supabase Auth invited (or already knew) the person, the server adds them, as
-- the admin p_actor (checked here; recorded as the audit's actor). Service side only. Outcomes:
-- ok, forbidden, invalid_role, already_member.
create or replace function public.staff_add_invited(p_clinic uuid, p_actor uuid, p_user uuid, p_role text)
returns text
language plpgsql security definer set search_path = '' as $$
begin
  if not exists (select 1 from public.clinic_members
                  where clinic_id = p_clinic and user_id = p_actor and role = 'admin') then
    return 'forbidden';
  end if;
  if p_role is null or p_role not in ('admin', 'receptionist') then
    return 'invalid_role';
  end if;
  perform set_config('request.jwt.claims', jsonb_build_object('sub', p_actor)::text, true);
  if exists (select 1 from public.clinic_members where clinic_id = p_clinic and user_id = p_user) then
    return 'already_member';
  end if;
  insert into public.clinic_members (clinic_id, user_id, role) values (p_clinic, p_user, p_role);
  return 'ok';
end;
$$;

revoke all on function public.staff_list(uuid), public.staff_invite(uuid, text, text, text),
  public.staff_revoke_invitation(uuid, uuid), public.staff_set_role(uuid, uuid, text),
  public.staff_remove(uuid, uuid), public.staff_add_invited(uuid, uuid, uuid, text)
  from public, anon;
grant execute on function public.staff_list(uuid), public.staff_invite(uuid, text, text, text),
  public.staff_revoke_invitation(uuid, uuid), public.staff_set_role(uuid, uuid, text),
  public.staff_remove(uuid, uuid) to authenticated;
revoke execute on function public.staff_add_invited(uuid, uuid, uuid, text) from authenticated;
grant execute on function public.staff_add_invited(uuid, uuid, uuid, text) to service_role;
