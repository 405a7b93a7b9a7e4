-- Who changed what: every staff change to clinic configuration and bookings is recorded by
-- trigger, so no code path can forget it. The triggers on the audited tables (created in the
-- earlier domain migrations) are all here, at the end, so the list of what is audited is in one
-- place.

create table public.audit_log (
  id bigint generated always as identity primary key,
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  actor_id uuid,
  action text not null check (action in ('insert', 'update', 'delete')),
  table_name text not null,
  row_id uuid,
  changes jsonb not null default '{}'::jsonb,
  at timestamptz not null default now()
);
create index audit_log_clinic_at_idx on public.audit_log (clinic_id, at desc);
comment on table public.audit_log is 'Append-only record of staff changes to configuration and bookings.';
comment on column public.audit_log.id is 'Primary key.';
comment on column public.audit_log.clinic_id is 'Clinic the change belongs to.';
comment on column public.audit_log.actor_id is 'Signed-in user who made it (null for the service side).';
comment on column public.audit_log.action is 'insert, update or delete.';
comment on column public.audit_log.table_name is 'Table changed.';
comment on column public.audit_log.row_id is 'Primary key of the changed row.';
comment on column public.audit_log.changes is 'Changed columns with old and new values; personal columns are recorded as changed, not copied.';
comment on column public.audit_log.at is 'When.';

-- Admins read their clinic's trail; only the audit trigger (SECURITY DEFINER) writes it.
alter table public.audit_log enable row level security;
create policy "admins read" on public.audit_log for select to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.audit_log from anon, authenticated;
create trigger audit_log_append_only before update on public.audit_log
  for each row execute function private.forbid_update();

-- tg_argv[0]: the column holding the clinic id; tg_argv[1..]: personal columns whose values
-- are never copied into the audit trail.
create or replace function private.audit_row_change() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_old jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  v_new jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  v_row jsonb := coalesce(v_new, v_old);
  v_changes jsonb := '{}'::jsonb;
  v_key text;
  v_private text[] := coalesce(tg_argv[1:], '{}');
begin
  for v_key in select jsonb_object_keys(v_row) loop
    continue when v_key in ('updated_at', 'created_at', 'search');
    if tg_op = 'UPDATE' and (v_old -> v_key) is not distinct from (v_new -> v_key) then
      continue;
    end if;
    v_changes := v_changes || jsonb_build_object(v_key, case
      when v_key = any (v_private) then '"(changed)"'::jsonb
      else jsonb_build_object('old', v_old -> v_key, 'new', v_new -> v_key) end);
  end loop;
  if tg_op = 'UPDATE' and v_changes = '{}'::jsonb then
    return null;
  end if;
  insert into public.audit_log (clinic_id, actor_id, action, table_name, row_id, changes)
  values ((v_row ->> tg_argv[0])::uuid, (select auth.uid()), lower(tg_op), tg_table_name,
          (v_row ->> 'id')::uuid, v_changes);
  return null;
end;
$$;

create trigger clinics_audit after update on public.clinics
  for each row execute function private.audit_row_change('id');
create trigger practitioners_audit after insert or update or delete on public.practitioners
  for each row execute function private.audit_row_change('clinic_id');
create trigger procedures_audit after insert or update or delete on public.procedures
  for each row execute function private.audit_row_change('clinic_id');
create trigger procedure_knowledge_audit after insert or update or delete on public.procedure_knowledge
  for each row execute function private.audit_row_change('clinic_id');
create trigger aftercare_documents_audit after insert or update or delete on public.aftercare_documents
  for each row execute function private.audit_row_change('clinic_id');
create trigger redaction_rules_audit after insert or update or delete on public.redaction_rules
  for each row execute function private.audit_row_change('clinic_id');
create trigger bookings_audit after update on public.bookings
  for each row execute function private.audit_row_change('clinic_id', 'patient_name', 'patient_phone');
