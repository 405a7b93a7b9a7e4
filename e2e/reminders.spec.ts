import { expect, test, type Page } from "./fixtures";
import { ADMIN, RECEPTIONIST, reloadHydrated, signIn } from "./helpers";

// Specs share one database: this one changes Harbour's reminder settings and puts the defaults
// back before it ends.
test.describe.configure({ mode: "serial" });

async function save(page: Page) {
  await page.getByRole("button", { name: "Save reminder settings" }).click();
}

test("an admin turns off the 2-hour reminder and moves the quiet hours; equal times are refused", async ({
  page,
}) => {
  await signIn(page, ADMIN, "/admin/diary");
  await page
    .getByRole("navigation", { name: "Diary setup" })
    .getByRole("link", { name: "Reminders" })
    .click();
  await expect(page).toHaveURL(/\/admin\/diary\/reminders$/);
  const form = page.getByRole("form", { name: "Reminder settings" });
  await expect(form.getByLabel("24 hours before")).toBeChecked();
  await expect(form.getByLabel("2 hours before")).toBeChecked();
  await expect(form.getByLabel("From")).toHaveValue("21:00");
  await expect(form.getByLabel("Until")).toHaveValue("08:00");

  await form.getByLabel("2 hours before").uncheck();
  await form.getByLabel("From").fill("22:00");
  await form.getByLabel("Until").fill("07:30");
  await save(page);
  await expect(form.getByRole("status")).toHaveText("Reminder settings saved.");
  await reloadHydrated(page);
  await expect(form.getByLabel("2 hours before")).not.toBeChecked();
  await expect(form.getByLabel("From")).toHaveValue("22:00");
  await expect(form.getByLabel("Until")).toHaveValue("07:30");

  await form.getByLabel("Until").fill("22:00");
  await save(page);
  await expect(form.getByText("Quiet hours must end at a different time")).toBeVisible();
  await reloadHydrated(page);
  await expect(form.getByLabel("Until")).toHaveValue("07:30");

  // The defaults again, for the other specs.
  await form.getByLabel("2 hours before").check();
  await form.getByLabel("From").fill("21:00");
  await form.getByLabel("Until").fill("08:00");
  await save(page);
  await expect(form.getByRole("status")).toHaveText("Reminder settings saved.");
});

test("a receptionist sees the reminder settings read-only, and the Insights card", async ({
  page,
}) => {
  await signIn(page, RECEPTIONIST, "/admin/diary/reminders");
  const form = page.getByRole("form", { name: "Reminder settings" });
  await expect(form.getByLabel("24 hours before")).toBeDisabled();
  await expect(form.getByLabel("From")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save reminder settings" })).toHaveCount(0);
  await page.goto("/insights");
  await expect(page.getByTestId("reminder-effect")).toContainText("No-show rate");
  await expect(page.getByTestId("reminder-effect")).toContainText("Not reminded");
});
