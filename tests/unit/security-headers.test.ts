import { describe, expect, it } from "vitest";

import {
  contentSecurityPolicy,
  newNonce,
  pageSecurityHeaders,
  supabaseOrigins,
} from "@/lib/security/headers";

const base = {
  nonce: "bm9uY2U=",
  development: false,
  https: true,
  production: true,
  connectOrigins: [],
  patientPage: false,
};

describe("security headers", () => {
  it("allows only scripts carrying the request's nonce, and no framing", () => {
    const csp = contentSecurityPolicy(base);
    expect(csp).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("upgrade-insecure-requests");
    expect(csp).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy({ ...base, development: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ ...base, https: false })).not.toContain("upgrade-insecure");
  });

  it("sends HSTS only from https production", () => {
    expect(pageSecurityHeaders(base)["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}/);
    expect(pageSecurityHeaders({ ...base, https: false })).not.toHaveProperty(
      "Strict-Transport-Security",
    );
    expect(pageSecurityHeaders({ ...base, production: false })).not.toHaveProperty(
      "Strict-Transport-Security",
    );
  });

  it("sends no referrer from patients' pages", () => {
    expect(pageSecurityHeaders({ ...base, patientPage: true })["Referrer-Policy"]).toBe(
      "no-referrer",
    );
    expect(pageSecurityHeaders(base)["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(pageSecurityHeaders(base)["X-Content-Type-Options"]).toBe("nosniff");
  });

  it("lets the browser reach Supabase Auth and Realtime when configured", () => {
    const origins = supabaseOrigins("https://abcd.supabase.co/");
    expect(origins).toEqual(["https://abcd.supabase.co", "wss://abcd.supabase.co"]);
    expect(contentSecurityPolicy({ ...base, connectOrigins: origins })).toContain(
      "connect-src 'self' https://abcd.supabase.co wss://abcd.supabase.co;",
    );
    expect(supabaseOrigins(undefined)).toEqual([]);
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
    expect(nonces.size).toBe(100);
    expect(atob([...nonces][0]!)).toHaveLength(16);
  });
});
