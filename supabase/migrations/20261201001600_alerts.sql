-- Alerts (issue 20): what needs the front desk is counted in the sidebar and the tab title, live
-- (pending bookings, open call-backs, transfers ringing, holds about to expire; lib/db/alerts.ts
-- counts them as the signed-in person, through RLS), and each staff member chooses whether the
-- dashboard also plays a sound and shows browser notifications (staff_alert_preferences).
--
-- Live: every change that can move a count is announced on the clinic's private topic
-- `clinic:<clinic_id>:alerts` as alerts_change, with the clinic's id and what kind of thing
-- changed (booking, callback, transfer, hold, or text: the unread count), nothing else; the dashboard reloads the counts through RLS. One topic, so the sidebar
-- holds one stream whatever page is open. A hold that merely comes close to its end, or lapses,
-- changes no row: the counts carry the next moment that happens (nextChangeAt) and the browser
-- reloads then.

-- ---------------------------------------------------------------------------------------------
-- Preferences, one row per member of staff per clinic
-- ---------------------------------------------------------------------------------------------
create table public.staff_alert_preferences (
  clinic_id uuid not null,
  user_id uuid not null,
  sound boolean not null default false,
  notifications boolean not null default false,
  updated_at timestamptz not null default now(),
  primary key (clinic_id, user_id),
  foreign key (clinic_id, user_id) references public.clinic_members (clinic_id, user_id) on delete cascade
);
create trigger staff_alert_preferences_touch before update on public.staff_alert_preferences
  for each row execute function private.touch_updated_at();
comment on table public.staff_alert_preferences is 'Whether a member of staff wants a sound and browser notifications when a transfer starts or an urgent call-back or pending booking appears. No row: both off.';
comment on column public.staff_alert_preferences.clinic_id is 'The clinic (the membership''s).';
comment on column public.staff_alert_preferences.user_id is 'The member of staff (auth.users.id); only they read or change the row.';
comment on column public.staff_alert_preferences.sound is 'Play a short sound.';
comment on column public.staff_alert_preferences.notifications is 'Show a browser notification (the browser''s own permission is asked for on their click).';
comment on column public.staff_alert_preferences.updated_at is 'When it last changed.';

-- A member reads and writes only their own row, in a clinic they belong to.
alter table public.staff_alert_preferences enable row level security;
create policy "staff read their own" on public.staff_alert_preferences for select to authenticated
  using (user_id = (select auth.uid()) and clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "staff add their own" on public.staff_alert_preferences for insert to authenticated
  with check (user_id = (select auth.uid()) and clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "staff change their own" on public.staff_alert_preferences for update to authenticated
  using (user_id = (select auth.uid()) and clinic_id = any ((select private.member_clinic_ids())::uuid[]))
  with check (user_id = (select auth.uid()) and clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke all on public.staff_alert_preferences from anon;
revoke update, delete, truncate, references, trigger on public.staff_alert_preferences from authenticated;
grant select, insert (clinic_id, user_id, sound, notifications) on public.staff_alert_preferences to authenticated;
grant update (sound, notifications) on public.staff_alert_preferences to authenticated;
grant select, insert, update, delete on public.staff_alert_preferences to service_role;

-- ---------------------------------------------------------------------------------------------
-- alerts_change broadcasts
-- ---------------------------------------------------------------------------------------------
-- SECURITY DEFINER like private.broadcast_call(): on Supabase a denied realtime.send fails silently.
create or replace function private.broadcast_alerts_change() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_clinic uuid;
begin
  if tg_op = 'DELETE' then
    v_clinic := old.clinic_id;
  else
    v_clinic := new.clinic_id;
  end if;
  perform realtime.send(
    jsonb_build_object('clinicId', v_clinic, 'kind', tg_argv[0]),
    'alerts_change', 'clinic:' || v_clinic || ':alerts', true);
  return null;
end;
$$;
revoke all on function private.broadcast_alerts_change() from public;

-- Bookings: made (pending), confirmed, cancelled, or gone.
create trigger bookings_alerts after insert or delete or update of status on public.bookings
  for each row execute function private.broadcast_alerts_change('booking');

-- Call-backs: opened, marked done or reopened, made urgent, or erased.
create trigger callback_tasks_alerts after insert or delete or update of done_at, urgency
  on public.callback_tasks for each row execute function private.broadcast_alerts_change('callback');

-- Transfers: a call entering or leaving transferring, or, while it rings, a change to what the
-- banner shows (its name, urgency) or to where it goes.
create trigger calls_alerts_transfer after update of state, caller_name, urgency, urgent_signs, transfer_target
  on public.calls for each row
  when ((old.state = 'transferring' or new.state = 'transferring')
        and (old.state, old.caller_name, old.urgency, old.urgent_signs, old.transfer_target)
            is distinct from (new.state, new.caller_name, new.urgency, new.urgent_signs, new.transfer_target))
  execute function private.broadcast_alerts_change('transfer');

-- Holds: taken, released, booked (the row becomes an appointment) or extended.
create trigger reservations_alerts_insert after insert on public.reservations
  for each row when (new.kind = 'hold') execute function private.broadcast_alerts_change('hold');
create trigger reservations_alerts_delete after delete on public.reservations
  for each row when (old.kind = 'hold') execute function private.broadcast_alerts_change('hold');
create trigger reservations_alerts_update after update of kind, held_until on public.reservations
  for each row
  when ((old.kind = 'hold' or new.kind = 'hold')
        and (old.kind, old.held_until) is distinct from (new.kind, new.held_until))
  execute function private.broadcast_alerts_change('hold');

-- Texts received or read: the sidebar's unread count (the Messages badge) reloads from the same
-- stream, so a dashboard page needs no inbox stream of its own for it (browsers allow six
-- connections to one server over HTTP/1.1, and every SSE stream holds one).
create trigger sms_messages_alerts after insert or update of read_at, patient_id on public.sms_messages
  for each row when (new.direction = 'inbound')
  execute function private.broadcast_alerts_change('text');

create policy "clinic staff receive alerts" on realtime.messages for select to authenticated
  using (
    realtime.messages.extension = 'broadcast'
    and (select realtime.topic()) like 'clinic:%:alerts'
    and split_part((select realtime.topic()), ':', 2) = any ((select private.member_clinic_ids())::text[])
  );
