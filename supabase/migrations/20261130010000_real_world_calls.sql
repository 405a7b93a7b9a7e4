-- What real Vapi and Twilio traffic tells us about a call (issue: real-world robustness).
--
-- Lock order (architecture decision 10), the one every path follows: a call's row first
-- (`calls`, locked by the webhook's upsert or by `for update` before anything else), then the
-- slots it holds or claims (by id). Vapi webhooks, Twilio status callbacks, tool calls and the
-- end of a call all take them in that order; the sweeper takes slot locks only (SKIP LOCKED)
-- and touches no call. lib/db/locks.ts says the same for the TypeScript side.

-- One Twilio call can carry several Vapi calls (a transfer to another assistant, a retried
-- leg), and Vapi may send a CallSid we have already seen: a unique CallSid made every message
-- of such a call fail. Kept, indexed, not unique; a Twilio status ends every call on the sid.
alter table public.calls drop constraint calls_twilio_call_sid_key;
create index calls_twilio_call_sid_idx on public.calls (twilio_call_sid) where twilio_call_sid is not null;
comment on column public.calls.twilio_call_sid is 'Twilio CallSid (call.phoneCallProviderId), for Twilio status callbacks. Not unique: one Twilio call may carry several Vapi calls.';

alter table public.calls
  add column duration_ms integer check (duration_ms >= 0),
  add column cost_usd numeric(12, 4),
  add column interruptions integer not null default 0 check (interruptions >= 0),
  add column transferred_to text check (length(transferred_to) <= 200);
comment on column public.calls.duration_ms is 'Length of the call as Vapi reports it (durationMs, or durationSeconds x 1000).';
comment on column public.calls.cost_usd is 'What Vapi charged for the call (end-of-call report cost, USD).';
comment on column public.calls.interruptions is 'How many times the caller talked over the assistant (user-interrupted messages).';
comment on column public.calls.transferred_to is 'Who took the call when it was forwarded: the destination''s description, name or number.';

comment on column public.calls.started_at is 'When the call began: Vapi''s startedAt when a message carries it (a call first seen at its end-of-call report), else the first message''s time; never after ended_at.';

-- The board shows who took a transferred call.
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
