import { SignJWT } from "jose";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { resetEnvCache } from "@/lib/env";
import {
  hashSessionId,
  LOCAL_SESSION_SECONDS,
  newSessionId,
  shouldRefresh,
  signLocalSession,
  verifyLocalSession,
} from "@/lib/auth/local-session";

const user = {
  id: "a11ce000-0000-4000-8000-000000000001",
  email: "admin@harbour-aesthetics.test",
  appMetadata: { provider: "email" },
  userMetadata: { full_name: "Olivia Grant" },
};

beforeEach(() => {
  process.env.DATABASE_URL = "postgres://localhost:5432/test";
  process.env.AUTH_JWT_SECRET = "a".repeat(40);
  process.env.APP_URL = "http://localhost:3000";
  resetEnvCache();
});
afterEach(() => resetEnvCache());

describe("local sessions", () => {
  it("round-trips Supabase-shaped claims", async () => {
    const claims = await verifyLocalSession(await signLocalSession(user, "session-1"));
    expect(claims).toMatchObject({
      sub: user.id,
      role: "authenticated",
      aud: "authenticated",
      email: user.email,
      session_id: "session-1",
      iss: "http://localhost:3000/auth/v1",
      app_metadata: { provider: "email" },
      user_metadata: { full_name: "Olivia Grant" },
    });
    expect(claims!.exp - claims!.iat).toBe(LOCAL_SESSION_SECONDS);
  });

  it.each([
    ["missing", undefined],
    ["garbage", "not.a.jwt"],
    ["unsigned (alg none)", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."],
  ])("rejects a %s token", async (_label, token) => {
    expect(await verifyLocalSession(token)).toBeNull();
  });

  it("rejects a token signed with another secret", async () => {
    const token = await signLocalSession(user, "session-1");
    process.env.AUTH_JWT_SECRET = "b".repeat(40);
    resetEnvCache();
    expect(await verifyLocalSession(token)).toBeNull();
  });

  it("rejects a tampered payload", async () => {
    const [header, , signature] = (await signLocalSession(user, "session-1")).split(".");
    const forged = Buffer.from(JSON.stringify({ sub: user.id, role: "authenticated" })).toString(
      "base64url",
    );
    expect(await verifyLocalSession(`${header}.${forged}.${signature}`)).toBeNull();
  });

  it("rejects an expired token and one with the wrong audience or role", async () => {
    const key = new TextEncoder().encode("a".repeat(40));
    const now = Math.floor(Date.now() / 1000);
    const base = () =>
      new SignJWT({ role: "authenticated" })
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(user.id)
        .setIssuer("http://localhost:3000/auth/v1");
    const expired = await base()
      .setAudience("authenticated")
      .setIssuedAt(now - 100)
      .setExpirationTime(now - 10)
      .sign(key);
    const wrongAudience = await base()
      .setAudience("anon")
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(key);
    const serviceRole = await new SignJWT({ role: "service_role" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(user.id)
      .setIssuer("http://localhost:3000/auth/v1")
      .setAudience("authenticated")
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(key);
    for (const token of [expired, wrongAudience, serviceRole])
      expect(await verifyLocalSession(token)).toBeNull();
  });

  it("never issues a token past the session's absolute end", async () => {
    const end = new Date(Date.now() + 60 * 60 * 1000);
    const claims = (await verifyLocalSession(await signLocalSession(user, "session-1", end)))!;
    expect(claims.exp).toBe(Math.floor(end.getTime() / 1000));
    const past = new Date(Date.now() - 1000);
    expect(await verifyLocalSession(await signLocalSession(user, "session-1", past))).toBeNull();
  });

  it("keeps only a hash of the session id, and makes ids no one can guess", () => {
    const id = newSessionId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSessionId()).not.toBe(id);
    expect(hashSessionId(id)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionId(id)).not.toContain(id);
  });

  it("asks for a refresh once half the session has passed", async () => {
    const claims = (await verifyLocalSession(await signLocalSession(user, "session-1")))!;
    expect(shouldRefresh(claims, claims.iat + 60)).toBe(false);
    expect(shouldRefresh(claims, claims.iat + LOCAL_SESSION_SECONDS / 2 + 1)).toBe(true);
  });
});
