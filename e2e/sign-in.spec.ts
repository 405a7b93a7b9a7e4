import { expect, test } from "./fixtures";
import { ADMIN, RECEPTIONIST, signIn } from "./helpers";

test.describe("signing in", () => {
  test("sends a signed-out visitor to sign in, then back where they were going", async ({
    page,
  }) => {
    await signIn(page, RECEPTIONIST, "/bookings", { fresh: true });
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

  // The e2e server runs the production build on the embedded database: a demo (docs/deploying.md).
  test("a demo says so on every page, and the CSP blocks nothing the pages need", async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const banner = page.getByTestId("demo-banner");
    await page.goto("/login");
    await expect(banner).toHaveText("Demo — not for patient data");
    await signIn(page, ADMIN, "/diary");
    await expect(page.getByRole("heading", { name: "Diary", exact: true })).toBeVisible();
    await expect(banner).toBeVisible();
    await page.goto("/insights");
    await expect(banner).toBeVisible();
    await page.goto("/a/unavailable?reason=expired");
    await expect(banner).toBeVisible();
    expect(violations).toEqual([]);
  });
});
