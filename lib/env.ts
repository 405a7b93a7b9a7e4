import { z } from "zod";

/**
 * Typed configuration. The only module that reads process.env (lint enforces it).
 * Parsed lazily so `next build` works without runtime secrets; a missing or malformed
 * variable fails the first request that needs it, with every problem listed.
 */

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(emptyAsUndefined, schema.optional());

const serverSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** Postgres connection. Supabase: the pooled (transaction mode) connection string. */
    DATABASE_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^postgres(ql)?$/ })),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    /** Public base URL of this app (used in SMS links and webhook signature checks). */
    APP_URL: z.preprocess(emptyAsUndefined, z.url().default("http://localhost:3000")),
    /** local: seeded staff sign in against auth.users; supabase: Supabase Auth. */
    AUTH_PROVIDER: z.enum(["local", "supabase"]).default("local"),
    /** HS256 key for local sessions (the embedded default generates one under .data/). */
    AUTH_JWT_SECRET: optional(z.string().min(32, "AUTH_JWT_SECRET must be at least 32 characters")),
    NEXT_PUBLIC_SUPABASE_URL: optional(z.url()),
    NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: optional(z.string().min(1)),
    /** Shared secret for Vapi server messages (HMAC credential or bearer token). */
    VAPI_WEBHOOK_SECRET: optional(
      z.string().min(16, "VAPI_WEBHOOK_SECRET must be at least 16 characters"),
    ),
    /** Vapi private API key: pushes clinics' assistants (npm run vapi:config -- --push, Admin -> Assistant). */
    VAPI_API_KEY: optional(z.string().min(1)),
    /** Tests and local doubles only: Vapi API base URL instead of https://api.vapi.ai. */
    VAPI_API_BASE_URL: optional(z.url()),
    /** Optional Vapi credential id used in the assistant's `server` block (the HMAC/bearer secret lives in Vapi). */
    VAPI_CREDENTIAL_ID: optional(z.string().min(1)),
    /** How dashboards get live call updates: sse (one LISTEN connection per server; embedded
     * default, needs a direct, non-pooled DATABASE_URL) or supabase (Realtime private channels). */
    REALTIME_TRANSPORT: z.enum(["sse", "supabase"]).default("sse"),
    /** Twilio auth token: verifies X-Twilio-Signature on Twilio's callbacks. */
    TWILIO_AUTH_TOKEN: optional(z.string().min(16)),
    /** How follow-up texts are sent: outbox (recorded and shown in the dashboard; embedded default) or twilio. */
    SMS_PROVIDER: z.enum(["outbox", "twilio"]).default("outbox"),
    TWILIO_ACCOUNT_SID: optional(
      z
        .string()
        .regex(
          /^AC[0-9a-fA-F]{32}$/,
          "TWILIO_ACCOUNT_SID looks like AC followed by 32 hex characters",
        ),
    ),
    /** How long one Twilio API request may take before it counts as a (retryable) failure. */
    TWILIO_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /** Tests and local doubles only: send Twilio API requests to this base URL instead of twilio.com. */
    TWILIO_API_BASE_URL: optional(z.url()),
    /** Where hand-offs go. Unset: the follow-up agent runs in this process (the default). Set: they are
     * POSTed, signed, to this URL: a follow-up agent deployed on its own (its /api/agents/follow-up). */
    FOLLOW_UP_AGENT_URL: optional(z.url()),
    /** HMAC secret of the signed hand-off webhook (POST /api/agents/follow-up), on both of its ends. */
    FOLLOW_UP_AGENT_SECRET: optional(z.string().min(16)),
    /** How long a follow-up job may stay claimed ("sending") before another worker takes it again: the
     * delay before a job whose worker died is retried. It must outlast one send and its record (see the
     * check below) and leave room for the retry inside the 5-minute window. */
    FOLLOW_UP_CLAIM_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(240).default(120),
    /** Bearer token for the cron-triggered follow-up worker route (Vercel Cron / pg_cron). */
    CRON_SECRET: optional(z.string().min(16)),
    /** How long a patient's aftercare link works. */
    AFTERCARE_LINK_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    /** Embedded default only: show "Simulate a call" in the dashboard. */
    ENABLE_CALL_SIMULATOR: z
      .preprocess(emptyAsUndefined, z.enum(["true", "false"]).default("false"))
      .transform((value) => value === "true"),
    /** Pace of simulated calls: 1 is realistic, 0.1 ten times faster (end-to-end tests). */
    SIMULATOR_SPEED: z.coerce.number().min(0).max(10).default(1),
    /** Where aftercare PDFs are kept: local (DATA_DIR/storage) or supabase (private Storage bucket). */
    STORAGE_PROVIDER: z.enum(["local", "supabase"]).default("local"),
    /** Supabase service-role key: server-side Storage access only (never sent to browsers). */
    SUPABASE_SERVICE_ROLE_KEY: optional(z.string().min(1)),
    /** true: a demo of the production build on a database that holds no patient data; the
     * production guard is skipped and every page shows a "Demo" banner. false: never a demo,
     * not even on the embedded database. Unset: a demo only on the embedded database. */
    DEMO_MODE: z
      .preprocess(emptyAsUndefined, z.enum(["true", "false"]).optional())
      .transform((value) => (value === undefined ? undefined : value === "true")),
    /** Folder for local adapters (file store, embedded Postgres). */
    DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data")),
  })
  .superRefine((env, ctx) => {
    if (env.AUTH_PROVIDER === "local" && !env.AUTH_JWT_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_JWT_SECRET"],
        message: "required when AUTH_PROVIDER=local",
      });
    }
    // A claim that expires while its send is still waiting on Twilio would let a second worker
    // send the same text: the claim must outlast a timed-out request with room to record it.
    if (
      env.SMS_PROVIDER === "twilio" &&
      env.FOLLOW_UP_CLAIM_TIMEOUT_SECONDS * 1000 < 2 * env.TWILIO_TIMEOUT_MS
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["FOLLOW_UP_CLAIM_TIMEOUT_SECONDS"],
        message: "must be at least twice TWILIO_TIMEOUT_MS",
      });
    }
    if (env.FOLLOW_UP_AGENT_URL && !env.FOLLOW_UP_AGENT_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["FOLLOW_UP_AGENT_SECRET"],
        message: "required when FOLLOW_UP_AGENT_URL is set",
      });
    }
    if (env.AUTH_PROVIDER === "supabase") {
      for (const key of [
        "NEXT_PUBLIC_SUPABASE_URL",
        "NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY",
      ] as const) {
        if (!env[key])
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: "required when AUTH_PROVIDER=supabase",
          });
      }
    }
  });

export type ServerEnv = z.infer<typeof serverSchema>;

let cached: ServerEnv | undefined;

export function getEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = serverSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`Invalid environment (see .env.example):\n${problems.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests change the environment between cases; production never calls this. */
export function resetEnvCache() {
  cached = undefined;
}

/** Supabase URL and publishable key; throws if AUTH_PROVIDER=supabase was not configured. */
export function getSupabaseConfig(): { url: string; publishableKey: string } {
  const env = getEnv();
  if (!env.NEXT_PUBLIC_SUPABASE_URL || !env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY) {
    throw new Error(
      "Supabase is not configured (NEXT_PUBLIC_SUPABASE_URL, NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY)",
    );
  }
  return {
    url: env.NEXT_PUBLIC_SUPABASE_URL,
    publishableKey: env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY,
  };
}
