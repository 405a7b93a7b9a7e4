import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";

import { SmsError, type OutgoingSms, type SentSms, type SmsSender } from "@/types/sms";

/** Sends every Twilio API request to `baseUrl` instead (local HTTP doubles in tests). */
class RedirectingRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string,
    timeout: number,
  ) {
    super({ timeout });
  }
  request<TData>(options: RequestClient.RequestOptions<TData>) {
    const target = new URL(options.uri);
    const base = new URL(this.baseUrl);
    target.protocol = base.protocol;
    target.host = base.host;
    return super.request<TData>({ ...options, uri: target.href });
  }
}

/** Production SMS through the official Twilio SDK, with a status callback for delivery reports. */
export function createTwilioSender(options: {
  accountSid: string;
  authToken: string;
  baseUrl?: string;
  timeoutMs?: number;
}): SmsSender {
  const timeout = options.timeoutMs ?? 10_000;
  const client = twilio(options.accountSid, options.authToken, {
    timeout,
    ...(options.baseUrl
      ? { httpClient: new RedirectingRequestClient(options.baseUrl, timeout) }
      : {}),
  });
  return {
    provider: "twilio",
    async send(message: OutgoingSms): Promise<SentSms> {
      try {
        const sent = await client.messages.create({
          to: message.to,
          from: message.from,
          body: message.body,
          ...(message.statusCallback ? { statusCallback: message.statusCallback } : {}),
        });
        return { providerSid: sent.sid, status: sent.status };
      } catch (error) {
        const status = (error as { status?: number }).status;
        const code = (error as { code?: number | string }).code;
        const numeric = typeof code === "number" ? code : undefined;
        // No status: the request never got an answer (timeout, connection refused).
        const transient = status === undefined || status === 429 || status >= 500;
        throw new SmsError(
          `Twilio ${status ?? "unreachable"}${numeric ? ` (error ${numeric})` : ""}`,
          transient,
          numeric,
          status,
        );
      }
    },
    async recent({ to, from, since }) {
      try {
        // Newest first; a retry looks back over minutes, so one page is plenty.
        const messages = await client.messages.list({ to, from, limit: 20 });
        return messages
          .filter((message) => message.dateCreated >= since)
          .map((message) => ({
            providerSid: message.sid,
            status: message.status,
            body: message.body,
            createdAt: message.dateCreated,
          }));
      } catch (error) {
        const status = (error as { status?: number }).status;
        throw new SmsError(
          `Twilio ${status ?? "unreachable"} (looking for an earlier attempt)`,
          true,
          undefined,
          status,
        );
      }
    },
  };
}
