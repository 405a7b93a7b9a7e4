-- An aftercare document's object path must stay in its clinic's folder. The old check compared
-- only the first segment with clinic_id, so "<clinic>/../<other clinic>/aftercare/x.pdf" passed,
-- and a store that normalises the path would have read another clinic's file. Now the path is
-- exactly <clinic_id>/aftercare/<file>: a lower-case name (lib/validations/aftercare.ts,
-- storageFileName) without "/", "\" or "..". lib/storage checks the same in both file stores.

alter table public.aftercare_documents drop constraint if exists aftercare_documents_path_shape;
alter table public.aftercare_documents add constraint aftercare_documents_path_shape check (
  storage_path ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/aftercare/[a-z0-9][a-z0-9._-]{0,199}$'
  and strpos(storage_path, '..') = 0
);
