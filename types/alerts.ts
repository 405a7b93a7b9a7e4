/** What needs the front desk in one clinic (issue 20, "Alerts"): counted by lib/db/alerts.ts, read by lib/alerts/counts.ts and the dashboard. */

/** A hold expiring within this many seconds is "about to expire" (holds last 90 s). */
export const HOLD_WARNING_SECONDS = 30;

/** A call being put through to the front desk right now. */
export interface RingingTransfer {
  callId: string;
  callerName: string | null;
  /** The last four digits of the caller's number ("" when unknown), as the board masks it. */
  callerLast4: string;
  urgency: "urgent" | "emergency" | null;
  /** The urgent signs recognised, as categories (bleeding, fever, ...); never the caller's words. */
  urgentSigns: string[];
}

export interface AlertCounts {
  /** Appointments awaiting confirmation that have not yet ended. */
  pendingBookings: number;
  /** Call-backs not yet marked done (each is owed from the moment it is opened). */
  dueCallbacks: number;
  /** Of those, urgent ones (post-operative concerns: call back first). */
  urgentCallbacks: number;
  /** Calls ringing through to the front desk right now (not those put through to the clinician on call). */
  transfers: RingingTransfer[];
  /** Holds of live calls that lapse within HOLD_WARNING_SECONDS. */
  holdsExpiring: number;
  /** When the newest pending booking was made (null: none pending). */
  newestPendingBookingAt: string | null;
  /** When the newest open urgent call-back was opened (null: none). */
  newestUrgentCallbackAt: string | null;
  /** The next moment a hold enters the warning window or lapses: the counts change then without any write. */
  nextChangeAt: string | null;
  /** The server's clock when counted. */
  serverTime: string;
}
