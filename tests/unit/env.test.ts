import { afterEach, describe, expect, it } from "vitest";

import { getEnv, resetEnvCache } from "@/lib/env";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

function withEnv(values: Record<string, string | undefined>) {
  process.env = { NODE_ENV: "test", ...values } as NodeJS.ProcessEnv;
  resetEnvCache();
}

describe("environment", () => {
  it("accepts the embedded defaults", () => {
    withEnv({
      DATABASE_URL: "postgres://postgres:postgres@127.0.0.1:54329/callwaiting",
      AUTH_JWT_SECRET: "x".repeat(32),
    });
    expect(getEnv()).toMatchObject({
      AUTH_PROVIDER: "local",
      APP_URL: "http://localhost:3000",
      DATABASE_POOL_MAX: 10,
    });
  });

  it("lists every problem at once", () => {
    withEnv({ DATABASE_URL: "mysql://nope", AUTH_JWT_SECRET: "short" });
    expect(() => getEnv()).toThrow(
      /DATABASE_URL[\s\S]*AUTH_JWT_SECRET: AUTH_JWT_SECRET must be at least 32 characters/,
    );
  });

  it("requires Supabase settings when Supabase Auth is chosen", () => {
    withEnv({
      DATABASE_URL: "postgres://x@db.example.supabase.co:6543/postgres",
      AUTH_PROVIDER: "supabase",
    });
    expect(() => getEnv()).toThrow(
      /NEXT_PUBLIC_SUPABASE_URL: required[\s\S]*NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: required/,
    );
  });

  it("keeps a follow-up claim at least twice as long as a Twilio request may take", () => {
    const base = {
      DATABASE_URL: "postgres://localhost/x",
      AUTH_JWT_SECRET: "x".repeat(32),
      SMS_PROVIDER: "twilio",
    };
    withEnv(base);
    expect(getEnv().FOLLOW_UP_CLAIM_TIMEOUT_SECONDS).toBe(120);
    withEnv({ ...base, FOLLOW_UP_CLAIM_TIMEOUT_SECONDS: "3", TWILIO_TIMEOUT_MS: "1000" });
    expect(getEnv().FOLLOW_UP_CLAIM_TIMEOUT_SECONDS).toBe(3);
    withEnv({ ...base, FOLLOW_UP_CLAIM_TIMEOUT_SECONDS: "15" });
    expect(() => getEnv()).toThrow(
      /FOLLOW_UP_CLAIM_TIMEOUT_SECONDS: must be at least twice TWILIO_TIMEOUT_MS/,
    );
    withEnv({ ...base, SMS_PROVIDER: "outbox", FOLLOW_UP_CLAIM_TIMEOUT_SECONDS: "15" });
    expect(getEnv().FOLLOW_UP_CLAIM_TIMEOUT_SECONDS).toBe(15);
    withEnv({ ...base, FOLLOW_UP_CLAIM_TIMEOUT_SECONDS: "600" });
    expect(() => getEnv()).toThrow(/FOLLOW_UP_CLAIM_TIMEOUT_SECONDS/);
  });

  it("runs the follow-up agent in this process unless an agent URL is set, and then needs the secret to sign for it", () => {
    const base = { DATABASE_URL: "postgres://localhost/x", AUTH_JWT_SECRET: "x".repeat(32) };
    withEnv(base);
    expect(getEnv().FOLLOW_UP_AGENT_URL).toBeUndefined();
    withEnv({ ...base, FOLLOW_UP_AGENT_URL: "https://agent.example.com/api/agents/follow-up" });
    expect(() => getEnv()).toThrow(
      /FOLLOW_UP_AGENT_SECRET: required when FOLLOW_UP_AGENT_URL is set/,
    );
    withEnv({
      ...base,
      FOLLOW_UP_AGENT_URL: "https://agent.example.com/api/agents/follow-up",
      FOLLOW_UP_AGENT_SECRET: "s".repeat(16),
    });
    expect(getEnv().FOLLOW_UP_AGENT_URL).toBe("https://agent.example.com/api/agents/follow-up");
  });

  it("treats empty strings as unset", () => {
    withEnv({
      DATABASE_URL: "postgres://localhost/x",
      AUTH_JWT_SECRET: "x".repeat(32),
      APP_URL: "",
    });
    expect(getEnv().APP_URL).toBe("http://localhost:3000");
  });
});
