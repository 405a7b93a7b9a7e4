-- Who marked a call-back done, and when, is recorded by the database, not taken from the client:
-- staff may update done_at and done_by (their column grant), so a receptionist could have
-- written another person's id or any time. Now a trigger sets both, whatever the update says:
-- marking done records now() and the signed-in person; reopening (done_at set to null) clears
-- both; a task already done keeps who and when. Every change is audited like other staff edits.

create or replace function private.callback_task_done() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.done_at is null then
    new.done_by := null;
  elsif old.done_at is null then
    new.done_at := now();
    new.done_by := (select auth.uid());
  else
    new.done_at := old.done_at;
    new.done_by := old.done_by;
  end if;
  return new;
end;
$$;
revoke all on function private.callback_task_done() from public;

drop trigger if exists callback_tasks_done on public.callback_tasks;
create trigger callback_tasks_done before update on public.callback_tasks
  for each row execute function private.callback_task_done();

-- The caller's message is personal: recorded as changed, never copied.
drop trigger if exists callback_tasks_audit on public.callback_tasks;
create trigger callback_tasks_audit after update on public.callback_tasks
  for each row execute function private.audit_row_change('clinic_id', 'message');
