-- claim_slot_atomic with less work per claim, so a handful of callers at once (N = 10 in
-- `npm run bench -- hold`) no longer lose to the minimal `SELECT … FOR UPDATE` claim.
--
-- Each claim used to read the call and the offer in two statements (whole rows) and call
-- private.reservation_conflict twice and private.lock_diary once. reservation_conflict is a SQL function with
-- its own search_path, which PostgreSQL can neither inline nor keep a plan for: each call was
-- planned afresh (about 0.2 ms), and the winner of an uncontended claim paid it twice. Now:
--   * the call and its offer in one read, only the columns used;
--   * the overlap checks written out here, so PL/pgSQL keeps their plans per connection;
--   * the lock-free first check only when someone else holds the practitioner's lock (asked
--     with SKIP LOCKED): uncontended, the claim takes the lock at once and checks once under it;
--     contended, it checks without the lock first, so once a winner has committed every other
--     caller is answered without queueing (unchanged).
-- Unchanged: the contract (outcome held | taken | not_found | in_past | call_ended), the lock
-- order (the call's row, held by the caller; then the practitioner's row; then the resource's,
-- FOR NO KEY UPDATE), the check under the lock, the exclusion constraints underneath, and a
-- refusal releasing its locks at once (raised and caught inside the block).

create or replace function public.claim_slot_atomic(p_slot_id uuid, p_call_id uuid, p_hold_seconds integer default 90)
returns table (outcome text, slot_id uuid, held_until timestamptz)
language plpgsql security definer set search_path = '' set lock_timeout = '2s' as $$
declare
  v_state text;
  v_call_clinic uuid;
  v_offer_id uuid;
  v_clinic uuid;
  v_offer_call uuid;
  v_expires timestamptz;
  v_starts timestamptz;
  v_ends timestamptz;
  v_practitioner uuid;
  v_resource uuid;
  v_occupied tstzrange;
  v_until timestamptz;
begin
  select c.state, c.clinic_id, o.id, o.clinic_id, o.call_id, o.expires_at, o.starts_at, o.ends_at,
         o.practitioner_id, o.resource_id, o.occupied
    into v_state, v_call_clinic, v_offer_id, v_clinic, v_offer_call, v_expires, v_starts, v_ends,
         v_practitioner, v_resource, v_occupied
    from public.calls c left join public.slot_offers o on o.id = p_slot_id
   where c.id = p_call_id;
  if not found or private.is_terminal_call_state(v_state) then
    return query select 'call_ended'::text, p_slot_id, null::timestamptz;
    return;
  end if;
  if v_offer_id is null or v_clinic <> v_call_clinic or v_offer_call <> p_call_id or v_expires <= now() then
    return query select 'not_found'::text, p_slot_id, null::timestamptz;
    return;
  end if;
  if v_starts <= now() then
    return query select 'in_past'::text, p_slot_id, null::timestamptz;
    return;
  end if;

  -- The practitioner's lock at once when nobody holds it (uncontended: one check, under it).
  perform 1 from public.practitioners p where p.id = v_practitioner for no key update skip locked;
  if not found then
    -- Contended. Without a lock first: once a claim over this range has committed, every other
    -- caller sees it here and is answered at once instead of queueing on the practitioner's
    -- lock. Reading "taken" can only be wrong towards refusing a time freed an instant ago,
    -- never towards a double hold.
    if exists (select 1 from public.reservations r
                where r.occupied && v_occupied
                  and (r.practitioner_id = v_practitioner or (v_resource is not null and r.resource_id = v_resource))
                  and (r.kind <> 'hold' or (r.held_until > now() and r.call_id <> p_call_id))) then
      return query select 'taken'::text, p_slot_id, null::timestamptz;
      return;
    end if;
    perform 1 from public.practitioners p where p.id = v_practitioner for no key update;
  end if;
  if v_resource is not null then
    perform 1 from public.resources r where r.id = v_resource for no key update;
  end if;

  -- Under the locks: the check that decides.
  if exists (select 1 from public.reservations r
              where r.occupied && v_occupied
                and (r.practitioner_id = v_practitioner or (v_resource is not null and r.resource_id = v_resource))
                and (r.kind <> 'hold' or (r.held_until > now() and r.call_id <> p_call_id))) then
    -- Caught below: rolling the block back releases the locks just taken.
    raise exception using errcode = 'CW409', message = 'taken';
  end if;

  -- Expired holds over the range (so the exclusion constraints never meet one), then the
  -- call's previous hold (a call holds one time): two statements, each on its own index.
  delete from public.reservations r
   where r.occupied && v_occupied
     and (r.practitioner_id = v_practitioner or (v_resource is not null and r.resource_id = v_resource))
     and r.kind = 'hold' and r.held_until <= now();
  delete from public.reservations r where r.kind = 'hold' and r.call_id = p_call_id;
  v_until := now() + make_interval(secs => p_hold_seconds);
  insert into public.reservations (clinic_id, kind, practitioner_id, resource_id, starts_at, ends_at, occupied,
                                   call_id, held_until, offer_id)
  values (v_clinic, 'hold', v_practitioner, v_resource, v_starts, v_ends, v_occupied, p_call_id, v_until, v_offer_id);
  return query select 'held'::text, p_slot_id, v_until;
exception
  -- Taken under lock, or the exclusion constraints caught something overlapping that was held,
  -- booked or blocked: either way the block's locks are released with it.
  when sqlstate 'CW409' or exclusion_violation then
    return query select 'taken'::text, p_slot_id, null::timestamptz;
end;
$$;
