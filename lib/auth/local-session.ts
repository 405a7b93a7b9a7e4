import { createHash, randomBytes } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";

import { getEnv } from "@/lib/env";
import type { AuthUser } from "@/lib/db/users";

import { parseClaims, type Claims } from "./claims";

/**
 * Embedded-default sessions: an HS256 JWT with Supabase's claim shape in an httpOnly cookie,
 * naming a server-side session (`session_id`, a random secret; `private.local_sessions` keeps
 * only its SHA-256). The signature is verified here; lib/auth/service.ts checks the record on
 * every request (revoked on sign-out, removal and ban). The proxy re-issues the token when half
 * its 8 hours have passed, never past the session's absolute lifetime of 7 days.
 */
export const LOCAL_SESSION_COOKIE = "cw-session";
export const LOCAL_SESSION_SECONDS = 8 * 60 * 60;
export const LOCAL_SESSION_ABSOLUTE_SECONDS = 7 * 24 * 60 * 60;

/** A new session's secret id (256 random bits). */
export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps of a session id. */
export function hashSessionId(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("hex");
}

function key() {
  const secret = getEnv().AUTH_JWT_SECRET;
  if (!secret) throw new Error("AUTH_JWT_SECRET is not set");
  return new TextEncoder().encode(secret);
}

function issuer() {
  return `${getEnv().APP_URL.replace(/\/$/, "")}/auth/v1`;
}

/** Who a local session is for: the staff member auth.users holds. */
export type LocalUser = AuthUser;

/** A token for `sessionId`, valid 8 hours but never past `sessionExpiresAt` (the absolute lifetime). */
export async function signLocalSession(
  user: LocalUser,
  sessionId: string,
  sessionExpiresAt?: Date,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const absolute = sessionExpiresAt
    ? Math.floor(sessionExpiresAt.getTime() / 1000)
    : Number.POSITIVE_INFINITY;
  return new SignJWT({
    email: user.email,
    role: "authenticated",
    aal: "aal1",
    amr: [{ method: "password", timestamp: now }],
    session_id: sessionId,
    is_anonymous: false,
    app_metadata: user.appMetadata,
    user_metadata: user.userMetadata,
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(user.id)
    .setAudience("authenticated")
    .setIssuer(issuer())
    .setIssuedAt(now)
    .setExpirationTime(Math.min(now + LOCAL_SESSION_SECONDS, absolute))
    .sign(key());
}

/** Verified claims, or null for a missing, forged, expired or malformed token. */
export async function verifyLocalSession(token: string | undefined): Promise<Claims | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key(), {
      algorithms: ["HS256"],
      audience: "authenticated",
      issuer: issuer(),
    });
    return parseClaims(payload);
  } catch {
    return null;
  }
}

/** True when the session is past half its lifetime and should be re-issued. */
export function shouldRefresh(claims: Claims, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  return claims.exp - nowSeconds < LOCAL_SESSION_SECONDS / 2;
}

export function sessionCookieOptions(maxAge: number = LOCAL_SESSION_SECONDS) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: getEnv().APP_URL.startsWith("https://"),
    path: "/",
    maxAge: Math.max(0, Math.floor(maxAge)),
  };
}
