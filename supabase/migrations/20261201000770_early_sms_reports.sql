-- Delivery reports that arrive before their text is recorded. We record an outbound text after
-- Twilio accepted it (its MessageSid is in Twilio's answer), and Twilio can call the status
-- callback before that record commits: the report found no row and was lost, so the inbox showed
-- "queued" for a delivered text for ever. Now such a report is kept here and applied when the
-- text with that MessageSid is recorded. A per-MessageSid advisory lock taken by both sides means
-- one of them always sees the other: the report either updates the row or is kept for it.

create table private.sms_status_early (
  provider_sid text not null check (length(provider_sid) <= 64),
  status text not null,
  error_code integer,
  received_at timestamptz not null default now(),
  primary key (provider_sid, status)
);
create index sms_status_early_received_idx on private.sms_status_early (received_at);
comment on table private.sms_status_early is 'Twilio status callbacks that came before their text was recorded; applied when it is (kept a day at most).';

-- Lifecycle order of Twilio statuses (lib/twilio/sms-status.ts): a status only moves forward,
-- and read, undelivered, failed and canceled are final.
create or replace function private.sms_status_rank(p_status text) returns integer
language sql immutable set search_path = '' as $$
  select case p_status
    when 'scheduled' then 0 when 'accepted' then 1 when 'queued' then 2 when 'sending' then 3
    when 'sent' then 4 when 'delivered' then 5 when 'undelivered' then 5 when 'failed' then 5
    when 'canceled' then 5 when 'read' then 6 else -1 end;
$$;

create or replace function private.sms_status_lock(p_sid text) returns void
language sql set search_path = '' as $$
  select pg_advisory_xact_lock(hashtextextended('sms-status:' || p_sid, 0));
$$;

-- A status callback: applied to the text with that MessageSid if it may advance it (p_from: the
-- statuses it may follow); kept for later when no text has that MessageSid yet. Returns the text's
-- clinic and number when it changed it.
create or replace function public.apply_sms_status(p_sid text, p_status text, p_from text[], p_error integer)
returns table (clinic_id uuid, to_number text)
language plpgsql security definer set search_path = '' as $$
begin
  perform private.sms_status_lock(p_sid);
  return query
    update public.sms_messages m set status = p_status, error_code = coalesce(p_error, m.error_code),
           delivered_at = case when p_status in ('delivered', 'read') then coalesce(m.delivered_at, now()) else m.delivered_at end
     where m.provider_sid = p_sid and m.status = any(p_from)
     returning m.clinic_id, m.to_number;
  if found then
    return;
  end if;
  -- A new statement under the lock: sees a text recorded by a transaction that held it.
  if not exists (select 1 from public.sms_messages m where m.provider_sid = p_sid) then
    delete from private.sms_status_early e where e.received_at < now() - interval '1 day';
    insert into private.sms_status_early (provider_sid, status, error_code)
    values (p_sid, p_status, p_error)
    on conflict do nothing;
  end if;
end;
$$;
revoke all on function public.apply_sms_status(text, text, text[], integer) from public, anon, authenticated;
grant execute on function public.apply_sms_status(text, text, text[], integer) to service_role;

-- A text recorded (or given its MessageSid): the furthest report that came early, if it may
-- advance the text's status.
create or replace function private.on_sms_recorded() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_early private.sms_status_early;
begin
  perform private.sms_status_lock(new.provider_sid);
  select * into v_early from private.sms_status_early e
   where e.provider_sid = new.provider_sid
   order by private.sms_status_rank(e.status) desc limit 1;
  if not found then
    return null;
  end if;
  update public.sms_messages m set status = v_early.status, error_code = coalesce(v_early.error_code, m.error_code),
         delivered_at = case when v_early.status in ('delivered', 'read') then coalesce(m.delivered_at, v_early.received_at) else m.delivered_at end
   where m.id = new.id
     and m.status not in ('read', 'undelivered', 'failed', 'canceled')
     and private.sms_status_rank(v_early.status) > private.sms_status_rank(m.status);
  delete from private.sms_status_early e where e.provider_sid = new.provider_sid;
  return null;
end;
$$;
create trigger sms_messages_early_status after insert or update of provider_sid on public.sms_messages
  for each row when (new.direction = 'outbound' and new.provider_sid is not null)
  execute function private.on_sms_recorded();
