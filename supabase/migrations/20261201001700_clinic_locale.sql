-- The clinic's locale and currency (issue 20): dates, times, phone numbers, prices and the
-- assistant's wording follow them (lib/format). The lists are mirrored in lib/format/locale.ts
-- (CLINIC_LOCALES, CLINIC_CURRENCIES; tests/integration/sql-lists.test.ts holds them equal).
-- A clinic created without them gets them from its time zone, else its front desk number's
-- country, else en-US/USD (what every clinic was formatted as before): private.clinic_locale_for
-- mirrors lib/format/locale.ts's localeDefaults.

alter table public.clinics
  add column locale text check (locale in ('en-GB', 'en-US', 'en-IE', 'en-AU', 'en-CA')),
  add column currency text check (currency in ('GBP', 'USD', 'EUR', 'AUD', 'CAD'));
comment on column public.clinics.locale is 'BCP 47 locale of dates, times and wording on staff screens, patient texts and the assistant (en-GB, en-US, ...); its region is the clinic''s country, whose numbers are shown in national format.';
comment on column public.clinics.currency is 'ISO 4217 currency of the clinic''s prices (GBP, USD, ...).';

-- The locale and currency a clinic in this time zone, with this front desk number, most likely
-- uses. Immutable: it reads nothing but its arguments.
create or replace function private.clinic_locale_for(p_timezone text, p_front_desk text)
returns table (locale text, currency text)
language sql immutable set search_path = '' as $$
  select v.locale, v.currency from (values
    (1, p_timezone in ('Europe/London', 'Europe/Belfast', 'Europe/Guernsey', 'Europe/Isle_of_Man',
                       'Europe/Jersey', 'GB', 'GB-Eire'), 'en-GB', 'GBP'),
    (2, p_timezone in ('Europe/Dublin', 'Eire'), 'en-IE', 'EUR'),
    (3, p_timezone like 'Australia/%', 'en-AU', 'AUD'),
    (4, p_timezone in ('America/Toronto', 'America/Vancouver', 'America/Edmonton', 'America/Winnipeg',
                       'America/Halifax', 'America/St_Johns', 'America/Regina', 'America/Moncton',
                       'America/Whitehorse', 'America/Yellowknife', 'America/Iqaluit', 'America/Glace_Bay',
                       'America/Goose_Bay', 'America/Swift_Current', 'America/Dawson_Creek',
                       'America/Fort_Nelson', 'America/Creston', 'America/Dawson', 'America/Inuvik',
                       'America/Cambridge_Bay', 'America/Rankin_Inlet', 'America/Resolute',
                       'America/Atikokan', 'America/Blanc-Sablon')
        or p_timezone like 'Canada/%', 'en-CA', 'CAD'),
    (5, p_timezone like 'America/%' or p_timezone like 'US/%', 'en-US', 'USD'),
    (6, p_front_desk like '+44%', 'en-GB', 'GBP'),
    (7, p_front_desk like '+353%', 'en-IE', 'EUR'),
    (8, p_front_desk like '+61%', 'en-AU', 'AUD'),
    (9, true, 'en-US', 'USD')
  ) as v (rank, matches, locale, currency)
  where v.matches
  order by v.rank
  limit 1;
$$;
revoke all on function private.clinic_locale_for(text, text) from public;

-- Existing clinics: derived, without auditing or touching them (nobody changed them).
alter table public.clinics disable trigger clinics_audit;
alter table public.clinics disable trigger clinics_touch;
update public.clinics c
   set (locale, currency) = (select d.locale, d.currency
                               from private.clinic_locale_for(c.timezone, c.front_desk_number) d);
alter table public.clinics enable trigger clinics_audit;
alter table public.clinics enable trigger clinics_touch;

-- New clinics without them: derived the same way before the row is checked.
create or replace function private.clinic_locale_defaults() returns trigger
language plpgsql set search_path = '' as $$
declare
  v_defaults record;
begin
  if new.locale is null or new.currency is null then
    select d.locale, d.currency into v_defaults
      from private.clinic_locale_for(new.timezone, new.front_desk_number) d;
    new.locale := coalesce(new.locale, v_defaults.locale);
    new.currency := coalesce(new.currency, v_defaults.currency);
  end if;
  return new;
end;
$$;
create trigger clinics_locale_defaults before insert on public.clinics
  for each row execute function private.clinic_locale_defaults();

alter table public.clinics alter column locale set not null, alter column currency set not null;

-- ---------------------------------------------------------------------------------------------
-- Creating a clinic: the owner may choose them (null derives them as above)
-- ---------------------------------------------------------------------------------------------
drop function public.create_clinic(text, text, text);
create or replace function public.create_clinic(
  p_name text, p_timezone text, p_front_desk text, p_locale text default null, p_currency text default null
)
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
  v_locale text;
  v_currency text;
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

  -- The checks on locale and currency refuse unsupported values (23514).
  insert into public.clinics (slug, name, timezone, front_desk_number, locale, currency)
  values (v_slug, v_name, p_timezone, p_front_desk, p_locale, p_currency)
  returning id, locale, currency into v_id, v_locale, v_currency;

  select left(coalesce(nullif(btrim(u.raw_user_meta_data ->> 'full_name'), ''), u.email, ''), 120)
    into v_display from auth.users u where u.id = v_user;
  insert into public.clinic_members (clinic_id, user_id, role, display_name)
  values (v_id, v_user, 'admin', coalesce(v_display, ''));

  insert into public.audit_log (clinic_id, actor_id, action, table_name, row_id, changes)
  values (v_id, v_user, 'insert', 'clinics', v_id,
          jsonb_build_object('name', jsonb_build_object('old', null, 'new', v_name),
                             'timezone', jsonb_build_object('old', null, 'new', p_timezone),
                             'front_desk_number', jsonb_build_object('old', null, 'new', p_front_desk),
                             'locale', jsonb_build_object('old', null, 'new', v_locale),
                             'currency', jsonb_build_object('old', null, 'new', v_currency)));
  return v_id;
end;
$$;
revoke all on function public.create_clinic(text, text, text, text, text) from public, anon;
grant execute on function public.create_clinic(text, text, text, text, text) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- A Vapi message's clinic carries its locale and currency too (the tools word times with them)
-- ---------------------------------------------------------------------------------------------
drop function private.vapi_message_context(text, text, text, text, text, boolean, text, text, text, timestamptz);
create or replace function private.vapi_message_context(
  p_phone_number text, p_clinic_hint text, p_vapi_call_id text, p_dedupe_key text, p_message_type text,
  p_create_call boolean, p_caller_number text, p_twilio_call_sid text, p_assistant_id text, p_started_at timestamptz
) returns table (clinic_id uuid, clinic_name text, clinic_timezone text, clinic_phone_number text,
                clinic_vapi_assistant_id text, webhook_event_id bigint, duplicate boolean, response jsonb,
                call_id uuid, call_clinic_id uuid, call_state text, call_state_version integer,
                call_caller_number text, clinic_locale text, clinic_currency text)
language plpgsql security invoker set search_path = '' as $$
declare
  v_clinic record;
  v_event_id bigint;
  v_response jsonb;
  v_call_id uuid;
  v_call_clinic_id uuid;
  v_state text;
  v_version integer;
  v_caller text;
begin
  select c.id, c.name, c.timezone, c.phone_number, c.vapi_assistant_id, c.locale, c.currency into v_clinic
    from public.clinics c
   where (p_phone_number is not null and c.phone_number = p_phone_number)
      or (p_clinic_hint ~ '^[0-9a-f-]{36}$' and c.id = p_clinic_hint::uuid)
      or c.id = (select k.clinic_id from public.calls k where k.vapi_call_id = p_vapi_call_id)
   order by (c.phone_number = p_phone_number) desc nulls last
   limit 1;
  if not found then
    return;
  end if;

  insert into public.webhook_events (source, dedupe_key, message_type, clinic_id, external_call_id)
  values ('vapi', left(p_dedupe_key, 500), p_message_type, v_clinic.id, p_vapi_call_id)
  on conflict (source, dedupe_key) do nothing
  returning id into v_event_id;
  if v_event_id is null then
    select e.response into v_response from public.webhook_events e
     where e.source = 'vapi' and e.dedupe_key = left(p_dedupe_key, 500);
    return query select v_clinic.id, v_clinic.name, v_clinic.timezone, v_clinic.phone_number::text,
                        v_clinic.vapi_assistant_id, null::bigint, true, v_response,
                        null::uuid, null::uuid, null::text, null::integer, null::text,
                        v_clinic.locale, v_clinic.currency;
    return;
  end if;

  if p_vapi_call_id is null then
    null; -- no call
  elsif p_create_call then
    insert into public.calls as k (clinic_id, vapi_call_id, caller_number, twilio_call_sid, assistant_id, started_at)
    values (v_clinic.id, p_vapi_call_id, p_caller_number, p_twilio_call_sid, p_assistant_id, p_started_at)
    on conflict (vapi_call_id) do update set
      caller_number = coalesce(k.caller_number, excluded.caller_number),
      twilio_call_sid = coalesce(k.twilio_call_sid, excluded.twilio_call_sid),
      assistant_id = coalesce(k.assistant_id, excluded.assistant_id),
      started_at = least(k.started_at, excluded.started_at)
    -- Most messages of a call bring nothing new: the row is then locked but not rewritten (no
    -- new row version, no triggers), and read below under that lock.
    where (k.caller_number is null and excluded.caller_number is not null)
       or (k.twilio_call_sid is null and excluded.twilio_call_sid is not null)
       or (k.assistant_id is null and excluded.assistant_id is not null)
       or (excluded.started_at < k.started_at)
       or (k.started_at is null and excluded.started_at is not null)
    returning k.id, k.clinic_id, k.state, k.state_version, k.caller_number
      into v_call_id, v_call_clinic_id, v_state, v_version, v_caller;
    if not found then
      select k.id, k.clinic_id, k.state, k.state_version, k.caller_number
        into v_call_id, v_call_clinic_id, v_state, v_version, v_caller
        from public.calls k where k.vapi_call_id = p_vapi_call_id;
    end if;
  else
    select k.id, k.clinic_id, k.state, k.state_version, k.caller_number
      into v_call_id, v_call_clinic_id, v_state, v_version, v_caller
      from public.calls k where k.clinic_id = v_clinic.id and k.vapi_call_id = p_vapi_call_id;
  end if;
  return query select v_clinic.id, v_clinic.name, v_clinic.timezone, v_clinic.phone_number::text,
                      v_clinic.vapi_assistant_id, v_event_id, false, null::jsonb,
                      v_call_id, v_call_clinic_id, v_state, v_version, v_caller,
                      v_clinic.locale, v_clinic.currency;
end;
$$;
revoke all on function private.vapi_message_context(text, text, text, text, text, boolean, text, text, text, timestamptz)
  from public;
grant execute on function private.vapi_message_context(text, text, text, text, text, boolean, text, text, text, timestamptz)
  to service_role;
