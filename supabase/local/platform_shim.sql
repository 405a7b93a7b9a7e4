-- Local platform shim: the Supabase platform objects our migrations rely on, for a plain
-- PostgreSQL (embedded-postgres by default, Debian PostgreSQL 15+ in CI).
--
-- NEVER applied to Supabase (scripts/db.ts detects Supabase by its `supabase_admin` role).
-- Every statement is idempotent: the shim is re-applied on every boot.
--
-- Definitions follow Supabase's own sources so RLS behaves exactly as it does there:
--   roles                 supabase/postgres init-scripts 00000000000000-initial-schema.sql
--   auth.uid()/jwt()/...  supabase/auth migrations 20240624145325_recreate_auth_functions
--   realtime.send/topic   supabase/realtime tenant_schema functions (send forwards to pg_notify here)

-- ---------------------------------------------------------------------------------------------
-- Roles
-- ---------------------------------------------------------------------------------------------
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
end
$$;

-- Supabase later made the API roles inherit (20230529180330_alter_api_roles_for_inherit.sql).
alter role anon inherit;
alter role authenticated inherit;
alter role service_role inherit;
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
grant anon, authenticated, service_role to current_user;

-- ---------------------------------------------------------------------------------------------
-- Schemas and extensions (Supabase installs extensions into `extensions`)
-- ---------------------------------------------------------------------------------------------
create schema if not exists extensions;
grant usage on schema extensions to anon, authenticated, service_role;
create extension if not exists pgcrypto with schema extensions;

grant usage on schema public to anon, authenticated, service_role;
-- Supabase's default privileges: API roles get table rights, RLS decides the rows. Set once, on
-- a database no migration has touched yet, as a new Supabase project has them: the shim runs on
-- every boot, and migrations narrow these (20261201001210_api_role_grants.sql).
do $$
begin
  if to_regclass('supabase_migrations.schema_migrations') is null then
    alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
    alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
    alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
  end if;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- auth: the subset of GoTrue's schema that migrations, seeds and policies touch
-- ---------------------------------------------------------------------------------------------
create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

create table if not exists auth.users (
  instance_id uuid,
  id uuid primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text unique default null,
  phone_confirmed_at timestamptz,
  banned_until timestamptz,
  deleted_at timestamptz,
  is_anonymous boolean not null default false
);
create unique index if not exists users_email_partial_key on auth.users (email) where (is_anonymous = false);

create table if not exists auth.identities (
  provider_id text not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  identity_data jsonb not null,
  provider text not null,
  last_sign_in_at timestamptz,
  created_at timestamptz,
  updated_at timestamptz,
  email text generated always as (lower(identity_data ->> 'email')) stored,
  id uuid primary key default gen_random_uuid(),
  constraint identities_provider_id_provider_unique unique (provider_id, provider)
);

create or replace function auth.uid() returns uuid set search_path to '' as $func$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$func$ language sql stable;

create or replace function auth.role() returns text set search_path to '' as $func$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$func$ language sql stable;

create or replace function auth.email() returns text set search_path to '' as $func$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$func$ language sql stable;

create or replace function auth.jwt() returns jsonb set search_path to '' as $func$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$func$ language sql stable;

grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt()
  to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- realtime: messages (for RLS policy tests), topic(), send() forwarding to pg_notify
-- ---------------------------------------------------------------------------------------------
create schema if not exists realtime;
grant usage on schema realtime to anon, authenticated, service_role;

create table if not exists realtime.messages (
  topic text not null,
  extension text not null,
  payload jsonb,
  event text,
  private boolean default false,
  updated_at timestamp not null default now(),
  inserted_at timestamp not null default now(),
  id uuid not null default gen_random_uuid(),
  binary_payload bytea,
  primary key (id, inserted_at)
) partition by range (inserted_at);
-- Realtime creates daily partitions; a DEFAULT partition keeps inserts working locally.
create table if not exists realtime.messages_default partition of realtime.messages default;
alter table realtime.messages enable row level security;
grant insert, select, update on table realtime.messages to anon, authenticated, service_role;

create or replace function realtime.topic() returns text language sql stable as $function$
  select nullif(current_setting('realtime.topic', true), '')::text;
$function$;
grant execute on function realtime.topic() to anon, authenticated, service_role;

-- Same signature and contract as Supabase's: never raises, delivers only if the transaction
-- commits (NOTIFY is transactional). Locally the message goes to the `realtime` channel, which
-- the app's single LISTEN connection fans out to Server-Sent Events.
create or replace function realtime.send(
  payload jsonb,
  event text,
  topic text,
  private boolean default true
) returns void language plpgsql as $function$
declare
  final_payload jsonb;
begin
  begin
    final_payload := case when payload ? 'id' then payload
                          else jsonb_set(payload, '{id}', to_jsonb(gen_random_uuid())) end;
    execute format('set local realtime.topic to %L', topic);
    perform pg_notify('realtime', jsonb_build_object(
      'topic', topic, 'event', event, 'private', private, 'payload', final_payload)::text);
  exception
    when others then
      raise warning 'WarnSendingBroadcastMessage: %', sqlerrm;
  end;
end;
$function$;
grant execute on function realtime.send(jsonb, text, text, boolean) to authenticated, service_role;
