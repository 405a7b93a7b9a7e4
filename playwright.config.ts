import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests in Debian's Chromium (never `playwright install`) against the production
 * build, served by the same boot script as `npm start` with a throw-away embedded database.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
// A second app server uses the production sign-in path (Supabase Auth) against a local double.
const supabasePort = port + 1;
const authDoublePort = Number(process.env.E2E_AUTH_DOUBLE_PORT ?? 54421);
// Lets tests play a call's webhooks themselves (e2e/helpers.ts).
export const E2E_WEBHOOK_SECRET = "e2e-webhook-secret-0123456789abcdef";
/** Twilio's auth token on the e2e server, so specs can post signed Twilio webhooks (texts in). */
export const E2E_TWILIO_AUTH_TOKEN = "e2e-twilio-auth-token-0123456789";
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    // As a user who asks for less motion (app/globals.css stops animations then): the pages
    // behave the same, and a software-rendered browser on two cores is not redrawing pulses.
    reducedMotion: "reduce",
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: chromium,
  },
  projects: [
    {
      name: "desktop",
      testIgnore: /(responsive|supabase-auth)\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
    },
    {
      name: "supabase-auth",
      testMatch: /supabase-auth\.spec\.ts/,
      use: {
        ...devices["Desktop Chrome"],
        baseURL: `http://localhost:${supabasePort}`,
        launchOptions: chromium,
      },
    },
    {
      name: "tablet",
      testMatch: /responsive\.spec\.ts/,
      use: { viewport: { width: 820, height: 1180 }, hasTouch: true, launchOptions: chromium },
    },
  ],
  webServer: [
    {
      command: `npx tsx scripts/dev.ts --prod --ephemeral --port ${port}`,
      url: `http://localhost:${port}/api/health`,
      env: {
        SIMULATOR_SPEED: "0.1",
        VAPI_WEBHOOK_SECRET: E2E_WEBHOOK_SECRET,
        TWILIO_AUTH_TOKEN: E2E_TWILIO_AUTH_TOKEN,
      },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `npx tsx tests/doubles/supabase-auth.ts --port ${authDoublePort}`,
      url: `http://127.0.0.1:${authDoublePort}/auth/v1/health`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx tsx scripts/dev.ts --prod --ephemeral --port ${supabasePort}`,
      url: `http://localhost:${supabasePort}/api/health`,
      env: {
        AUTH_PROVIDER: "supabase",
        NEXT_PUBLIC_SUPABASE_URL: `http://127.0.0.1:${authDoublePort}`,
        NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: "sb_publishable_e2e_double",
      },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
