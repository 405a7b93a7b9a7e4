-- Sign-in leftovers no longer kept forever (found in review): failed sign-in counters hold a
-- staff member's email or a client address, and ended sessions their user and times. Counters
-- are forgotten after an hour without failures (lib/auth/throttle.ts), so a day after the last
-- one, with no lock running, the row says nothing; sessions that expired or were revoked stay 30
-- days (the staff page shows recent sign-outs and bans), then go. The daily purge's unowned run
-- (lib/privacy/purge.ts) calls this.
create function public.purge_sign_in_leftovers(p_now timestamptz default now())
returns integer
language plpgsql security definer set search_path = '' as $$
declare
  v_failures integer;
  v_sessions integer;
begin
  delete from private.sign_in_failures
   where last_failure_at < p_now - interval '1 day'
     and (locked_until is null or locked_until < p_now);
  get diagnostics v_failures = row_count;
  delete from private.local_sessions
   where expires_at < p_now - interval '30 days'
      or revoked_at < p_now - interval '30 days';
  get diagnostics v_sessions = row_count;
  return v_failures + v_sessions;
end;
$$;
revoke all on function public.purge_sign_in_leftovers(timestamptz) from public, anon, authenticated;
grant execute on function public.purge_sign_in_leftovers(timestamptz) to service_role;
comment on function public.purge_sign_in_leftovers(timestamptz) is 'Deletes sign-in failure counters a day after their last failure (no lock running) and local sessions 30 days after they expired or were revoked; how many rows went.';
