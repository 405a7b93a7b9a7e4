import { randomUUID } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";

import { getEnv } from "@/lib/env";
import type { AuthUser } from "@/lib/db/users";

import { parseClaims, type Claims } from "./claims";

/**
 * Embedded-default sessions: an HS256 JWT with Supabase's claim shape in an httpOnly cookie.
 * Verified locally on every request; re-issued by the proxy when half its life has passed.
 */
export const LOCAL_SESSION_COOKIE = "cw-session";
export const LOCAL_SESSION_SECONDS = 8 * 60 * 60;

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

export async function signLocalSession(
  user: LocalUser,
  sessionId: string = randomUUID(),
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
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
    .setExpirationTime(now + LOCAL_SESSION_SECONDS)
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

export function sessionCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: getEnv().APP_URL.startsWith("https://"),
    path: "/",
    maxAge: LOCAL_SESSION_SECONDS,
  };
}
