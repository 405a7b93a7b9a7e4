import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import type { ServerEnv } from "@/lib/env";
import {
  isDemo,
  OPTIONAL_SECRETS,
  productionProblems,
  PUBLISHED_SECRETS,
  refusalMessage,
  REQUIRED_SECRETS,
} from "@/lib/deployment/guard";

import * as integration from "../integration/global-setup";

type Env = Parameters<typeof productionProblems>[0];

/** A configuration the guard accepts: what docs/deploying.md ends with. */
const SAFE: Env = {
  NODE_ENV: "production",
  DEMO_MODE: undefined,
  AUTH_PROVIDER: "supabase",
  APP_URL: "https://reception.harbour-clinic.co.uk",
  ENABLE_CALL_SIMULATOR: false,
  SMS_PROVIDER: "twilio",
  AUTH_JWT_SECRET: undefined,
  NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: "sb_publishable_Qm3lT8vX0aZr6PwK1cYd2w_hF9sJ4nB",
  SUPABASE_SERVICE_ROLE_KEY: "sb_secret_N7q2Vd9LkR4mXc1Ta8YpWg_3sHe6Uz0J",
  VAPI_WEBHOOK_SECRET: "k8Hq2Zr7Vn4Pw1Ls9Dx3Cm6Bt5Fy0Gj",
  VAPI_API_KEY: "5f1e0c7a-93b2-4d6e-8a14-2c9b7d3e6f80",
  TWILIO_AUTH_TOKEN: "9c4e1f7a2b8d6e3f0a5c9b1d7e2f4a8c",
  TWILIO_ACCOUNT_SID: "AC7d2e9f4a1c8b3e6f0d5a9c2b7e4f1a8d",
  CRON_SECRET: "Wq5Yt2Rk8Nz1Lp7Mx4Vc9Bh3Gd6Fs0Ja",
  FOLLOW_UP_AGENT_SECRET: undefined,
  VAPI_API_BASE_URL: undefined,
  TWILIO_API_BASE_URL: undefined,
};
const CLEAN = { demoSeeded: false, embeddedDatabase: false };

describe("production guard", () => {
  it("accepts a safe production configuration on a database that was never seeded", () => {
    expect(productionProblems(SAFE, CLEAN)).toEqual([]);
  });

  it.each<[string, Partial<Env>, RegExp]>([
    ["local sign-in", { AUTH_PROVIDER: "local" }, /^AUTH_PROVIDER is "local".*supabase/],
    ["http APP_URL", { APP_URL: "http://reception.example.org" }, /^APP_URL .*https/],
    ["the simulator", { ENABLE_CALL_SIMULATOR: true }, /^ENABLE_CALL_SIMULATOR/],
    ["the SMS outbox", { SMS_PROVIDER: "outbox" }, /^SMS_PROVIDER is "outbox".*twilio/],
    ["a Twilio double", { TWILIO_API_BASE_URL: "http://127.0.0.1:4010" }, /^TWILIO_API_BASE_URL/],
    ["a Vapi double", { VAPI_API_BASE_URL: "http://127.0.0.1:4011" }, /^VAPI_API_BASE_URL/],
    ["a missing secret", { CRON_SECRET: undefined }, /^CRON_SECRET is not set/],
    ["a missing Vapi key", { VAPI_API_KEY: undefined }, /^VAPI_API_KEY is not set/],
    [
      "a test suite's secret",
      { VAPI_WEBHOOK_SECRET: integration.WEBHOOK_SECRET },
      /^VAPI_WEBHOOK_SECRET is a value published/,
    ],
    [
      "a placeholder",
      { TWILIO_AUTH_TOKEN: "your-twilio-auth-token" },
      /^TWILIO_AUTH_TOKEN looks like an example/,
    ],
    [
      "an example secret",
      { SUPABASE_SERVICE_ROLE_KEY: "changeme-changeme-changeme" },
      /^SUPABASE_SERVICE_ROLE_KEY looks like an example/,
    ],
    [
      "an optional secret left at a dev value",
      { AUTH_JWT_SECRET: integration.AUTH_JWT_SECRET },
      /^AUTH_JWT_SECRET is a value published/,
    ],
    ["the all-zero account", { TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}` }, /^TWILIO_ACCOUNT_SID/],
  ])("refuses %s, naming the setting", (_name, change, reason) => {
    const problems = productionProblems({ ...SAFE, ...change }, CLEAN);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(reason);
  });

  it("refuses a database the demo seed ran against, and the embedded database", () => {
    expect(productionProblems(SAFE, { demoSeeded: true, embeddedDatabase: false })).toEqual([
      expect.stringMatching(/demo seed has run against this database/),
    ]);
    expect(productionProblems(SAFE, { demoSeeded: false, embeddedDatabase: true })).toEqual([
      expect.stringMatching(/embedded demo database/),
    ]);
  });

  it("refuses the secrets npm run dev generated for the local demo", () => {
    const generated = new Set([SAFE.CRON_SECRET!, "unrelated"]);
    expect(productionProblems(SAFE, CLEAN, generated)).toEqual([
      expect.stringMatching(/^CRON_SECRET is the value npm run dev generated/),
    ]);
  });

  it("lists every reason at once, and names DEMO_MODE as the way to run a demo", () => {
    const demoLike: Env = {
      ...SAFE,
      AUTH_PROVIDER: "local",
      APP_URL: "http://localhost:3000",
      ENABLE_CALL_SIMULATOR: true,
      SMS_PROVIDER: "outbox",
      ...Object.fromEntries(REQUIRED_SECRETS.map((key) => [key, undefined])),
    };
    const problems = productionProblems(demoLike, { demoSeeded: true, embeddedDatabase: true });
    const settings = problems.map((problem) => /^\S+/.exec(problem)?.[0]);
    expect(settings).toEqual([
      "AUTH_PROVIDER",
      "APP_URL",
      "ENABLE_CALL_SIMULATOR",
      "SMS_PROVIDER",
      "DATABASE_URL",
      "The",
      ...REQUIRED_SECRETS,
    ]);
    const message = refusalMessage(problems);
    expect(message).toContain(`(${problems.length} problems)`);
    for (const problem of problems) expect(message).toContain(problem);
    expect(message).toMatch(/DEMO_MODE=true/);
  });

  it.each<[string, Pick<ServerEnv, "NODE_ENV" | "DEMO_MODE">, boolean, boolean]>([
    ["development", { NODE_ENV: "development", DEMO_MODE: undefined }, false, true],
    [
      "production on the embedded database",
      { NODE_ENV: "production", DEMO_MODE: undefined },
      true,
      true,
    ],
    [
      "production on its own database",
      { NODE_ENV: "production", DEMO_MODE: undefined },
      false,
      false,
    ],
    ["DEMO_MODE=true on any database", { NODE_ENV: "production", DEMO_MODE: true }, false, true],
    [
      "DEMO_MODE=false even when embedded",
      { NODE_ENV: "production", DEMO_MODE: false },
      true,
      false,
    ],
  ])("decides what is a demo: %s", (_name, env, embeddedDatabase, demo) => {
    expect(isDemo(env, { demoSeeded: true, embeddedDatabase })).toBe(demo);
  });

  it("knows every secret this repository publishes for its tests", () => {
    const published = [
      integration.WEBHOOK_SECRET,
      integration.TWILIO_AUTH_TOKEN,
      integration.AUTH_JWT_SECRET,
      integration.AGENT_SECRET,
      integration.CRON_SECRET,
      integration.TWILIO_ACCOUNT_SID,
      ...[
        ...readFileSync("playwright.config.ts", "utf8").matchAll(
          /(?:SECRET|TOKEN|KEY)\w*["']?\s*[:=]\s*"([^"$]{8,})"/g,
        ),
      ].map((match) => match[1]!),
    ];
    expect(published.length).toBeGreaterThan(7);
    for (const value of published) expect(PUBLISHED_SECRETS.has(value), value).toBe(true);
  });

  it("refuses every secret value .env.example suggests", () => {
    const example = Object.fromEntries(
      readFileSync(".env.example", "utf8")
        .split("\n")
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
    for (const key of [...REQUIRED_SECRETS, ...OPTIONAL_SECRETS]) {
      expect(key in example, `${key} is in .env.example`).toBe(true);
      const value = example[key]!;
      const problems = productionProblems({ ...SAFE, [key]: value || undefined }, CLEAN);
      expect(
        problems.some((problem) => problem.startsWith(key)),
        key,
      ).toBe(REQUIRED_SECRETS.includes(key as never) || value !== "");
    }
  });
});
