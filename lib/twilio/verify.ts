import twilio from "twilio";

import { getEnv } from "@/lib/env";
import { readBody } from "@/lib/api/body";

/**
 * Verifies X-Twilio-Signature with the official helper. Twilio signs the exact URL it called,
 * query string included, so that URL is rebuilt from APP_URL (the public origin: never the
 * request's host or scheme, which proxies rewrite) plus the request's own path and query.
 * The SDK also accepts the URL with or without the default port (:443/:80).
 *
 * `bodySHA256` in the query means Twilio signed a JSON body: the signature then covers the URL
 * alone and the body is checked against the hash, so such a request needs its raw body.
 */
export function verifyTwilioRequest(
  request: Request,
  params: Record<string, string>,
  rawBody?: string,
): boolean {
  const token = getEnv().TWILIO_AUTH_TOKEN;
  const signature = request.headers.get("x-twilio-signature");
  if (!token || !signature) return false;
  const { pathname, search } = new URL(request.url);
  const url = `${getEnv().APP_URL.replace(/\/$/, "")}${pathname}${search}`;
  if (new URLSearchParams(search).has("bodySHA256")) {
    return rawBody !== undefined && twilio.validateRequestWithBody(token, signature, url, rawBody);
  }
  return twilio.validateRequest(token, signature, url, params);
}

/** Twilio posts application/x-www-form-urlencoded; repeated keys keep their last value. */
export function formParams(raw: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(raw));
}

/**
 * A Twilio callback's form parameters if X-Twilio-Signature verifies, else null (answer 401).
 * Twilio's callbacks are small: more than 64 KiB is refused (413) before anything is read.
 */
export async function readTwilioForm(request: Request): Promise<Record<string, string> | null> {
  const raw = await readBody(request, 64 * 1024);
  const params = formParams(raw);
  return verifyTwilioRequest(request, params, raw) ? params : null;
}
