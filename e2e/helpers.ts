import { expect, type Page } from "@playwright/test";

import { SimulatedCall } from "../lib/simulator/client";

export const ADMIN = { email: "admin@harbour-aesthetics.test", password: "harbour-admin-2026" };
export const RECEPTIONIST = {
  email: "reception@harbour-aesthetics.test",
  password: "harbour-front-2026",
};

export async function signIn(page: Page, who: { email: string; password: string }, path = "/") {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Reloads a dashboard page and waits until React has hydrated it (components/providers.tsx marks
 * <html data-hydrated>): typing into a server-rendered input before then can be lost.
 */
export async function reloadHydrated(page: Page) {
  await page.reload();
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
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
