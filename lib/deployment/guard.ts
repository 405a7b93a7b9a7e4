import type { ServerEnv } from "@/lib/env";
import type { DeploymentFacts } from "@/lib/db/deployment";

/**
 * The production guard: a pure function of the configuration and a few facts about the database.
 * With NODE_ENV=production the server refuses to start (instrumentation.ts) while any of these
 * problems remain, unless it is a demo: DEMO_MODE=true, or the embedded database (which the
 * demo seed and the tests use) without DEMO_MODE=false. A demo runs with the local settings and
 * shows a "Demo — not for patient data" banner on every page. docs/deploying.md explains each rule.
 */

export type { DeploymentFacts };

type GuardEnv = Pick<
  ServerEnv,
  | "NODE_ENV"
  | "DEMO_MODE"
  | "AUTH_PROVIDER"
  | "APP_URL"
  | "ENABLE_CALL_SIMULATOR"
  | "SMS_PROVIDER"
  | "AUTH_JWT_SECRET"
  | "NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY"
  | "SUPABASE_SERVICE_ROLE_KEY"
  | "VAPI_WEBHOOK_SECRET"
  | "VAPI_API_KEY"
  | "TWILIO_AUTH_TOKEN"
  | "TWILIO_ACCOUNT_SID"
  | "CRON_SECRET"
  | "FOLLOW_UP_AGENT_SECRET"
  | "VAPI_API_BASE_URL"
  | "TWILIO_API_BASE_URL"
>;

/** Credentials a production deployment must set, each to a real value of its own. */
export const REQUIRED_SECRETS = [
  "NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY",
  "SUPABASE_SERVICE_ROLE_KEY",
  "VAPI_WEBHOOK_SECRET",
  "VAPI_API_KEY",
  "TWILIO_AUTH_TOKEN",
  "TWILIO_ACCOUNT_SID",
  "CRON_SECRET",
] as const satisfies readonly (keyof GuardEnv)[];

/** Credentials that may be unset in production but, when set, must not be demo or example values. */
export const OPTIONAL_SECRETS = [
  "AUTH_JWT_SECRET",
  "FOLLOW_UP_AGENT_SECRET",
] as const satisfies readonly (keyof GuardEnv)[];

/**
 * Values published in this repository (test suites, the e2e config, the Supabase Auth double):
 * anyone can read them, so they are never a production secret.
 */
export const PUBLISHED_SECRETS: ReadonlySet<string> = new Set([
  "integration-webhook-secret-0123456789",
  "integration-twilio-token-0123456789",
  "integration-session-secret-0123456789abcdef",
  "integration-agent-secret-0123456789",
  "integration-cron-secret-0123456789",
  `AC${"0".repeat(32)}`,
  "e2e-webhook-secret-0123456789abcdef",
  "e2e-twilio-auth-token-0123456789",
  "sb_publishable_e2e_double",
]);

/** What placeholder and example values look like. */
const PLACEHOLDER =
  /change[-_ ]?me|example|placeholder|replace[-_ ]?(me|this)|your[-_ ]|<[^>]*>|xxxx|0123456789|(.)\2{11,}|^(secret|password|token|test|dev|demo|local)$/i;

export function isDemo(env: Pick<GuardEnv, "NODE_ENV" | "DEMO_MODE">, facts: DeploymentFacts) {
  if (env.NODE_ENV !== "production") return true;
  if (env.DEMO_MODE !== undefined) return env.DEMO_MODE;
  return facts.embeddedDatabase;
}

/**
 * Every reason this configuration and database are unsafe for patient data, as sentences naming
 * the setting to change. Empty: safe. `generatedSecrets` are the values `npm run dev` generated
 * for the local demo (DATA_DIR/secrets.json).
 */
export function productionProblems(
  env: GuardEnv,
  facts: DeploymentFacts,
  generatedSecrets: ReadonlySet<string> = new Set(),
): string[] {
  const problems: string[] = [];
  if (env.AUTH_PROVIDER !== "supabase")
    problems.push(
      `AUTH_PROVIDER is "${env.AUTH_PROVIDER}": production signs staff in with Supabase Auth (AUTH_PROVIDER=supabase).`,
    );
  let appUrlProtocol: string | undefined;
  try {
    appUrlProtocol = new URL(env.APP_URL).protocol;
  } catch {
    appUrlProtocol = undefined;
  }
  if (appUrlProtocol !== "https:")
    problems.push(
      `APP_URL is ${env.APP_URL}: it must be the app's public https:// address (patients' links and webhook signatures use it).`,
    );
  if (env.ENABLE_CALL_SIMULATOR)
    problems.push(
      "ENABLE_CALL_SIMULATOR is true: the call simulator must be off in production (ENABLE_CALL_SIMULATOR=false or unset).",
    );
  if (env.SMS_PROVIDER !== "twilio")
    problems.push(
      `SMS_PROVIDER is "${env.SMS_PROVIDER}": production sends patients' texts through Twilio (SMS_PROVIDER=twilio).`,
    );
  if (facts.embeddedDatabase)
    problems.push(
      "DATABASE_URL points at the embedded demo database: production needs its own PostgreSQL (Supabase).",
    );
  if (facts.demoSeeded)
    problems.push(
      "The demo seed has run against this database: its staff accounts have published passwords. Use a database that was never seeded (npm run db:migrate, not db:seed).",
    );
  for (const key of ["VAPI_API_BASE_URL", "TWILIO_API_BASE_URL"] as const) {
    if (env[key])
      problems.push(
        `${key} is set (${env[key]}): it points the app at a test double; unset it in production.`,
      );
  }
  const unsafe = (key: string, value: string) => {
    if (PUBLISHED_SECRETS.has(value))
      return `${key} is a value published in this repository's tests: set a secret of your own.`;
    if (generatedSecrets.has(value))
      return `${key} is the value npm run dev generated for the local demo (DATA_DIR/secrets.json): set a secret of your own.`;
    if (PLACEHOLDER.test(value))
      return `${key} looks like an example or placeholder value: set the real one.`;
    return undefined;
  };
  for (const key of REQUIRED_SECRETS) {
    const value = env[key];
    if (!value) problems.push(`${key} is not set: production needs it.`);
    else {
      const problem = unsafe(key, value);
      if (problem) problems.push(problem);
    }
  }
  for (const key of OPTIONAL_SECRETS) {
    const value = env[key];
    const problem = value ? unsafe(key, value) : undefined;
    if (problem) problems.push(problem);
  }
  return problems;
}

/** The guard's refusal: every problem, then the way to run a demo instead. */
export function refusalMessage(problems: string[]): string {
  return [
    `Refusing to start: NODE_ENV=production, and this configuration is not safe for patient data (${problems.length} ${problems.length === 1 ? "problem" : "problems"}):`,
    ...problems.map((problem) => `  - ${problem}`),
    'Fix each one (docs/deploying.md). For a demo of the production build on a database that holds no patient data, set DEMO_MODE=true instead: every page then shows "Demo — not for patient data".',
  ].join("\n");
}
