-- After hours and urgent calls (issue 18). Per clinic: what Voxanne does while the front desk
-- is closed (take a message, book only, or both), the local emergency number, and an on-call
-- rota (who is on call which nights, each with a number). Per call: whether it was urgent (a
-- post-operative concern) or an emergency, which signs were recognised (categories, never the
-- caller's words), and where a transfer went and how it ended. Per call-back task: the message
-- taken (redacted) and its urgency.
--
-- A night runs from noon on a clinic-local date to noon the next day (lib/hours/opening.ts
-- `nightOf`), so 23:00 Monday and 03:00 Tuesday are both Monday night. A night with nobody on
-- the rota is allowed (the editor warns): urgent callers are then told to call the emergency
-- number, a call-back task is opened and staff are texted.

alter table public.clinics
  add column after_hours_mode text not null default 'both'
    check (after_hours_mode in ('message', 'book', 'both')),
  add column emergency_number text not null default '911'
    check (emergency_number ~ '^[0-9]{2,4}$');
comment on column public.clinics.after_hours_mode is 'What Voxanne does while the front desk is closed: message (take a message), book (book appointments only), both.';
comment on column public.clinics.emergency_number is 'The local emergency number callers with emergency signs are told to call first (911, 999, 112).';

-- Existing clinics: the emergency number of their country, by time zone.
update public.clinics set emergency_number = case
  when timezone in ('Europe/London', 'Europe/Belfast', 'Europe/Guernsey', 'Europe/Jersey', 'Europe/Isle_of_Man') then '999'
  when timezone = 'Europe/Dublin' then '112'
  when timezone like 'Europe/%' then '112'
  when timezone like 'Australia/%' then '000'
  else '911' end;

create table public.on_call_rota (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  weekday smallint not null check (weekday between 1 and 7),
  clinician_name text not null check (length(btrim(clinician_name)) between 1 and 80),
  phone_number public.e164 not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (clinic_id, weekday)
);
create trigger on_call_rota_touch before update on public.on_call_rota
  for each row execute function private.touch_updated_at();
comment on table public.on_call_rota is 'Who is on call which nights: urgent post-operative calls outside opening hours are put through to them.';
comment on column public.on_call_rota.id is 'Primary key.';
comment on column public.on_call_rota.clinic_id is 'The clinic.';
comment on column public.on_call_rota.weekday is 'The night that starts on this ISO weekday (1 Monday … 7 Sunday), noon to noon, clinic-local.';
comment on column public.on_call_rota.clinician_name is 'The clinician on call, as staff and the assistant name them.';
comment on column public.on_call_rota.phone_number is 'Their number (E.164); urgent calls are transferred there.';
comment on column public.on_call_rota.created_at is 'When it was added.';
comment on column public.on_call_rota.updated_at is 'When it was last changed.';

alter table public.on_call_rota enable row level security;
create policy "members read" on public.on_call_rota for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.on_call_rota for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.on_call_rota for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.on_call_rota for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create trigger on_call_rota_audit after insert or update or delete on public.on_call_rota
  for each row execute function private.audit_row_change('clinic_id');

alter table public.calls
  add column urgency text check (urgency in ('urgent', 'emergency')),
  add column urgent_signs text[] not null default '{}'
    check (urgent_signs <@ array['bleeding', 'fever', 'severe_pain', 'breathing', 'wound_opening', 'chest_pain']::text[]),
  add column urgent_at timestamptz,
  add column transfer_target text check (transfer_target in ('front_desk', 'on_call')),
  add column transfer_outcome text
    check (transfer_outcome in ('requested', 'refused', 'transferred', 'unanswered')),
  add constraint calls_urgency_consistent check ((urgency is null) = (urgent_at is null));
comment on column public.calls.urgency is 'urgent (a post-operative concern) or emergency (signs to call the emergency number for); null for an ordinary call.';
comment on column public.calls.urgent_signs is 'What was recognised, as categories (bleeding, fever, severe_pain, breathing, wound_opening, chest_pain); never the caller''s words.';
comment on column public.calls.urgent_at is 'When the call was first flagged urgent.';
comment on column public.calls.transfer_target is 'Where a transfer was chosen to go: front_desk or on_call.';
comment on column public.calls.transfer_outcome is 'requested (a destination was chosen), refused (nobody to transfer to), transferred (Vapi put the call through), unanswered (nobody answered; back to Voxanne).';
create index calls_urgent_idx on public.calls (clinic_id, urgent_at desc) where urgent_at is not null;

alter table public.callback_tasks
  add column message text check (length(message) <= 2000),
  add column urgency text not null default 'routine' check (urgency in ('routine', 'urgent'));
comment on column public.callback_tasks.message is 'The message the caller left, redacted with the clinic''s rules; null when none was taken.';
comment on column public.callback_tasks.urgency is 'routine, or urgent (a post-operative concern: call back first).';

-- The live board shows whether a call is urgent, and where a transfer went.
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
    'urgency', c.urgency,
    'urgentSigns', to_jsonb(c.urgent_signs),
    'transferOutcome', c.transfer_outcome,
    'heldSlot', (select jsonb_build_object('slotId', r.offer_id, 'startsAt', r.starts_at, 'heldUntil', r.held_until,
                                           'practitioner', pr.name)
                   from public.reservations r join public.practitioners pr on pr.id = r.practitioner_id
                  where r.call_id = c.id and r.kind = 'hold'
                  order by r.held_until desc limit 1)
  )
  from public.calls c where c.id = p_call_id;
$$;

-- Staff are texted about every urgent call (a durable follow-up like the others, sent by the
-- same worker from the clinic's number): to the on-call clinician of the night while the front
-- desk is closed, else to the front desk. Such a text belongs to the call, not to a hand-off
-- (the call is still going on).
alter table public.follow_ups drop constraint follow_ups_kind_check;
alter table public.follow_ups add constraint follow_ups_kind_check
  check (kind in ('aftercare', 'cut_off', 'booking_confirmation', 'urgent_alert'));
alter table public.follow_ups alter column handoff_id drop not null;
alter table public.follow_ups add constraint follow_ups_handoff_unless_alert
  check (handoff_id is not null or kind = 'urgent_alert');
comment on column public.follow_ups.handoff_id is 'The hand-off that owes it; null only for an urgent_alert (sent while the call is live).';
