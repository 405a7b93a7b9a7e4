import { expect, test } from "./fixtures";
import { ADMIN, RECEPTIONIST, signIn } from "./helpers";

// The production sign-in path: @supabase/ssr cookies, getClaims() verifying an ES256 token
// against the JWKS, and the same claims driving RLS. Supabase Auth is a local protocol double.
test.describe("Supabase Auth sign-in", () => {
  test("signs staff in with Supabase sessions and scopes them by RLS", async ({
    page,
    context,
  }) => {
    await signIn(page, RECEPTIONIST, "/bookings", { fresh: true });
    await expect(page.getByRole("heading", { name: "Bookings", exact: true })).toBeVisible();
    await expect(page.getByTestId("current-role")).toHaveText("receptionist");
    const cookies = await context.cookies();
    expect(
      cookies.some((cookie) => cookie.name.startsWith("sb-") && cookie.name.includes("auth-token")),
    ).toBe(true);
    expect(cookies.some((cookie) => cookie.name === "cw-session")).toBe(false);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  test("shows Supabase's rejection as a clear message", async ({ page }) => {
    await signIn(page, { email: ADMIN.email, password: "wrong-password" });
    await expect(page.getByRole("alert").filter({ hasText: "match" })).toContainText(
      "don't match an account",
    );
  });

  test("does not accept a token the auth server did not sign", async ({
    page,
    context,
    baseURL,
  }) => {
    const forged = Buffer.from(
      JSON.stringify({
        access_token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.x",
        refresh_token: "nope",
        expires_at: 4102444800,
        user: {},
      }),
    ).toString("base64");
    await context.addCookies([
      { name: "sb-127-auth-token", value: `base64-${forged}`, url: baseURL! },
    ]);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  test("signs a new owner up through Supabase Auth, who confirms their address first", async ({
    page,
  }) => {
    await page.goto("/signup");
    await page.getByLabel("Your name").fill("Owen Supabase");
    await page.getByLabel("Email").fill(`owen-${Date.now()}@rosebirch.test`);
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByLabel("Password again").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Use at least 10 characters for your password.")).toBeVisible();
    await page.getByLabel("Password", { exact: true }).fill("rose and birch 2026");
    await page.getByLabel("Password again").fill("rose and birch 2026");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("status")).toContainText("for a link to confirm your address");
  });
});
