-- When the caller last stopped speaking, per call, so the next "assistant started" speech
-- update can be turned into a turn latency. Kept out of `calls` so it does not broadcast.

create table public.speech_marks (
  call_id uuid primary key,
  clinic_id uuid not null,
  user_stopped_at timestamptz not null,
  turn integer,
  foreign key (call_id, clinic_id) references public.calls (id, clinic_id) on delete cascade
);
comment on table public.speech_marks is 'The caller''s latest end of speech in a live call, waiting for the assistant''s reply.';
comment on column public.speech_marks.call_id is 'The call.';
comment on column public.speech_marks.clinic_id is 'The call''s clinic.';
comment on column public.speech_marks.user_stopped_at is 'When the caller stopped speaking (Vapi speech-update timestamp).';
comment on column public.speech_marks.turn is 'Vapi''s turn number, when sent.';
select private.create_clinic_policies('public.speech_marks', 'none');
