import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SignJWT } from "jose";
import { Client } from "pg";

import { percentile } from "../lib/simulator/smoke";
import { startAppServer } from "../scripts/lib/app-server";
import { prepareDatabase } from "../scripts/lib/database";
import { freePort } from "../scripts/lib/ports";
import { startTwilioDouble, type TwilioDoubleMessage } from "../tests/doubles/twilio";

/** A throw-away production server on embedded PostgreSQL, as the benchmarks need it. */
export interface BenchEnvironment {
  appUrl: string;
  databaseUrl: string;
  webhookSecret: string;
  /** The `next start` process, for memory figures. */
  serverPid: number;
  /** Every text the Twilio API double accepted, with when it arrived. */
  texts(): readonly TwilioDoubleMessage[];
  sessionCookie(userId: string): Promise<string>;
  stop(): Promise<void>;
}

export const HARBOUR = "c1a1c000-0000-4000-8000-000000000001";
export const HARBOUR_RECEPTIONIST = "a11ce000-0000-4000-8000-000000000002";

export async function startBenchEnvironment(): Promise<BenchEnvironment> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "callwaiting-bench-"));
  const db = await prepareDatabase({
    dataDir,
    port: await freePort(),
    persistent: false,
    fast: false,
    seed: true,
  });
  const webhookSecret = "bench-webhook-secret-0123456789abcdef";
  const jwtSecret = "bench-session-secret-0123456789abcdefghij";
  const twilioToken = "bench-twilio-token-0123456789abcdef";
  // Texts go through the real Twilio SDK to a local double of Twilio's API, as in production.
  const twilio = await startTwilioDouble({ authToken: twilioToken });
  const server = await startAppServer({
    DATABASE_URL: db.url,
    DATABASE_POOL_MAX: "20",
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: jwtSecret,
    VAPI_WEBHOOK_SECRET: webhookSecret,
    FOLLOW_UP_AGENT_SECRET: "bench-agent-secret-0123456789abcdef",
    SMS_PROVIDER: "twilio",
    TWILIO_AUTH_TOKEN: twilioToken,
    TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`,
    TWILIO_API_BASE_URL: twilio.url,
  });
  return {
    appUrl: server.url,
    databaseUrl: db.url,
    webhookSecret,
    serverPid: server.pid,
    texts: () => twilio.messages,
    async sessionCookie(userId) {
      const now = Math.floor(Date.now() / 1000);
      // The server accepts only tokens naming a recorded session (private.local_sessions).
      const sessionId = randomBytes(32).toString("base64url");
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        await client.query(
          `insert into private.local_sessions (token_hash, user_id, expires_at)
           values ($1, $2, now() + interval '7 days')`,
          [createHash("sha256").update(sessionId).digest("hex"), userId],
        );
      } finally {
        await client.end();
      }
      const token = await new SignJWT({
        role: "authenticated",
        session_id: sessionId,
        app_metadata: {},
        user_metadata: {},
      })
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(userId)
        .setAudience("authenticated")
        .setIssuer(`${server.url}/auth/v1`)
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .sign(new TextEncoder().encode(jwtSecret));
      return `cw-session=${token}`;
    },
    async stop() {
      // The server first, so its pool does not watch its database disappear.
      await server.stop();
      await twilio.close();
      await db.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const CLINIC_NUMBER = "+15555550199";

/** Runs `task` over `items` with at most `limit` in flight. */
export async function inBatches<T, R>(
  items: T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]!, index);
      }
    }),
  );
  return results;
}

/** Resident memory of a process and its children, in MiB (Linux /proc). */
export function residentMiB(pid: number): number {
  const children = (id: number): number[] => {
    try {
      return readdirSync(`/proc/${id}/task`).flatMap((task) =>
        readFileSync(`/proc/${id}/task/${task}/children`, "utf8")
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map(Number),
      );
    } catch {
      return [];
    }
  };
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i]!));
  let kib = 0;
  for (const id of all) {
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // exited
    }
  }
  return Math.round(kib / 102.4) / 10;
}

export function summarise(values: number[]) {
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    n: values.length,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    max: round(values.length ? Math.max(...values) : 0),
  };
}
