-- What the production guard (lib/deployment/guard.ts) needs to know about this database:
-- whether the demo seed has ever run against it (its staff accounts have published passwords),
-- and whether it is the embedded demo database `npm run dev` and the tests start. The seed and
-- scripts/lib/database.ts record these; a production server refuses to start on a database with
-- the demo seed, and treats the embedded database as a demo (docs/deploying.md).

create table if not exists private.deployment_facts (
  fact text primary key check (fact in ('demo_seeded', 'embedded_database')),
  recorded_at timestamptz not null default now()
);
alter table private.deployment_facts enable row level security;
revoke all on table private.deployment_facts from public, anon, authenticated;
comment on table private.deployment_facts is 'Facts about this database the production guard checks at boot: demo seed ran, embedded demo database.';

-- The seed is recorded by seed.sql itself; a database seeded before this migration still counts
-- as seeded while the demo clinics or their staff accounts are there.
create or replace function public.deployment_facts()
returns table (demo_seeded boolean, embedded_database boolean)
language sql stable security definer set search_path = '' as $$
  select
    exists (select 1 from private.deployment_facts f where f.fact = 'demo_seeded')
      or exists (select 1 from public.clinics c
                  where c.id in ('c1a1c000-0000-4000-8000-000000000001',
                                 'c1a1c000-0000-4000-8000-000000000002'))
      or exists (select 1 from auth.users u
                  where u.email in ('admin@harbour-aesthetics.test',
                                    'reception@harbour-aesthetics.test')),
    exists (select 1 from private.deployment_facts f where f.fact = 'embedded_database');
$$;
revoke all on function public.deployment_facts() from public, anon, authenticated;
grant execute on function public.deployment_facts() to service_role;
comment on function public.deployment_facts() is 'For the production guard at boot: has the demo seed run here, is this the embedded demo database.';
