import { randomBytes } from "node:crypto";
import type { Client } from "pg";
import twilio from "twilio";
import { inject } from "vitest";

import type { TwilioDoubleMessage, TwilioMode } from "../doubles/twilio";
import { CRON_SECRET, TWILIO_AUTH_TOKEN } from "../integration/global-setup";

export async function twilioMode(mode: TwilioMode) {
  await fetch(`${inject("twilioUrl")}/__mode`, { method: "POST", body: JSON.stringify({ mode }) });
}

export async function textsTo(number: string): Promise<TwilioDoubleMessage[]> {
  const all: TwilioDoubleMessage[] = await (
    await fetch(`${inject("twilioUrl")}/__messages`)
  ).json();
  return all.filter((message) => message.to === number);
}

/** One pass of the follow-up worker, as the cron route runs it. */
export async function runWorker() {
  const response = await fetch(`${inject("appUrl")}/api/cron/follow-ups`, {
    headers: { authorization: `Bearer ${CRON_SECRET}` },
  });
  return response.json();
}

/** Polls `check` until `ok` or the deadline and returns the last value, for the caller's assertion to report. */
export async function waitFor<T>(
  check: () => Promise<T>,
  ok: (value: T) => boolean,
  options: { timeoutMs?: number; between?: () => Promise<unknown> } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    const value = await check();
    if (ok(value) || Date.now() > deadline) return value;
    await options.between?.();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** waitFor on the shared server, running a worker pass between checks. */
export function eventually<T>(
  check: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  return waitFor(check, ok, { timeoutMs, between: runWorker });
}

export function followUpsOf(db: Client, vapiCallId: string) {
  return db
    .query<{
      kind: string;
      status: string;
      attempts: number;
      skip_reason: string | null;
      last_error: string | null;
      sent_lag_s: number | null;
    }>(
      `select f.kind, f.status, f.attempts, f.skip_reason, f.last_error, extract(epoch from (f.sent_at - c.ended_at))::float as sent_lag_s
         from public.follow_ups f join public.calls c on c.id = f.call_id where c.vapi_call_id = $1 order by f.created_at`,
      [vapiCallId],
    )
    .then((result) => result.rows);
}

/** A Twilio-signed inbound SMS to the clinic's number; each is a new message (its own MessageSid). */
export function inboundSms(from: string, body: string) {
  const url = `${inject("appUrl")}/api/webhooks/twilio/inbound-sms`;
  const params = {
    From: from,
    To: "+15555550199",
    Body: body,
    MessageSid: `SM${randomBytes(16).toString("hex")}`,
  };
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilio.getExpectedTwilioSignature(TWILIO_AUTH_TOKEN, url, params),
    },
    body: new URLSearchParams(params).toString(),
  });
}

/** A Twilio-signed delivery report for `sid`, as Twilio (re)sends them. */
export async function statusCallback(
  sid: string,
  status: string,
): Promise<{ ok?: boolean; duplicate?: boolean }> {
  const url = `${inject("appUrl")}/api/webhooks/twilio/sms-status`;
  const params = { MessageSid: sid, MessageStatus: status, AccountSid: `AC${"0".repeat(32)}` };
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilio.getExpectedTwilioSignature(TWILIO_AUTH_TOKEN, url, params),
    },
    body: new URLSearchParams(params).toString(),
  });
  return response.json();
}
