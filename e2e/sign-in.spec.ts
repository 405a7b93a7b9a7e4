import { expect, test } from "@playwright/test";

import { ADMIN, RECEPTIONIST, signIn } from "./helpers";

test.describe("signing in", () => {
  test("sends a signed-out visitor to sign in, then back where they were going", async ({
    page,
  }) => {
    await signIn(page, RECEPTIONIST, "/bookings");
    await expect(page).toHaveURL(/\/bookings$/);
    await expect(page.getByRole("heading", { name: "Bookings", exact: true })).toBeVisible();
  });

  test("rejects a wrong password with a clear message and keeps the email", async ({ page }) => {
    await signIn(page, { email: ADMIN.email, password: "not-the-password" });
    await expect(page.getByRole("alert").filter({ hasText: "match" })).toContainText(
      "don't match an account",
    );
    await expect(page.getByLabel("Email")).toHaveValue(ADMIN.email);
    await expect(page).toHaveURL(/\/login/);
  });

  test("validates the form before asking the server to check credentials", async ({ page }) => {
    await signIn(page, { email: "not-an-email", password: "" });
    await expect(page.getByText("Enter the email address you sign in with")).toBeVisible();
    await expect(page.getByText("Enter your password")).toBeVisible();
  });

  test("ignores a forged session cookie", async ({ page, context, baseURL }) => {
    await context.addCookies([
      { name: "cw-session", value: "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", url: baseURL! },
    ]);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  // The second is the review's finding: the browser strips the tab, leaving //attacker.example.
  for (const next of ["//evil.example/steal", "%2F%09%2Fattacker.example"]) {
    test(`never redirects off-site after sign-in (next=${next})`, async ({ page }) => {
      await page.goto(`/login?next=${next}`);
      await page.getByLabel("Email").fill(ADMIN.email);
      await page.getByLabel("Password").fill(ADMIN.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("heading", { name: "Live calls", exact: true })).toBeVisible();
      expect(new URL(page.url()).host).toMatch(/^localhost:/);
    });
  }
});
