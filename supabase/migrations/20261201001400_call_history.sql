-- Calls over time (issue 20): a call that stopped sending messages without an end is closed by
-- the server as lost once it has outlived the assistant's maximum duration plus a margin
-- (lib/call-flow/lost-calls.ts), so the outcome gains `lost`; and the call history page reads
-- a clinic's calls newest first by when they started, filtered by date range.
alter table public.calls drop constraint calls_outcome_check;
alter table public.calls add constraint calls_outcome_check
  check (outcome in ('booked', 'follow_up', 'information', 'transferred', 'abandoned', 'failed', 'lost'));
comment on column public.calls.outcome is 'How the call ended for the business: booked, follow_up, information, transferred, abandoned, failed, or lost (it stopped sending messages without an end; closed by the server).';

create index calls_clinic_started_idx on public.calls (clinic_id, (coalesce(started_at, created_at)) desc, id desc);
-- The history's procedure and practitioner filters, and each row's booked practitioners, look
-- bookings up by call.
create index bookings_call_idx on public.bookings (call_id) where call_id is not null;
