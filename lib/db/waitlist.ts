import "server-only";

import type { Col } from "./rows";
import type { Tx } from "./transaction";

/**
 * The waitlist: patients waiting for an earlier time for one of their appointments. Openings are
 * recorded and their offers planned by the database when a future time is freed
 * (supabase/migrations/20261201000760_waitlist.sql); the offers are texted by the reminders
 * worker and taken on the manage page.
 */

export type WaitlistSource = "call" | "link" | "staff";
export type JoinWaitlistOutcome = "waiting" | "already_waiting" | "not_found" | "not_allowed";

/** join_waitlist: one waiting entry per appointment, only for an upcoming live one. */
export async function joinWaitlist(
  tx: Tx,
  input: { clinicId: string; bookingId: string; source: WaitlistSource },
): Promise<JoinWaitlistOutcome> {
  // join_waitlist's result, computed in SQL.
  const row = await tx.one<{ outcome: JoinWaitlistOutcome }>(
    "select public.join_waitlist($1, $2, $3) as outcome",
    [input.clinicId, input.bookingId, input.source],
  );
  return row.outcome;
}

/** join_waitlist for a caller: only an appointment booked under the number they call from. */
export async function joinWaitlistByPhone(
  tx: Tx,
  input: { clinicId: string; bookingId: string; phone: string },
): Promise<JoinWaitlistOutcome> {
  // join_waitlist's result, computed in SQL.
  const row = await tx.one<{ outcome: JoinWaitlistOutcome }>(
    `select case when exists (select 1 from public.bookings b
                               where b.id = $2 and b.clinic_id = $1 and b.patient_phone = $3)
                 then public.join_waitlist($1, $2, 'call') else 'not_found' end as outcome`,
    [input.clinicId, input.bookingId, input.phone],
  );
  return row.outcome;
}

/** The patient asked to stop waiting; whether they were. */
export async function leaveWaitlist(tx: Tx, bookingId: string): Promise<boolean> {
  const rows = await tx.query(
    "update public.waitlist_entries set status = 'left' where booking_id = $1 and status = 'waiting' returning id",
    [bookingId],
  );
  return rows.length > 0;
}

/** Whether the appointment is on the waitlist. */
export async function isWaiting(tx: Tx, bookingId: string): Promise<boolean> {
  const row = await tx.maybeOne<{ id: Col<"waitlist_entries", "id"> }>(
    "select id from public.waitlist_entries where booking_id = $1 and status = 'waiting'",
    [bookingId],
  );
  return row !== null;
}

/**
 * Offers a waitlist opening on a manage link: a manage offer of the opening's time for the link's
 * appointment, until the time starts or `minutes` pass. Null when the opening is gone.
 */
export async function offerOpening(
  tx: Tx,
  input: { openingId: string; linkId: string; bookingId: string; minutes: number },
): Promise<string | null> {
  const row = await tx.maybeOne<{ id: Col<"manage_offers", "id"> }>(
    `insert into public.manage_offers (clinic_id, link_id, booking_id, appointment_type_id, practitioner_id, resource_id,
                                       starts_at, ends_at, occupied, expires_at, waitlist_opening_id)
     select o.clinic_id, $2, $3, o.appointment_type_id, o.practitioner_id, o.resource_id, o.starts_at, o.ends_at,
            o.occupied, least(o.starts_at, now() + make_interval(mins => $4)), o.id
       from public.waitlist_openings o where o.id = $1
     returning id`,
    [input.openingId, input.linkId, input.bookingId, input.minutes],
  );
  return row?.id ?? null;
}

/** A waitlist opening offered on this link that can still be taken: unexpired and still free. */
export interface OpeningOfferRow {
  offerId: Col<"manage_offers", "id">;
  openingId: Col<"waitlist_openings", "id">;
  startsAt: Col<"manage_offers", "starts_at">;
  endsAt: Col<"manage_offers", "ends_at">;
  practitioner: Col<"practitioners", "name">;
}

export function openingOffersOfLink(tx: Tx, linkId: string): Promise<OpeningOfferRow[]> {
  return tx.query<OpeningOfferRow>(
    `select m.id as "offerId", m.waitlist_opening_id as "openingId", m.starts_at as "startsAt",
            m.ends_at as "endsAt", p.name as practitioner
       from public.manage_offers m
       join public.practitioners p on p.id = m.practitioner_id
      where m.link_id = $1 and m.waitlist_opening_id is not null and m.expires_at > now() and m.starts_at > now()
        and public.waitlist_time_free(m.practitioner_id, m.resource_id, m.occupied)
      order by m.starts_at`,
    [linkId],
  );
}

/** The waitlist opening a manage offer is for, if it is one (read before the move deletes the offer). */
export async function openingOfOffer(tx: Tx, offerId: string): Promise<string | null> {
  const row = await tx.maybeOne<{ openingId: Col<"manage_offers", "waitlist_opening_id"> }>(
    `select waitlist_opening_id as "openingId" from public.manage_offers where id = $1`,
    [offerId],
  );
  return row?.openingId ?? null;
}

/** After the move onto an opening: who took it, and their waiting is over. */
export async function markOpeningTaken(
  tx: Tx,
  input: { openingId: string; bookingId: string },
): Promise<void> {
  await tx.query("select public.waitlist_offer_taken($1, $2)", [input.openingId, input.bookingId]);
}
