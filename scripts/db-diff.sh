#!/usr/bin/env bash
# Compares the schema the migrations build at a git ref with the one the working tree builds.
#
#   npm run db:diff -- [<gitref>]      (default HEAD; exit 0 identical, 1 different, 2 error)
#
# Use it whenever migrations are reorganised rather than changed (squashed, split, moved): the
# diff must be empty, or show only what the change means to remove. It starts a throw-away
# PostgreSQL (Debian PostgreSQL 15 by default, PG_BIN to change), creates one database per
# side, applies supabase/local/*.sql and then supabase/migrations/*.sql in name order, each in
# one transaction with `search_path = public, extensions` as lib/db/migrate.ts does, and compares
#   1. pg_dump --schema-only --no-owner
#   2. catalog queries whose differences pg_dump's ordering or text could hide: columns in
#      order with types, defaults, identity, generated expressions and comments; every comment;
#      constraints; indexes; triggers; policies (pg_policies); RLS flags; functions
#      (pg_get_functiondef, SECURITY DEFINER, config, ACL); grants (role_table_grants,
#      column_privileges, routine_privileges, raw relation/schema ACLs); sequences; types and
#      domains; extensions.
# Before the migrations a stub of Supabase Storage (storage.buckets, storage.objects,
# storage.foldername) is created in both databases, so the blocks that only run on Supabase
# create their bucket rows and storage policies here too; the bucket rows are compared.
# KEEP=1 keeps the work directory (dumps and query results) for inspection.
set -euo pipefail

ref="${1:-HEAD}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
repo="$(git rev-parse --show-toplevel)"
git -C "$repo" rev-parse --verify --quiet "$ref^{commit}" >/dev/null || { echo "db-diff: unknown git ref: $ref" >&2; exit 2; }
[ -x "$PG_BIN/initdb" ] || { echo "db-diff: no PostgreSQL in $PG_BIN (apt-get install -y postgresql-15, or set PG_BIN)" >&2; exit 2; }

work="$(mktemp -d -t callwaiting-db-diff-XXXXXX)"
chmod 755 "$work"
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$work"
  as_pg=(runuser -u postgres --)
fi
pid=""
cleanup() {
  if [ -n "$pid" ]; then "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true; fi
  if [ "${KEEP:-0}" = 1 ]; then echo "db-diff: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

mkdir -p "$work/old" "$work/new" "$work/out"
git -C "$repo" archive "$ref" supabase/local supabase/migrations | tar -x -C "$work/old"
mkdir -p "$work/new/supabase"
cp -r "$repo/supabase/local" "$repo/supabase/migrations" "$work/new/supabase/"

"${as_pg[@]}" "$PG_BIN/initdb" -D "$work/data" -U postgres --auth=trust --encoding=UTF8 --locale=C >"$work/initdb.log" 2>&1
"${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
  -o "-c listen_addresses='' -k $work -c fsync=off" start >/dev/null
pid=started

psql=("$PG_BIN/psql" -X -q -h "$work" -U postgres -v ON_ERROR_STOP=1)
storage_stub="
create schema storage;
create table storage.buckets (id text primary key, name text not null, public boolean default false,
  file_size_limit bigint, allowed_mime_types text[]);
create table storage.objects (id uuid primary key default gen_random_uuid(), bucket_id text references storage.buckets (id),
  name text, owner uuid);
alter table storage.objects enable row level security;
create function storage.foldername(name text) returns text[] language sql immutable as \$\$ select (string_to_array(name, '/'))[1:array_length(string_to_array(name, '/'), 1) - 1] \$\$;"

for side in old new; do
  "${psql[@]}" -d postgres -c "create database $side"
  "${psql[@]}" -d "$side" -c "$storage_stub"
  for file in "$work/$side"/supabase/local/*.sql "$work/$side"/supabase/migrations/*.sql; do
    "${psql[@]}" -d "$side" -1 -c "set local search_path = public, extensions" -f "$file" >/dev/null 2>"$work/$side.err" \
      || { echo "db-diff: $side: ${file#"$work/$side/"} failed:" >&2; cat "$work/$side.err" >&2; exit 2; }
  done
  echo "$side: $(ls "$work/$side/supabase/migrations" | wc -l) migrations applied" >&2
done

# One query per aspect; each prints sorted rows, so only real differences show.
queries=$(cat <<'SQL'
\echo == columns
select c.relnamespace::regnamespace::text, c.relname, c.relkind, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod),
       a.attnotnull, a.attidentity, a.attgenerated, pg_get_expr(d.adbin, d.adrelid), a.attacl,
       col_description(c.oid, a.attnum)
  from pg_attribute a join pg_class c on c.oid = a.attrelid
  left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
 where c.relnamespace::regnamespace::text in ('public', 'private', 'storage') and a.attnum > 0 and not a.attisdropped
 order by 1, 2, 4;
\echo == comments on every object created after initdb
select pg_describe_object(classoid, objoid, objsubid), description from pg_description
 where objoid >= 16384 and pg_describe_object(classoid, objoid, objsubid) is not null
 order by 1, 2;
\echo == relations and RLS
select relnamespace::regnamespace::text, relname, relkind, relrowsecurity, relforcerowsecurity, relacl, reloptions
  from pg_class where relnamespace::regnamespace::text in ('public', 'private', 'storage', 'realtime', 'auth', 'extensions')
 order by 1, 2;
\echo == constraints
select conrelid::regclass::text, contypid::regtype::text, conname, contype, pg_get_constraintdef(oid), condeferrable, convalidated
  from pg_constraint where connamespace::regnamespace::text in ('public', 'private', 'storage')
 order by 1, 2, 3;
\echo == indexes
select schemaname, tablename, indexname, indexdef from pg_indexes
 where schemaname in ('public', 'private', 'storage', 'realtime') order by 1, 2, 3;
\echo == triggers
select tgrelid::regclass::text, tgname, tgenabled, pg_get_triggerdef(oid) from pg_trigger where not tgisinternal
 order by 1, 2;
\echo == policies
select * from pg_policies order by 1, 2, 3;
\echo == functions
select p.oid::regprocedure::text, p.prosecdef, p.provolatile, p.proleakproof, p.proconfig, p.proacl,
       pg_get_functiondef(p.oid)
  from pg_proc p where p.pronamespace::regnamespace::text in ('public', 'private', 'storage', 'realtime', 'auth')
   and p.prokind in ('f', 'p')
 order by 1;
\echo == table grants
select table_schema, table_name, grantee, privilege_type, is_grantable, with_hierarchy
  from information_schema.role_table_grants
 where table_schema in ('public', 'private', 'storage', 'realtime', 'auth') order by 1, 2, 3, 4;
\echo == column grants
select table_schema, table_name, column_name, grantee, privilege_type, is_grantable
  from information_schema.column_privileges
 where table_schema in ('public', 'private', 'storage', 'realtime', 'auth') order by 1, 2, 3, 4, 5;
\echo == routine grants
select routine_schema, routine_name, grantee, privilege_type, is_grantable
  from information_schema.routine_privileges
 where routine_schema in ('public', 'private', 'storage', 'realtime', 'auth') order by 1, 2, 3, 4;
\echo == schemas
select nspname, nspacl from pg_namespace where nspname !~ '^pg_' and nspname <> 'information_schema' order by 1;
\echo == default privileges
select defaclrole::regrole::text, defaclnamespace::regnamespace::text, defaclobjtype, defaclacl from pg_default_acl order by 1, 2, 3;
\echo == sequences
select schemaname, sequencename, data_type, start_value, increment_by, max_value, cycle from pg_sequences order by 1, 2;
\echo == types and domains
select t.typnamespace::regnamespace::text, t.typname, t.typtype, t.typbasetype::regtype::text, t.typnotnull, t.typacl,
       (select string_agg(pg_get_constraintdef(c.oid), '; ' order by c.conname) from pg_constraint c where c.contypid = t.oid)
  from pg_type t where t.typnamespace::regnamespace::text in ('public', 'private') and t.typtype in ('d', 'e', 'c')
   and (t.typtype <> 'c' or t.typrelid = 0)
 order by 1, 2;
\echo == extensions
select extname, extnamespace::regnamespace::text, extversion from pg_extension order by 1;
\echo == storage bucket rows (from the Supabase-only block, run against the storage stub)
select * from storage.buckets order by id;
SQL
)

status=0
for side in old new; do
  "$PG_BIN/pg_dump" -h "$work" -U postgres --schema-only --no-owner "$side" \
    | grep -v -e '^\\restrict ' -e '^\\unrestrict ' >"$work/out/$side.dump.sql"
  "${psql[@]}" -d "$side" -A -F ' | ' -P pager=off -f - <<<"$queries" >"$work/out/$side.catalog.txt"
done
echo "compared: pg_dump --schema-only ($(wc -l <"$work/out/new.dump.sql") lines) and $(grep -c '^\\echo ' <<<"$queries") catalog queries ($(wc -l <"$work/out/new.catalog.txt") rows)" >&2

for kind in dump.sql catalog.txt; do
  if ! diff -u --label "$ref:$kind" --label "working tree:$kind" "$work/out/old.$kind" "$work/out/new.$kind"; then status=1; fi
done
if [ "$status" = 0 ]; then echo "db-diff: the schemas are identical" >&2; fi
exit "$status"
