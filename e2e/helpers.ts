import { expect, test, type Cookie, type Page } from "@playwright/test";

import { SimulatedCall } from "../lib/simulator/client";

export const ADMIN = { email: "admin@harbour-aesthetics.test", password: "harbour-admin-2026" };
export const RECEPTIONIST = {
  email: "reception@harbour-aesthetics.test",
  password: "harbour-front-2026",
};

// Sessions of the seeded accounts, per project (server) in this worker: a test that only needs
// to be signed in reuses one instead of filling the form again (about 1.5 s a test).
const sessions = new Map<string, Cookie[]>();

/**
 * Signs in and goes to `path`. A seeded account (ADMIN, RECEPTIONIST) reuses the session an
 * earlier test in this worker signed in with, unless `fresh` (tests of signing in itself); a
 * session signed out since is noticed (the page goes to /login) and replaced.
 */
export async function signIn(
  page: Page,
  who: { email: string; password: string },
  path = "/",
  { fresh = false }: { fresh?: boolean } = {},
) {
  const seeded = [ADMIN, RECEPTIONIST].some(
    (account) => account.email === who.email && account.password === who.password,
  );
  const key = `${test.info().project.name} ${who.email}`;
  const saved = seeded && !fresh ? sessions.get(key) : undefined;
  if (saved) {
    await page.context().addCookies(saved);
    await page.goto(path);
    if (!new URL(page.url()).pathname.startsWith("/login")) {
      // Loaded whole, not reached by the sign-in form's client-side redirect: wait for React
      // and the page's streamed content, or what the test types first into the server-rendered
      // page is lost.
      await settled(page);
      return;
    }
    // Signed out since: start again as a visitor with no cookie, as a fresh sign-in does.
    sessions.delete(key);
    await page.context().clearCookies();
  }
  await page.goto(path);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (!seeded) return;
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  sessions.set(key, await page.context().cookies());
}

/** Opens a dashboard page and waits until React has hydrated it (see reloadHydrated). */
export async function gotoHydrated(page: Page, path: string) {
  await page.goto(path);
  await settled(page);
}

/**
 * Hydrated, and no streamed segment still hidden: revealed, or swept as a stale copy
 * (./fixtures.ts).
 */
async function settled(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.waitForFunction(() => !document.querySelector("div[hidden][id^='S:']"));
}

/**
 * Reloads a dashboard page and waits until React has hydrated it (components/providers.tsx marks
 * <html data-hydrated>): typing into a server-rendered input before then can be lost.
 */
export async function reloadHydrated(page: Page) {
  await page.reload();
  await settled(page);
}

/** A call whose Vapi webhooks the test sends itself, signed for the e2e server. */
export function testCall(baseURL: string, callerNumber?: string) {
  return new SimulatedCall(
    {
      url: baseURL,
      secret: "e2e-webhook-secret-0123456789abcdef",
      clinicNumber: "+15555550199",
      speed: 0,
    },
    callerNumber,
  );
}
