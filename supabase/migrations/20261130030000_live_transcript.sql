-- Live transcript: a call's final transcript lines, already redacted by the server, are
-- broadcast to staff watching that call on the private topic `clinic:<clinic_id>:call:<call_id>`,
-- event `transcript`. Nothing here stores a line: realtime.send is the whole path (on Supabase
-- Realtime streams realtime.messages after commit; locally the shim's send is pg_notify).

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
