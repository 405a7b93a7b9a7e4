/**
 * Security headers for every page (proxy.ts): a Content Security Policy whose scripts must carry
 * this request's nonce (Next.js reads it from the request's CSP header and puts it on its own
 * scripts: node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md), no framing,
 * no MIME sniffing, HSTS in production, and no referrer at all from patients' pages, whose URLs
 * carry their link's token.
 */

export interface PageHeaderOptions {
  nonce: string;
  /** next dev: React needs eval for its debugging aids. */
  development: boolean;
  /** APP_URL is https: upgrade stray http requests, and (in production) HSTS. */
  https: boolean;
  production: boolean;
  /** Origins the browser talks to besides ours (Supabase Auth and Realtime). */
  connectOrigins: readonly string[];
  /** /a/… and /m/…: a patient's link page. */
  patientPage: boolean;
}

/** A fresh, unguessable nonce per request (128 bits). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The browser-facing origins of a Supabase project URL (https and its Realtime websocket). */
export function supabaseOrigins(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const origin = new URL(url);
    const socket = new URL(origin.origin);
    socket.protocol = origin.protocol === "https:" ? "wss:" : "ws:";
    return [origin.origin, socket.origin];
  } catch {
    return [];
  }
}

export function contentSecurityPolicy(options: PageHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    // Style attributes (charts, the calendar) cannot carry a nonce; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src ${["'self'", ...options.connectOrigins].join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export function pageSecurityHeaders(options: PageHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": options.patientPage ? "no-referrer" : "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  };
  if (options.production && options.https)
    headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}
