import { spawn } from "node:child_process";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { migrate } from "@/lib/db/migrate";

import { freePort } from "../../scripts/lib/ports";

/**
 * The production guard (lib/deployment/guard.ts) on the real built server: `next start` with
 * NODE_ENV=production refuses to boot on unsafe settings, listing every reason, and boots on
 * safe ones; a demo (the embedded database, or DEMO_MODE=true) boots with the demo banner.
 */

const BANNER = "Demo — not for patient data";

/** What docs/deploying.md ends with (no real service is contacted at boot). */
const SAFE = {
  AUTH_PROVIDER: "supabase",
  NEXT_PUBLIC_SUPABASE_URL: "https://abcdefghijklmnop.supabase.co",
  NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: "sb_publishable_Qm3lT8vX0aZr6PwK1cYd2w_hF9sJ4nB",
  SUPABASE_SERVICE_ROLE_KEY: "sb_secret_N7q2Vd9LkR4mXc1Ta8YpWg_3sHe6Uz0J",
  VAPI_WEBHOOK_SECRET: "k8Hq2Zr7Vn4Pw1Ls9Dx3Cm6Bt5Fy0Gj",
  VAPI_API_KEY: "5f1e0c7a-93b2-4d6e-8a14-2c9b7d3e6f80",
  TWILIO_AUTH_TOKEN: "9c4e1f7a2b8d6e3f0a5c9b1d7e2f4a8c",
  TWILIO_ACCOUNT_SID: "AC7d2e9f4a1c8b3e6f0d5a9c2b7e4f1a8d",
  CRON_SECRET: "Wq5Yt2Rk8Nz1Lp7Mx4Vc9Bh3Gd6Fs0Ja",
  SMS_PROVIDER: "twilio",
  ENABLE_CALL_SIMULATOR: "false",
};

type Boot =
  | { exited: true; code: number | null; stderr: string }
  | { exited: false; url: string; stop: () => Promise<void> };

/** `next start` with exactly this environment (nothing inherited that could make it a demo). */
async function boot(env: Record<string, string>, appUrl: string): Promise<Boot> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    path.resolve("node_modules/.bin/next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATA_DIR: inject("dataDir"),
        APP_URL: appUrl,
        ...env,
      },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      return { exited: true, code: await exited, stderr };
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`next start neither served nor exited within 60 s:\n${stderr}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    exited: false,
    url,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

let freshUrl: string;
const freshName = `guard_${process.pid}_${Date.now()}`;

beforeAll(async () => {
  // A database like production's: migrated, never seeded, not the embedded demo database.
  const owner = new Client({ connectionString: inject("databaseUrl") });
  await owner.connect();
  await owner.query(`create database ${freshName}`);
  await owner.end();
  const url = new URL(inject("databaseUrl"));
  url.pathname = `/${freshName}`;
  freshUrl = url.toString();
  const client = new Client({ connectionString: freshUrl });
  await client.connect();
  await migrate(client);
  await client.end();
});

afterAll(async () => {
  const owner = new Client({ connectionString: inject("databaseUrl") });
  await owner.connect();
  await owner.query(`drop database if exists ${freshName} with (force)`);
  await owner.end();
});

describe("production guard at boot", () => {
  it("refuses demo settings on the seeded embedded database with DEMO_MODE=false, listing every reason", async () => {
    const result = await boot(
      {
        DATABASE_URL: inject("databaseUrl"),
        DEMO_MODE: "false",
        AUTH_PROVIDER: "local",
        AUTH_JWT_SECRET: "integration-session-secret-0123456789abcdef",
        ENABLE_CALL_SIMULATOR: "true",
        SMS_PROVIDER: "outbox",
        VAPI_WEBHOOK_SECRET: "integration-webhook-secret-0123456789",
      },
      "http://localhost:3000",
    );
    expect(result.exited).toBe(true);
    if (!result.exited) return;
    expect(result.code).not.toBe(0);
    const message = result.stderr;
    expect(message).toMatch(/Refusing to start: NODE_ENV=production/);
    for (const reason of [
      /AUTH_PROVIDER is "local"/,
      /APP_URL is http:\/\/localhost:3000/,
      /ENABLE_CALL_SIMULATOR is true/,
      /SMS_PROVIDER is "outbox"/,
      /embedded demo database/,
      /demo seed has run against this database/,
      /VAPI_WEBHOOK_SECRET is a value published/,
      /AUTH_JWT_SECRET is a value published/,
      /TWILIO_AUTH_TOKEN is not set/,
      /CRON_SECRET is not set/,
      /SUPABASE_SERVICE_ROLE_KEY is not set/,
      /DEMO_MODE=true/,
    ])
      expect(message).toMatch(reason);
  });

  it("refuses one unsafe setting on an unseeded database, naming only that", async () => {
    const result = await boot(
      { ...SAFE, DATABASE_URL: freshUrl, SMS_PROVIDER: "outbox" },
      "https://reception.harbour-clinic.example.org",
    );
    expect(result.exited).toBe(true);
    if (!result.exited) return;
    expect(result.stderr).toMatch(/\(1 problem\)/);
    expect(result.stderr).toMatch(/SMS_PROVIDER is "outbox"/);
  });

  it("boots on safe settings, without the demo banner", async () => {
    const result = await boot({ ...SAFE, DATABASE_URL: freshUrl }, "https://reception.clinic.test");
    expect(result.exited, result.exited ? result.stderr : "").toBe(false);
    if (result.exited) return;
    try {
      const page = await fetch(`${result.url}/login`);
      expect(page.status).toBe(200);
      expect(await page.text()).not.toContain(BANNER);
    } finally {
      await result.stop();
    }
  });

  it("boots a demo with DEMO_MODE=true on any database, with the banner", async () => {
    const result = await boot(
      {
        DATABASE_URL: freshUrl,
        DEMO_MODE: "true",
        AUTH_JWT_SECRET: "integration-session-secret-0123456789abcdef",
      },
      "http://localhost:3000",
    );
    expect(result.exited, result.exited ? result.stderr : "").toBe(false);
    if (result.exited) return;
    try {
      expect(await (await fetch(`${result.url}/login`)).text()).toContain(BANNER);
    } finally {
      await result.stop();
    }
  });

  it("treats the embedded database as a demo: the shared server shows the banner on every page", async () => {
    const appUrl = inject("appUrl");
    const login = await fetch(`${appUrl}/login`);
    expect(await login.text()).toContain(BANNER);
    // A patient's page (an unknown link still renders the page that says so).
    const patient = await fetch(`${appUrl}/a/not-a-real-token-0000000000000000`);
    expect(await patient.text()).toContain(BANNER);
  });
});
