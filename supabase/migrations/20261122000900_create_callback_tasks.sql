-- The follow-up agent's working state: whether a call was cut off mid-booking (it owes a
-- "we got cut off" text and a call back), and the receptionist's call-back tasks.

alter table public.handoffs add column dropped_during_booking boolean not null default false;
comment on column public.handoffs.dropped_during_booking is 'The call ended (abandoned or failed) while a slot was held or being confirmed.';
alter table public.handoffs add column updated_at timestamptz not null default now();
comment on column public.handoffs.updated_at is 'When the memory was last enriched (e.g. by the end-of-call report).';
create trigger handoffs_touch before update on public.handoffs
  for each row execute function private.touch_updated_at();

create table public.callback_tasks (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  call_id uuid not null unique,
  reason text not null check (length(reason) between 1 and 200),
  created_at timestamptz not null default now(),
  done_at timestamptz,
  done_by uuid references auth.users (id) on delete set null,
  foreign key (call_id, clinic_id) references public.calls (id, clinic_id) on delete cascade
);
create index callback_tasks_open_idx on public.callback_tasks (clinic_id, created_at) where done_at is null;
comment on table public.callback_tasks is 'Callers the front desk should ring back, e.g. when a booking call was cut off.';
comment on column public.callback_tasks.id is 'Primary key.';
comment on column public.callback_tasks.clinic_id is 'The call''s clinic.';
comment on column public.callback_tasks.call_id is 'The call to follow up (one task per call).';
comment on column public.callback_tasks.reason is 'Why, e.g. "Cut off while booking".';
comment on column public.callback_tasks.created_at is 'When the task appeared.';
comment on column public.callback_tasks.done_at is 'When staff marked it done.';
comment on column public.callback_tasks.done_by is 'Who marked it done.';

alter table public.callback_tasks enable row level security;
create policy "members read" on public.callback_tasks for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "members mark done" on public.callback_tasks for update to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.callback_tasks from anon, authenticated;
grant update (done_at, done_by) on public.callback_tasks to authenticated;
