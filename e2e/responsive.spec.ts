import { expect, test } from "./fixtures";
import { RECEPTIONIST, signIn } from "./helpers";

test("the front-desk tablet gets the navigation in a sheet", async ({ page }) => {
  await signIn(page, RECEPTIONIST);
  await expect(page.getByRole("heading", { name: "Live calls", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Open navigation" }).click();
  const sheet = page.getByRole("dialog");
  await sheet.getByRole("link", { name: "Bookings" }).click();
  await expect(page.getByRole("heading", { name: "Bookings", exact: true })).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
});
