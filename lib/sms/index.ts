import "server-only";

import { getEnv } from "@/lib/env";
import type { SmsSender } from "@/types/sms";
import { createTwilioSender } from "@/lib/twilio/sms-sender";

/** The outbox records messages and "delivers" them at once; the dashboard shows them like a phone. */
const outbox: SmsSender = {
  provider: "outbox",
  async send() {
    return { providerSid: `OB${crypto.randomUUID().replace(/-/g, "")}`, status: "delivered" };
  },
};

let cached: SmsSender | undefined;
export function getSmsSender(): SmsSender {
  if (cached) return cached;
  const env = getEnv();
  if (env.SMS_PROVIDER === "twilio") {
    if (!env.TWILIO_ACCOUNT_SID || !env.TWILIO_AUTH_TOKEN)
      throw new Error("SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN");
    cached = createTwilioSender({
      accountSid: env.TWILIO_ACCOUNT_SID,
      authToken: env.TWILIO_AUTH_TOKEN,
      baseUrl: env.TWILIO_API_BASE_URL,
      timeoutMs: env.TWILIO_TIMEOUT_MS,
    });
  } else {
    cached = outbox;
  }
  return cached;
}
