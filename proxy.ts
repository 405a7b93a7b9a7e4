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
import { newNonce, pageSecurityHeaders, supabaseOrigins } from "@/lib/security/headers";
import { updateSession } from "@/lib/supabase/proxy";

/**
 * Every page gets the security headers (CSP with a per-request nonce, lib/security/headers.ts).
 * Staff pages also keep sessions fresh and send signed-out visitors to /login. API routes and
 * webhooks are not matched; the patient link pages (/a, /m) get the headers but authenticate
 * themselves.
 */
/** Next's default server-action body limit; uploads go to route handlers (lib/aftercare/upload.ts). */
const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // Next refuses a larger action body too, but with a 500: say what is wrong instead.
  if (
    request.method === "POST" &&
    request.headers.has("next-action") &&
    Number(request.headers.get("content-length") ?? 0) > SERVER_ACTION_BODY_LIMIT
  )
    return NextResponse.json(
      { error: "That form is too large to send (over 1 MB). Remove some text and try again." },
      { status: 413 },
    );
  const env = getEnv();
  const appUrlIsHttps = env.APP_URL.startsWith("https:");
  const patientPage = /^\/(a|m)\//.test(pathname);
  const nonce = newNonce();
  const headers = pageSecurityHeaders({
    nonce,
    development: env.NODE_ENV === "development",
    https: appUrlIsHttps,
    production: env.NODE_ENV === "production",
    connectOrigins: supabaseOrigins(env.NEXT_PUBLIC_SUPABASE_URL),
    patientPage,
  });
  // Next.js reads the nonce from the request's CSP header and puts it on its scripts.
  request.headers.set("x-nonce", nonce);
  request.headers.set("content-security-policy", headers["Content-Security-Policy"]!);
  const response = patientPage ? NextResponse.next({ request }) : await staffPage(request);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

async function staffPage(request: NextRequest): Promise<NextResponse> {
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
    // The app icons and the web manifest are public (a phone asks for them signed out).
    "/((?!api/|_next/static|_next/image|favicon.ico|apple-icon$|manifest\\.webmanifest$|.*\\.(?:svg|png|jpg|jpeg|gif|webp|pdf)$).*)",
  ],
};
