-- Platform: extensions, the unexposed `private` schema, and the generic helpers every later
-- migration uses. The schema is split by domain, one migration each, applied in this order:
--   platform · clinics_and_staff · catalogue · calls · bookings · follow_ups · audit · realtime
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

-- Append-only tables (call_events, audit_log) refuse every update with this trigger.
create or replace function private.forbid_update() returns trigger
language plpgsql set search_path = '' as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = '42501';
end;
$$;

-- E.164: a plus sign and 8 to 15 digits, no leading zero.
create domain public.e164 as text check (value ~ '^\+[1-9][0-9]{7,14}$');
comment on domain public.e164 is 'A phone number in E.164 form, e.g. +15555550199.';
