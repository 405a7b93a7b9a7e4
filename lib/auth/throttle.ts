import type { ThrottlePolicy } from "@/lib/db/local-sessions";

/**
 * Sign-in throttling for the embedded default (AUTH_PROVIDER=local; Supabase Auth rate-limits
 * its own). Failures are counted per account (the lower-case email, whether or not it exists, so
 * the answer says nothing about which addresses have accounts) and per client address, in
 * PostgreSQL, so a restart or a second instance does not reset them. Five failures for an
 * account (twenty from one address: a clinic's front desk shares one) are free; each further one
 * locks the key for 30 s, doubling, at most 15 minutes. While locked every attempt is refused
 * without checking the password, and does not count. An hour without failures forgets them.
 */
export const THROTTLE: ThrottlePolicy = {
  accountFree: 5,
  addressFree: 20,
  baseSeconds: 30,
  capSeconds: 15 * 60,
  forgetSeconds: 60 * 60,
};

/** "30 seconds", "1 minute", "4 minutes": how long until `until`, rounded up. */
export function waitFor(until: Date, now: Date = new Date()): string {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** The sentence a refused attempt shows. */
export function throttledMessage(until: Date, now: Date = new Date()): string {
  return `Too many failed sign-in attempts. Wait ${waitFor(until, now)} and try again.`;
}

/**
 * The client's address as the host reports it: the first `x-forwarded-for` entry (Vercel sets
 * the header itself; behind another proxy, make it overwrite the header), else `x-real-ip`.
 */
export function clientAddress(headers: Pick<Headers, "get">): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwarded || headers.get("x-real-ip")?.trim() || "unknown";
  return address.slice(0, 254);
}
