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

export interface SmsSender {
  readonly provider: "twilio" | "outbox";
  send(message: OutgoingSms): Promise<SentSms>;
}
