-- Speech updates are fire-and-forget: Vapi may deliver them late or out of order. One pending
-- "caller stopped" per call (speech_marks) paired each assistant start with whichever stop had
-- arrived last, so a crossed pair measured a wrong turn (seconds long, spanning other turns).
-- Instead every caller stop and assistant start of a call is kept, and turns are paired by the
-- messages' own timestamps, so the same call measures the same turns in any arrival order.

create table public.speech_events (
  call_id uuid not null,
  clinic_id uuid not null,
  role text not null check (role in ('user', 'assistant')),
  at timestamptz not null,
  turn integer check (turn >= 0),
  primary key (call_id, role, at),
  foreign key (call_id, clinic_id) references public.calls (id, clinic_id) on delete cascade
);
comment on table public.speech_events is 'Each caller end of speech and assistant start of speech in a call, from Vapi speech updates; turn latencies are paired from them by time.';
comment on column public.speech_events.call_id is 'The call.';
comment on column public.speech_events.clinic_id is 'The call''s clinic.';
comment on column public.speech_events.role is 'user: the caller stopped speaking; assistant: the assistant started speaking.';
comment on column public.speech_events.at is 'When (Vapi speech-update timestamp).';
comment on column public.speech_events.turn is 'Vapi''s turn number, when sent.';
select private.create_clinic_policies('public.speech_events', 'none');

drop table public.speech_marks;
