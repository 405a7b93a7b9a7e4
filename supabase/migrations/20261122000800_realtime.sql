-- Live updates (architecture decision 5): every committed change to a call, including its slot
-- hold, is broadcast to the clinic's private topic `clinic:<clinic_id>:calls`, and a call's
-- redacted live transcript lines to `clinic:<clinic_id>:call:<call_id>`. On Supabase,
-- realtime.send writes realtime.messages, which Realtime streams after commit; locally the
-- shim's realtime.send is pg_notify, which is also delivered only on commit. What orders the
-- deltas, calls.revision and its trigger, is with the calls table in ..._calls.sql.

-- The small set of fields the board shows (including who took a transferred call). Never
-- transcript text; the caller's number only as its last four digits. SECURITY INVOKER: called
-- by the broadcast trigger it has the owner's rights; called for a person's snapshot, RLS
-- decides what it can see.
create or replace function private.call_board_payload(p_call_id uuid) returns jsonb
language sql stable security invoker set search_path = '' as $$
  select jsonb_build_object(
    'callId', c.id,
    'revision', c.revision,
    'state', c.state,
    'stateVersion', c.state_version,
    'outcome', c.outcome,
    'callerLast4', right(regexp_replace(coalesce(c.caller_number, ''), '\D', '', 'g'), 4),
    'callerName', c.caller_name,
    'procedures', coalesce((select jsonb_agg(p.name order by p.sort_order) from public.procedures p
                             where p.id = any (c.procedures_of_interest)), '[]'::jsonb),
    'startedAt', coalesce(c.started_at, c.created_at),
    'answeredAt', c.answered_at,
    'endedAt', c.ended_at,
    'lastTurnLatencyMs', c.last_turn_latency_ms,
    'transferredTo', c.transferred_to,
    'heldSlot', (select jsonb_build_object('slotId', s.id, 'startsAt', s.starts_at, 'heldUntil', s.held_until,
                                           'practitioner', pr.name)
                   from public.slots s join public.practitioners pr on pr.id = s.practitioner_id
                  where s.held_by_call = c.id and s.status = 'held'
                  order by s.held_until desc limit 1)
  )
  from public.calls c where c.id = p_call_id;
$$;
revoke all on function private.call_board_payload(uuid) from public;
grant execute on function private.call_board_payload(uuid) to authenticated, service_role;

-- SECURITY DEFINER: on Supabase realtime.send swallows an RLS denial on realtime.messages, so
-- it must run with rights that can insert there, never as the webhook's or a user's role.
create or replace function private.broadcast_call() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform realtime.send(private.call_board_payload(new.id), 'call_status', 'clinic:' || new.clinic_id || ':calls', true);
  return null;
end;
$$;
create trigger calls_broadcast_insert after insert on public.calls
  for each row execute function private.broadcast_call();
create trigger calls_broadcast_update after update on public.calls
  for each row when (old.revision is distinct from new.revision) execute function private.broadcast_call();

-- A hold taken, moved, released or booked touches the holding call's row, which bumps its
-- revision and broadcasts it. The caller already holds that call's row lock: every path locks the
-- call before its slots (the lock order in 20261122000400_calls.sql), so no deadlocks.
-- A hold that simply expired is not re-broadcast: the board's countdown already shows it ended.
create or replace function private.touch_calls_for_slot() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.held_by_call is not null then
    update public.calls set updated_at = now() where id = new.held_by_call;
  end if;
  if old.held_by_call is not null and old.held_by_call is distinct from new.held_by_call and old.held_until > now() then
    update public.calls set updated_at = now() where id = old.held_by_call;
  end if;
  return null;
end;
$$;
create trigger slots_touch_calls after update of status, held_by_call, held_until on public.slots
  for each row when (old.held_by_call is distinct from new.held_by_call or old.held_until is distinct from new.held_until)
  execute function private.touch_calls_for_slot();

-- Realtime Authorization (Supabase private channels): only members of the clinic may join
-- clinic:<id>:calls. Realtime checks this policy when a client joins; the local shim has the
-- same table, so the policy is tested there too.
create policy "clinic staff receive call status" on realtime.messages for select to authenticated
  using (
    realtime.messages.extension = 'broadcast'
    and (select realtime.topic()) like 'clinic:%:calls'
    and split_part((select realtime.topic()), ':', 2) = any ((select private.member_clinic_ids())::text[])
  );

-- Live transcript: a call's final transcript lines, already redacted by the server, are
-- broadcast to staff watching that call on the private topic `clinic:<clinic_id>:call:<call_id>`,
-- event `transcript`. Nothing here stores a line: realtime.send is the whole path.
--
-- The topic is built from the call row, so a line can only ever go to its own clinic's topic.
-- SECURITY DEFINER for the same reason as private.broadcast_call(): on Supabase a denied
-- realtime.send fails silently. Only the service side (the webhook) may call it.
create or replace function private.broadcast_transcript_line(p_call_id uuid, p_role text, p_text text, p_at timestamptz)
returns boolean
language plpgsql security definer set search_path = '' as $$
declare
  v_clinic_id uuid;
begin
  if p_role not in ('user', 'assistant') then
    raise exception 'transcript role must be user or assistant' using errcode = '22023';
  end if;
  select clinic_id into v_clinic_id from public.calls where id = p_call_id;
  if v_clinic_id is null then
    return false;
  end if;
  perform realtime.send(
    jsonb_build_object('callId', p_call_id, 'role', p_role, 'text', p_text, 'at', p_at),
    'transcript',
    'clinic:' || v_clinic_id || ':call:' || p_call_id,
    true
  );
  return true;
end;
$$;
comment on function private.broadcast_transcript_line(uuid, text, text, timestamptz) is
  'Broadcasts one redacted live transcript line to the call''s private topic. Stores nothing.';
revoke all on function private.broadcast_transcript_line(uuid, text, text, timestamptz) from public;
grant execute on function private.broadcast_transcript_line(uuid, text, text, timestamptz) to service_role;

-- Realtime Authorization: members of a clinic may join the per-call topic of that clinic's calls
-- only (the same check as "clinic staff receive call status", plus the call must be theirs as
-- RLS on calls shows it). Tested on the shim's realtime.messages like the calls topic.
create policy "clinic staff receive live transcripts" on realtime.messages for select to authenticated
  using (
    realtime.messages.extension = 'broadcast'
    and (select realtime.topic()) ~ '^clinic:[0-9a-f-]{36}:call:[0-9a-f-]{36}$'
    and split_part((select realtime.topic()), ':', 2) = any ((select private.member_clinic_ids())::text[])
    and exists (
      select 1 from public.calls c
       where c.id::text = split_part((select realtime.topic()), ':', 4)
         and c.clinic_id::text = split_part((select realtime.topic()), ':', 2)
    )
  );
