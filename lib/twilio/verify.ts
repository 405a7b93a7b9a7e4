import twilio from "twilio";

import { getEnv } from "@/lib/env";

/**
 * Verifies X-Twilio-Signature with the official helper. The URL must be the public URL Twilio
 * called, so it is built from APP_URL, never from the request (proxies rewrite host and scheme).
 */
export function verifyTwilioRequest(pathname: string, signature: string | null, params: Record<string, string>): boolean {
  const token = getEnv().TWILIO_AUTH_TOKEN;
  if (!token || !signature) return false;
  const url = `${getEnv().APP_URL.replace(/\/$/, "")}${pathname}`;
  return twilio.validateRequest(token, signature, url, params);
}

/** Twilio posts application/x-www-form-urlencoded; repeated keys keep their last value. */
export function formParams(raw: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(raw));
}
