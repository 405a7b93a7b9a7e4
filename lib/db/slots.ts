import "server-only";

import type { Tx } from "./transaction";

export interface AvailableSlot {
  slotId: string;
  startsAt: Date;
  endsAt: Date;
  practitioner: string;
}

export type PartOfDay = "morning" | "afternoon" | "evening";

/**
 * Bookable slots for a clinic, soonest first: open, or held by a hold that has expired.
 * `date` is a calendar day in the clinic's time zone; parts of day are clinic-local hours
 * (morning before 12:00, afternoon 12:00–17:00, evening from 17:00).
 */
export function listAvailableSlots(
  tx: Tx,
  clinicId: string,
  filter: {
    date?: string;
    partOfDay?: PartOfDay;
    limit?: number;
    excludeSlotId?: string;
    notBefore?: Date;
  },
): Promise<AvailableSlot[]> {
  return tx.query<AvailableSlot>(
    `select s.id as "slotId", s.starts_at as "startsAt", s.ends_at as "endsAt", p.name as practitioner
       from public.slots s
       join public.clinics c on c.id = s.clinic_id
       join public.practitioners p on p.id = s.practitioner_id and p.active
      where s.clinic_id = $1
        and (s.status = 'open' or (s.status = 'held' and s.held_until <= now()))
        and s.starts_at > greatest(now() + interval '30 minutes', coalesce($5::timestamptz, now()))
        and ($2::date is null or (s.starts_at at time zone c.timezone)::date = $2::date)
        and case $3::text
              when 'morning' then extract(hour from s.starts_at at time zone c.timezone) < 12
              when 'afternoon' then extract(hour from s.starts_at at time zone c.timezone) between 12 and 16
              when 'evening' then extract(hour from s.starts_at at time zone c.timezone) >= 17
              else true end
        and ($4::uuid is null or s.id <> $4::uuid)
      order by s.starts_at, p.name
      limit $6`,
    [
      clinicId,
      filter.date ?? null,
      filter.partOfDay ?? null,
      filter.excludeSlotId ?? null,
      filter.notBefore ?? null,
      filter.limit ?? 5,
    ],
  );
}

export type ClaimOutcome = "held" | "taken" | "not_found" | "in_past" | "call_ended";

export async function claimSlot(tx: Tx, slotId: string, callId: string, holdSeconds = 90) {
  return tx.one<{ outcome: ClaimOutcome; heldUntil: Date | null; startsAt: Date | null }>(
    `select r.outcome, r.held_until as "heldUntil", (select starts_at from public.slots where id = $1) as "startsAt"
       from public.claim_slot_atomic($1, $2, $3) r`,
    [slotId, callId, holdSeconds],
  );
}

export async function confirmBooking(
  tx: Tx,
  input: {
    slotId: string;
    callId: string;
    patientName: string;
    patientPhone: string | null;
    procedureId: string | null;
  },
) {
  return tx.one<{ outcome: "booked" | "hold_expired" | "not_held"; bookingId: string | null }>(
    `select outcome, booking_id as "bookingId" from public.confirm_booking_atomic($1, $2, $3, $4, $5)`,
    [input.slotId, input.callId, input.patientName, input.patientPhone, input.procedureId],
  );
}

export async function releaseSlotHold(
  tx: Tx,
  slotId: string,
  callId: string,
): Promise<"released" | "not_held"> {
  const row = await tx.one<{ outcome: "released" | "not_held" }>(
    "select public.release_slot_hold($1, $2) as outcome",
    [slotId, callId],
  );
  return row.outcome;
}

export async function releaseCallHolds(tx: Tx, callId: string): Promise<string[]> {
  const row = await tx.one<{ ids: string[] }>("select public.release_call_holds($1) as ids", [
    callId,
  ]);
  return row.ids;
}

export async function expireSlotHolds(tx: Tx): Promise<number> {
  const row = await tx.one<{ count: number }>("select public.expire_slot_holds() as count");
  return row.count;
}

export async function callHasBooking(tx: Tx, callId: string): Promise<boolean> {
  const row = await tx.maybeOne(
    "select 1 from public.bookings where call_id = $1 and status <> 'cancelled' limit 1",
    [callId],
  );
  return row !== null;
}
