-- Who opened what (issue 16): an append-only record of staff opening a call (with its
-- transcript) or a patient's page, read by the clinic's admins only (Admin → Privacy).
--
-- Nobody writes it directly: public.record_access, run in the same transaction as the read it
-- records, appends one row as the signed-in person (their id and email from the session) for a
-- call or patient of a clinic they belong to, and refuses anything else. Rows are never
-- changed; the retention purge does not touch them. Opening the same thing again within a
-- minute (a page refreshing) is one row.

create table public.access_log (
  id bigint generated always as identity primary key,
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  actor_id uuid not null,
  actor_email text check (length(actor_email) <= 320),
  subject text not null check (subject in ('call', 'patient')),
  subject_id uuid not null,
  at timestamptz not null default now()
);
create index access_log_clinic_at_idx on public.access_log (clinic_id, at desc);
create index access_log_subject_idx on public.access_log (clinic_id, subject, subject_id, at desc);
create index access_log_actor_idx on public.access_log (clinic_id, actor_id, at desc);
create trigger access_log_append_only before update on public.access_log
  for each row execute function private.forbid_update();
comment on table public.access_log is 'Append-only: which staff member opened which call or patient, when; written only by public.record_access, read by the clinic''s admins.';
comment on column public.access_log.id is 'Primary key, in order of writing.';
comment on column public.access_log.clinic_id is 'The clinic whose call or patient was opened.';
comment on column public.access_log.actor_id is 'The signed-in staff member (auth.uid()).';
comment on column public.access_log.actor_email is 'Their email as the session carried it, so the log reads without auth.users.';
comment on column public.access_log.subject is 'call (its page, with the transcript) or patient (their page).';
comment on column public.access_log.subject_id is 'The call''s or patient''s id.';
comment on column public.access_log.at is 'When it was opened.';

alter table public.access_log enable row level security;
create policy "admins read" on public.access_log for select to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
revoke insert, update, delete, truncate on public.access_log from anon, authenticated;

create or replace function public.record_access(p_clinic_id uuid, p_subject text, p_subject_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
declare
  v_actor uuid := (select auth.uid());
begin
  if v_actor is null or not (p_clinic_id = any (private.member_clinic_ids())) then
    raise exception 'not a member of this clinic' using errcode = '42501';
  end if;
  if not (case p_subject
            when 'call' then exists (select 1 from public.calls c where c.id = p_subject_id and c.clinic_id = p_clinic_id)
            when 'patient' then exists (select 1 from public.patients p where p.id = p_subject_id and p.clinic_id = p_clinic_id)
            else false
          end) then
    raise exception 'no such % in this clinic', p_subject using errcode = '22023';
  end if;
  if exists (select 1 from public.access_log a
              where a.clinic_id = p_clinic_id and a.subject = p_subject and a.subject_id = p_subject_id
                and a.actor_id = v_actor and a.at > now() - interval '1 minute') then
    return;
  end if;
  insert into public.access_log (clinic_id, actor_id, actor_email, subject, subject_id)
  values (p_clinic_id, v_actor, left((select auth.email()), 320), p_subject, p_subject_id);
end;
$$;
comment on function public.record_access(uuid, text, uuid) is 'Appends to access_log as the signed-in member: a call or patient of their clinic; refuses others (42501) and unknown subjects (22023).';
revoke all on function public.record_access(uuid, text, uuid) from public, anon;
grant execute on function public.record_access(uuid, text, uuid) to authenticated;
