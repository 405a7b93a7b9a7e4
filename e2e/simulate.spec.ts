import { expect, test } from "./fixtures";
import { ADMIN, signIn } from "./helpers";

// Uses the admin's second clinic so Harbour Aesthetics stays empty for the shell tests.
test("a simulated call from the dashboard books a consultation the receptionist can see", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, ADMIN);
  await page.getByRole("button", { name: "Switch clinic" }).click();
  await page.getByRole("menuitem", { name: "Marlow Skin & Laser" }).click();
  await expect(page.getByTestId("current-clinic")).toHaveText("Marlow Skin & Laser");

  await page.getByRole("button", { name: "Simulate a call" }).click();
  await page.getByRole("menuitem", { name: "Caller books a consultation" }).click();

  const row = page.getByTestId("call-row").filter({ hasText: "Jane Doe", visible: true });
  await expect(row).toBeVisible({ timeout: 60_000 });
  await expect(row.getByText("Booked")).toBeVisible({ timeout: 60_000 });
  await expect(row).toContainText(/•••• \d{4}/);

  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Bookings" })
    .click();
  const booking = page.getByTestId("booking-row").filter({ hasText: "Jane Doe", visible: true });
  await expect(booking.getByTestId("booking-status")).toHaveText("pending");
});
