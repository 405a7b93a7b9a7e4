/**
 * A local double of Supabase Auth (GoTrue) speaking its documented HTTP protocol, for testing
 * the production sign-in path (`@supabase/ssr` + `auth.getClaims()`) without the internet.
 * Like a new Supabase project it signs access tokens with an asymmetric key (ES256, with a
 * `kid`) and publishes it at /auth/v1/.well-known/jwks.json, so getClaims verifies locally.
 *
 *   tsx tests/doubles/supabase-auth.ts --port 54421
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import { parseArgs } from "node:util";
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWK } from "jose";

import { SEEDED_STAFF } from "../../scripts/lib/database";

export const SEEDED_USER_IDS: Record<string, string> = {
  "admin@harbour-aesthetics.test": "a11ce000-0000-4000-8000-000000000001",
  "reception@harbour-aesthetics.test": "a11ce000-0000-4000-8000-000000000002",
};

interface Session {
  userId: string;
  email: string;
}

/** An invitation the double received at POST /auth/v1/invite. */
export interface InviteRequest {
  email: string;
  data?: Record<string, unknown>;
  redirectTo: string | null;
  authorization: string | undefined;
  apikey: string | undefined;
}

export interface SupabaseAuthDoubleOptions {
  /**
   * The service-role key the admin endpoints accept (GoTrue checks the Bearer token is a
   * service_role JWT; the double compares it with this value).
   */
  serviceRoleKey?: string;
  /**
   * Called for each invitation to a new address with the user id the double made; GoTrue writes
   * the user into its own auth.users, so a test with a database writes it there.
   */
  onInvite?: (user: { id: string; email: string }) => Promise<void>;
  /** Addresses that already have an account (answered 422 email_exists, as GoTrue does). */
  existingEmails?: Set<string>;
}

export async function startSupabaseAuthDouble(
  port: number,
  options: SupabaseAuthDoubleOptions = {},
) {
  const { privateKey, publicKey } = await generateKeyPair("ES256");
  const kid = randomUUID();
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" };
  const issuer = `http://127.0.0.1:${port}/auth/v1`;
  const refreshTokens = new Map<string, Session>();
  /** Addresses signed up through POST /signup (unconfirmed: they cannot sign in yet). */
  const signedUp = new Map<string, string>();
  const invites: InviteRequest[] = [];

  const userJson = (session: Session) => ({
    id: session.userId,
    aud: "authenticated",
    role: "authenticated",
    email: session.email,
    email_confirmed_at: "2026-01-01T00:00:00Z",
    app_metadata: { provider: "email", providers: ["email"] },
    user_metadata: {},
    identities: [],
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
  });

  async function issue(session: Session) {
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await new SignJWT({
      email: session.email,
      role: "authenticated",
      aal: "aal1",
      session_id: randomUUID(),
      is_anonymous: false,
      app_metadata: { provider: "email", providers: ["email"] },
      user_metadata: {},
    })
      .setProtectedHeader({ alg: "ES256", kid, typ: "JWT" })
      .setSubject(session.userId)
      .setAudience("authenticated")
      .setIssuer(issuer)
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(privateKey);
    const refreshToken = randomUUID();
    refreshTokens.set(refreshToken, session);
    return {
      access_token: accessToken,
      token_type: "bearer",
      expires_in: 3600,
      expires_at: now + 3600,
      refresh_token: refreshToken,
      user: userJson(session),
    };
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
    const send = (status: number, payload?: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(payload === undefined ? "" : JSON.stringify(payload));
    };
    const invalid = () =>
      send(400, { code: 400, error_code: "invalid_credentials", msg: "Invalid login credentials" });

    if (req.method === "GET" && url.pathname === "/auth/v1/.well-known/jwks.json")
      return send(200, { keys: [jwk] });
    if (req.method === "POST" && url.pathname === "/auth/v1/token") {
      const grant = url.searchParams.get("grant_type");
      if (grant === "password") {
        const staff = SEEDED_STAFF.find(
          (person) => person.email === body.email && person.password === body.password,
        );
        const userId = staff ? SEEDED_USER_IDS[staff.email] : undefined;
        return staff && userId ? send(200, await issue({ userId, email: staff.email })) : invalid();
      }
      if (grant === "refresh_token") {
        const session = refreshTokens.get(body.refresh_token);
        refreshTokens.delete(body.refresh_token);
        return session
          ? send(200, await issue(session))
          : send(400, {
              code: 400,
              error_code: "refresh_token_not_found",
              msg: "Invalid Refresh Token",
            });
      }
      return invalid();
    }
    if (req.method === "GET" && url.pathname === "/auth/v1/user") {
      try {
        const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
        const { payload } = await jwtVerify(token, publicKey, {
          issuer,
          audience: "authenticated",
        });
        return send(200, userJson({ userId: String(payload.sub), email: String(payload.email) }));
      } catch {
        return send(401, { code: 401, error_code: "bad_jwt", msg: "invalid JWT" });
      }
    }
    // Admin API: invite a user by email (auth-js GoTrueAdminApi.inviteUserByEmail 2.109.0 sends
    // POST {url}/invite with { email, data } and ?redirect_to=; GoTrue answers with the new user,
    // 422 email_exists when the address already has an account, 401/403 without a service key).
    if (req.method === "POST" && url.pathname === "/auth/v1/invite") {
      const authorization = req.headers.authorization;
      invites.push({
        email: String(body.email ?? ""),
        data: body.data,
        redirectTo: url.searchParams.get("redirect_to"),
        authorization,
        apikey: req.headers.apikey as string | undefined,
      });
      if (!options.serviceRoleKey || authorization !== `Bearer ${options.serviceRoleKey}`)
        return send(403, { code: 403, error_code: "not_admin", msg: "User not allowed" });
      const email = String(body.email ?? "").toLowerCase();
      if (!/^[^@\s]+@[^@\s]+$/.test(email))
        return send(400, { code: 400, error_code: "validation_failed", msg: "Invalid email" });
      if (options.existingEmails?.has(email))
        return send(422, {
          code: 422,
          error_code: "email_exists",
          msg: "A user with this email address has already been registered",
        });
      const id = randomUUID();
      await options.onInvite?.({ id, email });
      options.existingEmails?.add(email);
      return send(200, {
        ...userJson({ userId: id, email }),
        email_confirmed_at: undefined,
        invited_at: new Date().toISOString(),
        confirmation_sent_at: new Date().toISOString(),
        user_metadata: body.data ?? {},
      });
    }
    // Sign-up as a project with "Confirm email" on (Supabase's default): GoTrue's POST /signup
    // ({ email, password, data }) answers the new, unconfirmed user without a session; an address
    // that already has an account gets the same shape with no identities (nothing is revealed);
    // a password under the project's minimum (6) is 422 weak_password with its reasons; an
    // address GoTrue cannot parse is 400 email_address_invalid. (supabase/auth: api/signup.go;
    // error codes: https://supabase.com/docs/guides/auth/debugging/error-codes.)
    if (req.method === "POST" && url.pathname === "/auth/v1/signup") {
      const email = String(body.email ?? "").toLowerCase();
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
        return send(400, {
          code: 400,
          error_code: "email_address_invalid",
          msg: `Email address "${email}" is invalid`,
        });
      if (String(body.password ?? "").length < 6)
        return send(422, {
          code: 422,
          error_code: "weak_password",
          msg: "Password should be at least 6 characters.",
          weak_password: { reasons: ["length"] },
        });
      const existing = signedUp.get(email) ?? SEEDED_USER_IDS[email];
      const userId = existing ?? randomUUID();
      if (!existing) signedUp.set(email, userId);
      return send(200, {
        ...userJson({ userId, email }),
        email_confirmed_at: null,
        confirmation_sent_at: existing ? undefined : new Date().toISOString(),
        user_metadata: existing ? {} : (body.data ?? {}),
        identities: existing
          ? []
          : [
              {
                id: userId,
                user_id: userId,
                provider: "email",
                identity_data: { sub: userId, email },
              },
            ],
      });
    }
    if (req.method === "POST" && url.pathname === "/auth/v1/logout") return send(204);
    if (req.method === "GET" && url.pathname === "/auth/v1/health")
      return send(200, { name: "GoTrue double" });
    return send(404, { code: 404, msg: "Not found" });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    /** Every invitation request received, in order. */
    invites,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1]?.endsWith("supabase-auth.ts")) {
  const { values } = parseArgs({ options: { port: { type: "string", default: "54421" } } });
  const double = await startSupabaseAuthDouble(Number(values.port));
  console.log(`Supabase Auth double on ${double.url}`);
}
