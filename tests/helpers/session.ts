import { createHash, randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import { Client } from "pg";
import { inject } from "vitest";

import { AUTH_JWT_SECRET } from "../integration/global-setup";

/**
 * A session cookie for `userId`, signed as the integration server's local sign-in signs them,
 * naming a server-side session recorded here (the server refuses tokens without one).
 */
export async function sessionCookie(userId: string, email = "staff@example.test"): Promise<string> {
  return `cw-session=${await sessionToken(userId, email)}`;
}

/** The token alone, with its session id (to revoke it in a test). */
export async function sessionToken(
  userId: string,
  email = "staff@example.test",
  sessionId = randomBytes(32).toString("base64url"),
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const db = new Client({ connectionString: inject("databaseUrl") });
  await db.connect();
  try {
    await db.query(
      `insert into private.local_sessions (token_hash, user_id, expires_at)
       values ($1, $2, now() + interval '7 days')`,
      [createHash("sha256").update(sessionId).digest("hex"), userId],
    );
  } finally {
    await db.end();
  }
  return new SignJWT({
    email,
    role: "authenticated",
    session_id: sessionId,
    app_metadata: {},
    user_metadata: {},
  })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setAudience("authenticated")
    .setIssuer(`${inject("appUrl")}/auth/v1`)
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(new TextEncoder().encode(AUTH_JWT_SECRET));
}

export interface SseEvent {
  event: string;
  data: string;
}

/** Opens an SSE stream with Node's fetch and collects its events. */
export async function openStream(path: string, cookie?: string) {
  const controller = new AbortController();
  const response = await fetch(`${inject("appUrl")}${path}`, {
    headers: cookie ? { cookie } : {},
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  if (response.ok && response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = "";
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf("\n\n")) !== -1) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(frame)?.[1];
            const data = /^data: (.*)$/m.exec(frame)?.[1];
            if (event) events.push({ event, data: data ?? "" });
          }
        }
      } catch {
        // aborted
      }
    })();
  }
  return {
    status: response.status,
    events,
    async waitFor(predicate: (event: SseEvent) => boolean, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = events.find(predicate);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(
        `no matching event within ${timeoutMs} ms; got ${events.map((e) => e.event).join(", ")}`,
      );
    },
    close: () => controller.abort(),
  };
}
