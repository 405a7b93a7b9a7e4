import { createHash, createHmac, timingSafeEqual } from "node:crypto";

import { REPLAY_WINDOW_MS, timestampToMs } from "@/lib/vapi/verify";

/**
 * The internal webhook to the follow-up agent is signed like Vapi's HMAC credential:
 * hex HMAC-SHA256 of `${timestamp}.${body}`, timestamp within five minutes.
 */
export const SIGNATURE_HEADER = "x-callwaiting-signature";
export const TIMESTAMP_HEADER = "x-callwaiting-timestamp";

export function signAgentRequest(secret: string, body: string, now = Date.now()) {
  const timestamp = String(now);
  return {
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex"),
  };
}

export function verifyAgentRequest(
  headers: Headers,
  body: string,
  secret: string | undefined,
  now = Date.now(),
): boolean {
  const timestamp = headers.get(TIMESTAMP_HEADER) ?? "";
  const signature = headers.get(SIGNATURE_HEADER) ?? "";
  const at = timestampToMs(timestamp);
  if (!secret || at === null || Math.abs(now - at) > REPLAY_WINDOW_MS) return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(signature.toLowerCase()), digest(expected));
}
