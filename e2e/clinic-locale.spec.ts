import { expect, test } from "./fixtures";
import { ADMIN, signIn } from "./helpers";

// The clinic's locale (issue 20): the seeded admin belongs to Harbour Aesthetics (New York,
// en-US, dollars) and Marlow Skin & Laser (London, en-GB, pounds). The same page writes each
// clinic's dates its own way, and the clinic's details show its locale and currency.
test.use({ timezoneId: "Asia/Tokyo" });

const US_DATE = /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/; // "Dec 1, 2026"
const GB_DATE = /^\d{1,2} [A-Z][a-z]{2} \d{4}$/; // "1 Dec 2026"

async function switchTo(page: import("@playwright/test").Page, clinic: string) {
  await page.getByRole("button", { name: "Switch clinic" }).click();
  await page.getByRole("menuitem", { name: clinic }).click();
  await expect(page.getByTestId("current-clinic")).toHaveText(clinic);
}

test("each clinic's dates and currency follow its own locale", async ({ page }) => {
  await signIn(page, ADMIN, "/admin/staff");
  await expect(page.getByTestId("current-clinic")).toHaveText("Harbour Aesthetics");
  const joined = () =>
    page
      .getByTestId("staff-row")
      .filter({ hasText: ADMIN.email })
      .getByRole("cell")
      .filter({
        hasText: /\d{4}$/,
      });
  await expect(joined().first()).toHaveText(US_DATE);

  await switchTo(page, "Marlow Skin & Laser");
  await page.goto("/admin/staff");
  await expect(joined().first()).toHaveText(GB_DATE);

  // The clinic's details: its locale and currency, and its front desk number as it reads there.
  await page.goto("/onboarding");
  const details = page.getByRole("form", { name: "Clinic details" });
  await expect(details.getByLabel("Dates, times and phone numbers")).toHaveValue("en-GB");
  await expect(details.getByLabel("Currency")).toHaveValue("GBP");
  await expect(details.getByLabel("Currency").locator("option:checked")).toHaveText(
    "Pounds sterling (£)",
  );
});
