import "server-only";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";

import { getEnv } from "@/lib/env";
import { createClient } from "@/lib/supabase/server";

import { parseClaims, type Claims } from "./claims";
import { LOCAL_SESSION_COOKIE, verifyLocalSession } from "./local-session";
import { localSessionExpiry } from "./session-record";

/**
 * The one way server code learns who is asking: verified JWT claims, or null.
 * Supabase: `auth.getClaims()` (verifies the JWT signature). Local: our HS256 session cookie,
 * whose server-side session must still be good (not signed out, removed, banned or past 7 days).
 * Cached per request, so layouts, pages and actions share one verification.
 */
export const getSessionClaims = cache(async (): Promise<Claims | null> => {
  // Reading cookies first also marks every caller as dynamic: sessions are never prerendered.
  const cookieStore = await cookies();
  if (getEnv().AUTH_PROVIDER === "supabase") {
    const supabase = await createClient();
    const { data } = await supabase.auth.getClaims();
    return parseClaims(data?.claims);
  }
  const claims = await verifyLocalSession(cookieStore.get(LOCAL_SESSION_COOKIE)?.value);
  if (!claims || !(await localSessionExpiry(claims))) return null;
  return claims;
});

/** Claims for pages that need a signed-in person; everyone else goes to the sign-in page. */
export async function requireClaims(): Promise<Claims> {
  const claims = await getSessionClaims();
  if (!claims) redirect("/login");
  return claims;
}
