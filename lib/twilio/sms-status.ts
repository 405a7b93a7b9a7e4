/**
 * Outbound message statuses Twilio reports in status callbacks, in lifecycle order. Callbacks
 * can arrive late, twice or out of order; a status only ever moves forward:
 *   scheduled → accepted → queued → sending → sent → delivered → read
 * and a message ends in exactly one final status: read (after delivered, on channels with read
 * receipts), undelivered, failed, or canceled (a scheduled message cancelled before it went).
 * delivered is final except that read may still follow it.
 */
export const SMS_STATUSES = [
  "scheduled",
  "accepted",
  "queued",
  "sending",
  "sent",
  "delivered",
  "undelivered",
  "failed",
  "canceled",
  "read",
] as const;
export type SmsStatus = (typeof SMS_STATUSES)[number];

const RANK: Record<SmsStatus, number> = {
  scheduled: 0,
  accepted: 1,
  queued: 2,
  sending: 3,
  sent: 4,
  delivered: 5,
  undelivered: 5,
  failed: 5,
  canceled: 5,
  read: 6,
};

const FINAL: ReadonlySet<SmsStatus> = new Set(["read", "undelivered", "failed", "canceled"]);

/** Statuses we track. Others Twilio may report (receiving, received, partially_delivered) are acknowledged and ignored. */
export function isSmsStatus(value: string): value is SmsStatus {
  return (SMS_STATUSES as readonly string[]).includes(value);
}

export function isFinalSmsStatus(status: string): boolean {
  return isSmsStatus(status) && FINAL.has(status);
}

/** Whether a message showing `from` may be moved to `to` by a status callback. */
export function canAdvanceSmsStatus(from: string, to: string): boolean {
  if (!isSmsStatus(from) || !isSmsStatus(to) || FINAL.has(from)) return false;
  return RANK[to] > RANK[from];
}

/** Every status a message may be in for a callback reporting `to` to apply (for one atomic UPDATE). */
export function statusesBefore(to: SmsStatus): SmsStatus[] {
  return SMS_STATUSES.filter((from) => canAdvanceSmsStatus(from, to));
}
