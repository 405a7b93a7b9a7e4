/**
 * What the follow-up worker asks of an SMS provider (lib/sms chooses one: the outbox, or Twilio
 * through lib/twilio/sms-sender.ts), and how a provider reports a failed send.
 */

export interface OutgoingSms {
  clinicId: string;
  followUpId: string | null;
  to: string;
  from: string;
  body: string;
  /** Where the provider reports delivery (Twilio statusCallback). */
  statusCallback?: string;
}

export interface SentSms {
  providerSid: string;
  status: string;
}

/** A failed send. `transient` failures are retried; 21610 means the number opted out. */
export class SmsError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    readonly code?: number,
    readonly status?: number,
  ) {
    super(message);
    this.name = "SmsError";
  }
  get optedOut() {
    return this.code === 21610;
  }
}

export interface RecentSms {
  providerSid: string;
  status: string;
  body: string;
  createdAt: Date;
}

export interface SmsSender {
  readonly provider: "twilio" | "outbox";
  send(message: OutgoingSms): Promise<SentSms>;
  /**
   * Texts already sent from `from` to `to` since `since`, newest first, for providers that can
   * tell: a retry asks before sending again, in case an earlier attempt was accepted but never
   * answered (a timeout, or a worker that died before recording it).
   */
  recent?(query: { to: string; from: string; since: Date }): Promise<RecentSms[]>;
}
