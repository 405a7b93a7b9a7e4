-- The API roles keep only the rights RLS can govern. Supabase's default privileges give anon and
-- authenticated every right on new tables, including three that RLS does not filter:
--   TRUNCATE   empties a table whatever its policies say (as anon it emptied every clinic's
--              redaction rules in a rolled-back test);
--   TRIGGER    lets a role create triggers on the table;
--   REFERENCES lets a role create foreign keys that probe the table's values.
-- And every role may create temporary tables (TEMP on the database), which shadow tables on a
-- search_path that lists pg_temp. None of these is used by the app or by PostgREST.

revoke truncate, trigger, references on all tables in schema public, private from anon, authenticated;

-- Tables created by later migrations (as this role) start without them too.
alter default privileges in schema public revoke truncate, trigger, references on tables from anon, authenticated;
alter default privileges in schema private revoke truncate, trigger, references on tables from anon, authenticated;

-- TEMP comes through PUBLIC. Superusers and the database owner keep it regardless; the app uses
-- no temporary tables. Only the database's owner may revoke it: elsewhere say so and carry on
-- (docs/deploying.md has the statement to run as the owner).
do $$
begin
  execute format('revoke temporary on database %I from public, anon, authenticated', current_database());
exception when insufficient_privilege then
  raise warning 'TEMP on database % could not be revoked (not its owner): run this migration''s statement as the owner', current_database();
end;
$$;
