-- Private Storage bucket for aftercare PDFs, first folder = clinic id (Supabase only: the
-- block does nothing where there is no storage schema, e.g. plain PostgreSQL with the local
-- shim, whose file store is a folder). Patients never read the bucket directly: /a/<token>
-- mints a short-lived signed URL with the service role after checking its own link table.
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
