-- Missed-call texts (issue 18): a call that ended before anything was done for the caller
-- (never answered, or failed, with no booking, no procedure discussed, no message, no transfer)
-- gets one text offering a call back, at most once per number per clinic-local day, never to
-- a number that opted out. A durable follow-up like the others (lib/follow-up).
alter table public.follow_ups drop constraint follow_ups_kind_check;
alter table public.follow_ups add constraint follow_ups_kind_check
  check (kind in ('aftercare', 'cut_off', 'booking_confirmation', 'urgent_alert', 'missed_call'));
create index follow_ups_missed_call_idx on public.follow_ups (clinic_id, to_number, created_at)
  where kind = 'missed_call';
