import { NextResponse, type NextRequest } from "next/server";

import { getEnv } from "@/lib/env";
import { parseClaims, type Claims } from "@/lib/auth/claims";
import {
  LOCAL_SESSION_COOKIE,
  sessionCookieOptions,
  shouldRefresh,
  signLocalSession,
  verifyLocalSession,
} from "@/lib/auth/local-session";
import { localSessionExpiry } from "@/lib/auth/session-record";
import { updateSession } from "@/lib/supabase/proxy";

/**
 * Keeps sessions fresh and sends signed-out visitors to /login. Pages only: API routes,
 * webhooks and the patient link pages (/a, /m) authenticate themselves.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // The sign-in and sign-up pages and invitation links are for people without a session.
  const isLogin =
    pathname === "/login" || pathname === "/signup" || pathname.startsWith("/invite/");

  let response: NextResponse;
  let claims: Claims | null;
  if (getEnv().AUTH_PROVIDER === "supabase") {
    const session = await updateSession(request);
    response = session.response;
    claims = parseClaims(session.claims);
  } else {
    response = NextResponse.next({ request });
    claims = await verifyLocalSession(request.cookies.get(LOCAL_SESSION_COOKIE)?.value);
    if (claims && shouldRefresh(claims)) {
      // Re-issued only while the server-side session is good, and never past its absolute end.
      const sessionEnd = await localSessionExpiry(claims, true);
      if (!sessionEnd) {
        claims = null;
      } else if (sessionEnd.getTime() / 1000 > claims.exp && claims.session_id) {
        const token = await signLocalSession(
          {
            id: claims.sub,
            email: claims.email ?? "",
            appMetadata: claims.app_metadata,
            userMetadata: claims.user_metadata,
          },
          claims.session_id,
          sessionEnd,
        );
        response.cookies.set(LOCAL_SESSION_COOKIE, token, sessionCookieOptions());
      }
    }
  }

  if (!claims && !isLogin) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
    const redirect = NextResponse.redirect(url);
    // A token whose session has ended is worth nothing: drop it.
    if (request.cookies.has(LOCAL_SESSION_COOKIE)) redirect.cookies.delete(LOCAL_SESSION_COOKIE);
    return redirect;
  }
  // Pages carry session state: never let a shared cache keep one person's page for another.
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

export const config = {
  matcher: [
    "/((?!api/|a/|m/|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|pdf)$).*)",
  ],
};
