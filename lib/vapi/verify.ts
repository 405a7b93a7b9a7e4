import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * Verifies a Vapi server message. Accepted credentials, in order:
 *   1. HMAC: `x-signature` = hex HMAC-SHA256 of `${x-timestamp}.${rawBody}` with the secret,
 *      `x-timestamp` in epoch seconds or milliseconds, within 5 minutes of now.
 *   2. Bearer: `Authorization: Bearer <secret>`, or the legacy `x-vapi-secret: <secret>`.
 * Comparisons are timing-safe. There is no switch that skips this.
 */
export const REPLAY_WINDOW_MS = 5 * 60 * 1000;

export type VerifyResult = { ok: true; method: "hmac" | "bearer" } | { ok: false; reason: string };

function safeEqual(a: string, b: string): boolean {
  // Hash first so the comparison takes the same time whatever the lengths.
  const left = createHash("sha256").update(a).digest();
  const right = createHash("sha256").update(b).digest();
  return timingSafeEqual(left, right);
}

export function timestampToMs(raw: string): number | null {
  if (!/^\d{9,16}(\.\d+)?$/.test(raw)) return null;
  const value = Number(raw);
  return value >= 1e12 ? value : value * 1000;
}

export function signVapiBody(secret: string, timestamp: string, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex");
}

export function verifyVapiRequest(
  headers: Headers,
  rawBody: string,
  secret: string | undefined,
  now = Date.now(),
): VerifyResult {
  if (!secret) return { ok: false, reason: "no webhook secret configured" };

  const signature = headers.get("x-signature");
  if (signature !== null) {
    const timestamp = headers.get("x-timestamp") ?? "";
    const at = timestampToMs(timestamp);
    if (at === null) return { ok: false, reason: "missing or malformed x-timestamp" };
    if (Math.abs(now - at) > REPLAY_WINDOW_MS)
      return { ok: false, reason: "timestamp outside the replay window" };
    const expected = signVapiBody(secret, timestamp, rawBody);
    const given = signature
      .trim()
      .toLowerCase()
      .replace(/^sha256=/, "");
    return safeEqual(given, expected)
      ? { ok: true, method: "hmac" }
      : { ok: false, reason: "bad signature" };
  }

  const authorization = headers.get("authorization");
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1] ?? headers.get("x-vapi-secret");
  if (bearer)
    return safeEqual(bearer.trim(), secret)
      ? { ok: true, method: "bearer" }
      : { ok: false, reason: "bad credential" };
  return { ok: false, reason: "no credential" };
}
