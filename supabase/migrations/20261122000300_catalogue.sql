-- What a clinic offers: its practitioners, procedures, what the assistant may say about them,
-- and the aftercare documents (with their private Storage bucket) sent after calls.
-- Members of the clinic read these; its admins insert, update and delete them. Staff changes
-- are audited by triggers in ..._audit.sql.

create table public.practitioners (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  name text not null check (length(name) between 1 and 120),
  title text not null default '' check (length(title) <= 120),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, clinic_id)
);
create index practitioners_clinic_idx on public.practitioners (clinic_id);
create trigger practitioners_touch before update on public.practitioners
  for each row execute function private.touch_updated_at();
comment on table public.practitioners is 'Surgeons and injectors whose diaries hold appointment slots.';
comment on column public.practitioners.id is 'Primary key.';
comment on column public.practitioners.clinic_id is 'The clinic.';
comment on column public.practitioners.name is 'Name the assistant may say, e.g. "Dr Amara Okafor".';
comment on column public.practitioners.title is 'Role, e.g. "Consultant plastic surgeon".';
comment on column public.practitioners.active is 'Inactive practitioners get no new slots.';
comment on column public.practitioners.created_at is 'When the practitioner was added.';
comment on column public.practitioners.updated_at is 'When the practitioner was last changed.';

alter table public.practitioners enable row level security;
create policy "members read" on public.practitioners for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.practitioners for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.practitioners for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.practitioners for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

create table public.aftercare_documents (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  title text not null check (length(title) between 1 and 160),
  storage_path text not null unique,
  file_name text not null check (length(file_name) between 1 and 200),
  content_type text not null default 'application/pdf' check (content_type = 'application/pdf'),
  size_bytes integer not null check (size_bytes > 0 and size_bytes <= 10485760),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Storage policies key on the first folder, so it must be the owning clinic.
  constraint aftercare_documents_path_in_clinic check (split_part(storage_path, '/', 1) = clinic_id::text),
  unique (id, clinic_id)
);
create index aftercare_documents_clinic_idx on public.aftercare_documents (clinic_id);
create trigger aftercare_documents_touch before update on public.aftercare_documents
  for each row execute function private.touch_updated_at();
comment on table public.aftercare_documents is 'Aftercare PDFs a clinic sends patients (private storage, per clinic).';
comment on column public.aftercare_documents.id is 'Primary key.';
comment on column public.aftercare_documents.clinic_id is 'Owning clinic.';
comment on column public.aftercare_documents.title is 'Title shown to staff and in the patient''s link page, e.g. "Facelift Aftercare".';
comment on column public.aftercare_documents.storage_path is 'Object path in the aftercare bucket: <clinic_id>/aftercare/<file>.pdf.';
comment on column public.aftercare_documents.file_name is 'Original file name, for downloads.';
comment on column public.aftercare_documents.content_type is 'Always application/pdf (checked by content on upload).';
comment on column public.aftercare_documents.size_bytes is 'File size; uploads are limited to 10 MiB.';
comment on column public.aftercare_documents.sha256 is 'Content hash, to detect replacements and duplicates.';
comment on column public.aftercare_documents.uploaded_by is 'Staff member who uploaded it.';
comment on column public.aftercare_documents.created_at is 'When it was uploaded.';
comment on column public.aftercare_documents.updated_at is 'When it was last replaced or renamed.';

alter table public.aftercare_documents enable row level security;
create policy "members read" on public.aftercare_documents for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.aftercare_documents for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.aftercare_documents for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.aftercare_documents for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

-- Private Storage bucket for aftercare PDFs, first folder = clinic id (Supabase only: the
-- block does nothing where there is no storage schema, e.g. plain PostgreSQL with the local
-- shim, whose file store is a folder). Patients never read the bucket directly: /a/<token>
-- mints a short-lived signed URL with the service role after checking its own link table.
-- The policies on storage.objects are executed as text only because storage may not exist.
do $migration$
begin
  if not exists (select 1 from pg_namespace where nspname = 'storage') then
    return;
  end if;

  insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
  values ('aftercare', 'aftercare', false, 10485760, array['application/pdf'])
  on conflict (id) do update set public = false, file_size_limit = excluded.file_size_limit,
    allowed_mime_types = excluded.allowed_mime_types;

  execute $p$create policy "clinic members read aftercare" on storage.objects for select to authenticated
    using (bucket_id = 'aftercare' and (storage.foldername(name))[1] = any ((select private.member_clinic_ids())::text[]))$p$;
  execute $p$create policy "clinic admins upload aftercare" on storage.objects for insert to authenticated
    with check (bucket_id = 'aftercare' and (storage.foldername(name))[1] = any ((select private.admin_clinic_ids())::text[]))$p$;
  execute $p$create policy "clinic admins replace aftercare" on storage.objects for update to authenticated
    using (bucket_id = 'aftercare' and (storage.foldername(name))[1] = any ((select private.admin_clinic_ids())::text[]))$p$;
  execute $p$create policy "clinic admins delete aftercare" on storage.objects for delete to authenticated
    using (bucket_id = 'aftercare' and (storage.foldername(name))[1] = any ((select private.admin_clinic_ids())::text[]))$p$;
end
$migration$;

create table public.procedures (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  name text not null check (length(name) between 1 and 120),
  synonyms text[] not null default '{}' check (cardinality(synonyms) <= 50),
  duration_minutes integer not null default 60 check (duration_minutes between 5 and 1440),
  description text not null default '' check (length(description) <= 4000),
  active boolean not null default true,
  sort_order integer not null default 0,
  aftercare_document_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, clinic_id),
  -- Composite keys keep every reference inside one clinic.
  foreign key (aftercare_document_id, clinic_id) references public.aftercare_documents (id, clinic_id)
    on delete set null (aftercare_document_id)
);
create unique index procedures_clinic_name_key on public.procedures (clinic_id, lower(name));
create index procedures_clinic_order_idx on public.procedures (clinic_id, sort_order);
create index procedures_name_trgm_idx on public.procedures using gin (lower(name) extensions.gin_trgm_ops);
create trigger procedures_touch before update on public.procedures
  for each row execute function private.touch_updated_at();
comment on table public.procedures is 'Procedures a clinic offers; the assistant matches callers'' words to them.';
comment on column public.procedures.id is 'Primary key.';
comment on column public.procedures.clinic_id is 'Owning clinic.';
comment on column public.procedures.name is 'Canonical name, e.g. "Facelift".';
comment on column public.procedures.synonyms is 'Other words callers use, e.g. {"face lift","rhytidectomy"}.';
comment on column public.procedures.duration_minutes is 'Typical procedure duration, for lookup_procedure answers.';
comment on column public.procedures.description is 'Plain description the assistant may read out.';
comment on column public.procedures.active is 'Inactive procedures are hidden from the assistant.';
comment on column public.procedures.sort_order is 'Order in admin lists and the assistant prompt.';
comment on column public.procedures.aftercare_document_id is 'Aftercare PDF sent to callers interested in this procedure.';
comment on column public.procedures.created_at is 'When the procedure was added.';
comment on column public.procedures.updated_at is 'When the procedure was last changed.';

alter table public.procedures enable row level security;
create policy "members read" on public.procedures for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.procedures for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.procedures for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.procedures for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));

create table public.procedure_knowledge (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  procedure_id uuid not null,
  topic text not null default 'general'
    check (topic in ('general', 'recovery', 'candidacy', 'price', 'risks', 'preparation')),
  question text not null check (length(question) between 1 and 500),
  answer text not null check (length(answer) between 1 and 4000),
  search tsvector generated always as (
    setweight(to_tsvector('english', question), 'A') || setweight(to_tsvector('english', answer), 'B')
  ) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (procedure_id, clinic_id) references public.procedures (id, clinic_id) on delete cascade
);
create index procedure_knowledge_procedure_idx on public.procedure_knowledge (procedure_id);
create index procedure_knowledge_clinic_idx on public.procedure_knowledge (clinic_id);
create index procedure_knowledge_search_idx on public.procedure_knowledge using gin (search);
create index procedure_knowledge_question_trgm_idx on public.procedure_knowledge
  using gin (question extensions.gin_trgm_ops);
create trigger procedure_knowledge_touch before update on public.procedure_knowledge
  for each row execute function private.touch_updated_at();
comment on table public.procedure_knowledge is 'Clinic-approved answers the assistant may give about a procedure. Nothing medical is invented beyond these.';
comment on column public.procedure_knowledge.id is 'Primary key.';
comment on column public.procedure_knowledge.clinic_id is 'Owning clinic (same as the procedure''s).';
comment on column public.procedure_knowledge.procedure_id is 'The procedure this answers about.';
comment on column public.procedure_knowledge.topic is 'Kind of question: recovery, candidacy, price, risks, preparation or general.';
comment on column public.procedure_knowledge.question is 'A question as a caller might ask it.';
comment on column public.procedure_knowledge.answer is 'The approved answer.';
comment on column public.procedure_knowledge.search is 'Full-text vector over question (weight A) and answer (weight B).';
comment on column public.procedure_knowledge.created_at is 'When the entry was added.';
comment on column public.procedure_knowledge.updated_at is 'When the entry was last changed.';

alter table public.procedure_knowledge enable row level security;
create policy "members read" on public.procedure_knowledge for select to authenticated
  using (clinic_id = any ((select private.member_clinic_ids())::uuid[]));
create policy "admins insert" on public.procedure_knowledge for insert to authenticated
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins update" on public.procedure_knowledge for update to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]))
  with check (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
create policy "admins delete" on public.procedure_knowledge for delete to authenticated
  using (clinic_id = any ((select private.admin_clinic_ids())::uuid[]));
