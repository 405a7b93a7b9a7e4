import { expect, test } from "./fixtures";
import { ADMIN, RECEPTIONIST, signIn } from "./helpers";

test.describe("the dashboard shell", () => {
  test("shows an admin the whole clinic, and lets them switch clinics", async ({ page }) => {
    await signIn(page, ADMIN);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(page.getByRole("heading", { name: "Live calls", exact: true })).toBeVisible();
    await expect(page.getByTestId("connection")).toHaveText("Live");
    await expect(page.getByTestId("current-clinic")).toHaveText("Harbour Aesthetics");
    await expect(page.getByTestId("current-role")).toHaveText("admin");
    for (const item of [
      "Live calls",
      "Bookings",
      "Procedures",
      "Aftercare",
      "Redaction",
      "Assistant",
    ]) {
      await expect(nav.getByRole("link", { name: item })).toBeVisible();
    }

    await nav.getByRole("link", { name: "Procedures" }).click();
    // Wait for the page itself: the board behind it may list calls about a facelift too.
    await expect(page.getByRole("heading", { name: "Procedures", exact: true })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Facelift", exact: true })).toBeVisible();
    await expect(page.getByText("face lift, face-lift, rhytidectomy")).toBeVisible();
    await expect(page.getByText("Facelift Aftercare")).toBeVisible();
    await expect(page.getByTestId("read-only")).toHaveCount(0);

    await nav.getByRole("link", { name: "Redaction" }).click();
    await expect(page.getByText("\\bHA[- ]?[0-9]{6}\\b")).toBeVisible();

    await nav.getByRole("link", { name: "Aftercare" }).click();
    await expect(page.getByText("Rhinoplasty Aftercare")).toBeVisible();

    await page.getByRole("button", { name: "Switch clinic" }).click();
    await page.getByRole("menuitem", { name: "Marlow Skin & Laser" }).click();
    await expect(page.getByTestId("current-clinic")).toHaveText("Marlow Skin & Laser");
    await nav.getByRole("link", { name: "Procedures" }).click();
    await expect(page.getByRole("cell", { name: "Laser resurfacing", exact: true })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Facelift", exact: true })).toHaveCount(0);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/bookings");
    await expect(page).toHaveURL(/\/login\?next=%2Fbookings/);
  });

  test("shows a receptionist the front desk, with admin lists read-only", async ({ page }) => {
    await signIn(page, RECEPTIONIST);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(page.getByTestId("current-clinic")).toHaveText("Harbour Aesthetics");
    await expect(page.getByTestId("current-role")).toHaveText("receptionist");
    await expect(page.getByRole("button", { name: "Switch clinic" })).toHaveCount(0);
    for (const item of ["Live calls", "Bookings", "Procedures", "Aftercare"]) {
      await expect(nav.getByRole("link", { name: item })).toBeVisible();
    }
    await expect(nav.getByRole("link", { name: "Redaction" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Assistant" })).toHaveCount(0);

    await nav.getByRole("link", { name: "Bookings" }).click();
    await expect(page.getByRole("heading", { name: "Bookings", exact: true })).toBeVisible();
    await expect(page.getByLabel("Status")).toBeVisible();

    await nav.getByRole("link", { name: "Procedures" }).click();
    await expect(page.getByTestId("read-only")).toBeVisible();

    await page.goto("/admin/redaction");
    await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
    await expect(page.getByText("patient portal password")).toHaveCount(0);
  });
});
