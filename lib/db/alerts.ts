import "server-only";

import type { AlertCounts, RingingTransfer } from "@/types/alerts";

import type { Col } from "./rows";
import type { Tx } from "./transaction";

/**
 * What needs the front desk in one clinic, in one query, as the person `tx` runs as (RLS on
 * bookings, callback_tasks, calls and reservations decides): pending bookings not yet over,
 * open call-backs (and how many are urgent), calls ringing through to the front desk (not those
 * put through to the clinician on call), and holds of
 * live calls lapsing within `warningSeconds`, with the next moment a hold's countdown changes
 * that (nothing is written then, so nothing is broadcast: the browser reloads at that moment).
 */
export async function countAlerts(
  tx: Tx,
  clinicId: string,
  warningSeconds: number,
): Promise<AlertCounts> {
  const row = await tx.one<{
    // counts and json aggregates: computed, no column to point at
    pendingBookings: number;
    newestPendingBookingAt: Col<"bookings", "created_at"> | null;
    dueCallbacks: number;
    urgentCallbacks: number;
    newestUrgentCallbackAt: Col<"callback_tasks", "created_at"> | null;
    transfers: RingingTransfer[];
    holdsExpiring: number;
    nextChangeAt: Date | null;
    serverTime: Date;
  }>(
    `with bookings as (
       select count(*)::int as n, max(b.created_at) as newest
         from public.bookings b
        where b.clinic_id = $1 and b.status = 'pending' and (b.ends_at is null or b.ends_at > now())),
     callbacks as (
       select count(*)::int as n,
              (count(*) filter (where t.urgency = 'urgent'))::int as urgent,
              max(t.created_at) filter (where t.urgency = 'urgent') as newest_urgent
         from public.callback_tasks t
        where t.clinic_id = $1 and t.done_at is null),
     transfers as (
       select coalesce(jsonb_agg(jsonb_build_object(
                'callId', c.id, 'callerName', c.caller_name,
                'callerLast4', coalesce(right(c.caller_number, 4), ''), 'urgency', c.urgency,
                'urgentSigns', to_jsonb(c.urgent_signs))
              order by c.updated_at, c.id), '[]'::jsonb) as list
         from public.calls c
        where c.clinic_id = $1 and c.state = 'transferring'
          and coalesce(c.transfer_target, 'front_desk') = 'front_desk'),
     holds as (
       select (count(*) filter (where r.held_until <= now() + make_interval(secs => $2)))::int as expiring,
              least(min(r.held_until - make_interval(secs => $2)) filter (where r.held_until - make_interval(secs => $2) > now()),
                    min(r.held_until)) as next_change
         from public.reservations r
        where r.clinic_id = $1 and r.kind = 'hold' and r.held_until > now())
     select bookings.n as "pendingBookings", bookings.newest as "newestPendingBookingAt",
            callbacks.n as "dueCallbacks", callbacks.urgent as "urgentCallbacks",
            callbacks.newest_urgent as "newestUrgentCallbackAt",
            transfers.list as transfers, holds.expiring as "holdsExpiring",
            holds.next_change as "nextChangeAt", now() as "serverTime"
       from bookings, callbacks, transfers, holds`,
    [clinicId, warningSeconds],
  );
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  return {
    pendingBookings: row.pendingBookings,
    dueCallbacks: row.dueCallbacks,
    urgentCallbacks: row.urgentCallbacks,
    transfers: row.transfers,
    holdsExpiring: row.holdsExpiring,
    newestPendingBookingAt: iso(row.newestPendingBookingAt),
    newestUrgentCallbackAt: iso(row.newestUrgentCallbackAt),
    nextChangeAt: iso(row.nextChangeAt),
    serverTime: row.serverTime.toISOString(),
  };
}

export interface AlertPreferences {
  sound: Col<"staff_alert_preferences", "sound">;
  notifications: Col<"staff_alert_preferences", "notifications">;
}

/** The signed-in person's choices in this clinic; both off when they never chose. */
export async function getAlertPreferences(tx: Tx, clinicId: string): Promise<AlertPreferences> {
  const row = await tx.maybeOne<AlertPreferences>(
    `select sound, notifications from public.staff_alert_preferences
      where clinic_id = $1 and user_id = (select auth.uid())`,
    [clinicId],
  );
  return row ?? { sound: false, notifications: false };
}

/** Saves the signed-in person's choices in this clinic (RLS: their own row, a clinic they belong to). */
export async function saveAlertPreferences(
  tx: Tx,
  clinicId: string,
  preferences: AlertPreferences,
): Promise<AlertPreferences> {
  return tx.one<AlertPreferences>(
    `insert into public.staff_alert_preferences (clinic_id, user_id, sound, notifications)
     values ($1, (select auth.uid()), $2, $3)
     on conflict (clinic_id, user_id) do update set sound = excluded.sound, notifications = excluded.notifications
     returning sound, notifications`,
    [clinicId, preferences.sound, preferences.notifications],
  );
}
