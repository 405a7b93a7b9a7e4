-- Extensions and shared helpers used by every later migration.
-- Supabase keeps extensions in the `extensions` schema; the local shim does the same.

create extension if not exists pgcrypto with schema extensions;
create extension if not exists btree_gist with schema extensions;
create extension if not exists pg_trgm with schema extensions;

-- Helpers that policies and triggers call. Not exposed through the Data API.
create schema if not exists private;
grant usage on schema private to authenticated, service_role;

-- Keeps updated_at honest without trusting clients.
create or replace function private.touch_updated_at() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

-- E.164: a plus sign and 8 to 15 digits, no leading zero.
create domain public.e164 as text check (value ~ '^\+[1-9][0-9]{7,14}$');
comment on domain public.e164 is 'A phone number in E.164 form, e.g. +15555550199.';
