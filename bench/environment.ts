import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { SignJWT } from "jose";

import { startAppServer } from "../scripts/lib/app-server";
import { prepareDatabase } from "../scripts/lib/database";
import { freePort } from "../scripts/lib/ports";

/** A throw-away production server on embedded PostgreSQL, as the benchmarks need it. */
export interface BenchEnvironment {
  appUrl: string;
  databaseUrl: string;
  webhookSecret: string;
  sessionCookie(userId: string): Promise<string>;
  stop(): Promise<void>;
}

export const HARBOUR = "c1a1c000-0000-4000-8000-000000000001";
export const HARBOUR_RECEPTIONIST = "a11ce000-0000-4000-8000-000000000002";

export async function startBenchEnvironment(): Promise<BenchEnvironment> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "callwaiting-bench-"));
  const db = await prepareDatabase({ dataDir, port: await freePort(), persistent: false, fast: false, seed: true });
  const webhookSecret = "bench-webhook-secret-0123456789abcdef";
  const jwtSecret = "bench-session-secret-0123456789abcdefghij";
  const server = await startAppServer({
    DATABASE_URL: db.url,
    DATABASE_POOL_MAX: "20",
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: jwtSecret,
    VAPI_WEBHOOK_SECRET: webhookSecret,
  });
  return {
    appUrl: server.url,
    databaseUrl: db.url,
    webhookSecret,
    async sessionCookie(userId) {
      const now = Math.floor(Date.now() / 1000);
      const token = await new SignJWT({ role: "authenticated", app_metadata: {}, user_metadata: {} })
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
      await db.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function summarise(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  const round = (value: number) => Math.round(value * 100) / 100;
  return { n: sorted.length, p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), max: round(sorted.at(-1) ?? 0) };
}
