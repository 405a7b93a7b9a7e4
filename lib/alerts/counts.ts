/**
 * What needs the front desk, as the sidebar, the tab title and the notifications read it
 * (issue 20, "Alerts"). The database counts (lib/db/alerts.ts); this file is the pure logic
 * around the counts, client-safe: totals, the words for each badge, the tab title, when to
 * reload for a hold's countdown, and what is new since the last load.
 */

import type { AlertCounts, RingingTransfer } from "@/types/alerts";
import { formatMaskedPhone } from "@/lib/format";

export type { AlertCounts, RingingTransfer };

/** Everything counted, for the tab title. */
export function alertTotal(counts: AlertCounts): number {
  return (
    counts.pendingBookings + counts.dueCallbacks + counts.transfers.length + counts.holdsExpiring
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The kinds of badge the sidebar shows, in the order they appear. */
export type AlertBadgeKind = "transfers" | "holds" | "bookings" | "callbacks";

export interface AlertBadge {
  kind: AlertBadgeKind;
  count: number;
  /** What a screen reader says: words, never a bare number. */
  label: string;
  tone: "danger" | "warning" | "primary";
}

/** The badges for one nav item: Live calls carries transfers and holds, Bookings the rest. Zero counts are left out. */
export function alertBadges(counts: AlertCounts, kinds: readonly AlertBadgeKind[]): AlertBadge[] {
  const all: Record<AlertBadgeKind, Omit<AlertBadge, "kind">> = {
    transfers: {
      count: counts.transfers.length,
      label: `${plural(counts.transfers.length, "transfer", "transfers")} ringing: pick up the front-desk phone`,
      tone: "danger",
    },
    holds: {
      count: counts.holdsExpiring,
      label: `${plural(counts.holdsExpiring, "held time", "held times")} about to expire`,
      tone: "warning",
    },
    bookings: {
      count: counts.pendingBookings,
      label: `${plural(counts.pendingBookings, "booking", "bookings")} waiting for confirmation`,
      tone: "primary",
    },
    callbacks: {
      count: counts.dueCallbacks,
      label:
        counts.urgentCallbacks > 0
          ? `${plural(counts.dueCallbacks, "call-back", "call-backs")} due, ${counts.urgentCallbacks} urgent`
          : `${plural(counts.dueCallbacks, "call-back", "call-backs")} due`,
      tone: counts.urgentCallbacks > 0 ? "danger" : "primary",
    },
  };
  return kinds.filter((kind) => all[kind].count > 0).map((kind) => ({ kind, ...all[kind] }));
}

/** "99+" above 99: a badge stays narrow. */
export const badgeText = (count: number) => (count > 99 ? "99+" : String(count));

const COUNT_PREFIX = /^\(\d+\+?\)\s+/;

/** The tab title with the total in front ("(3) Live calls · CallWaiting AI"); the bare title at zero. */
export function titleWithCount(title: string, total: number): string {
  const bare = title.replace(COUNT_PREFIX, "");
  return total > 0 ? `(${badgeText(total)}) ${bare}` : bare;
}

/**
 * How long to wait before reloading the counts because a hold's countdown moves them: from the
 * server's own clock to `nextChangeAt`, plus a moment so the server sees the change. Null: no
 * hold is counting down.
 */
export function reloadDelayMs(counts: AlertCounts, marginMs = 250): number | null {
  if (!counts.nextChangeAt) return null;
  const delay = Date.parse(counts.nextChangeAt) - Date.parse(counts.serverTime);
  if (Number.isNaN(delay)) return null;
  return Math.max(0, delay) + marginMs;
}

/** Something that appeared since the previous load and may deserve a sound or a notification. */
export type Arrival =
  | { kind: "transfer"; transfer: RingingTransfer }
  | { kind: "urgent-callback" }
  | { kind: "pending-booking" };

const later = (next: string | null, previous: string | null) =>
  next !== null && (previous === null || Date.parse(next) > Date.parse(previous));

/**
 * What is new in `next` compared with `previous`: each transfer not ringing before, and a newer
 * urgent call-back or pending booking than the newest one seen. The first load (no previous)
 * announces nothing: what was already there when the page opened is not news.
 */
export function arrivals(previous: AlertCounts | null, next: AlertCounts): Arrival[] {
  if (!previous) return [];
  const ringing = new Set(previous.transfers.map((transfer) => transfer.callId));
  const found: Arrival[] = next.transfers
    .filter((transfer) => !ringing.has(transfer.callId))
    .map((transfer) => ({ kind: "transfer", transfer }));
  if (later(next.newestUrgentCallbackAt, previous.newestUrgentCallbackAt))
    found.push({ kind: "urgent-callback" });
  if (later(next.newestPendingBookingAt, previous.newestPendingBookingAt))
    found.push({ kind: "pending-booking" });
  return found;
}

/** Who is calling, as the board shows it: the name given, else the masked number. */
export function callerLabel(call: { callerName: string | null; callerLast4: string }): string {
  return (
    call.callerName ?? (call.callerLast4 ? formatMaskedPhone(call.callerLast4) : "Unknown caller")
  );
}

/** A notification's title and body for an arrival, in the front desk's words. */
export function arrivalMessage(arrival: Arrival): { title: string; body: string } {
  switch (arrival.kind) {
    case "transfer":
      return {
        title: `Transfer: ${callerLabel(arrival.transfer)}`,
        body: "Pick up the front-desk phone.",
      };
    case "urgent-callback":
      return { title: "Urgent call-back", body: "A caller needs calling back first." };
    case "pending-booking":
      return { title: "New booking", body: "A booking is waiting for confirmation." };
  }
}
