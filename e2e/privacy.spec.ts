import { expect, test } from "@playwright/test";

import { ADMIN, RECEPTIONIST, signIn } from "./helpers";

// Specs share one database: this one stores only a retention window that no assistant config
// depends on, and puts it back. Refused input (a greeting without the disclosure, a window out
// of range) stores nothing, which the reload checks.
test.describe.configure({ mode: "serial" });

test("an admin sees the assistant's privacy defaults and the steps outside the app", async ({
  page,
}) => {
  await signIn(page, ADMIN, "/");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Privacy" })
    .click();
  await expect(page).toHaveURL(/\/admin\/privacy$/);
  const form = page.getByRole("form", { name: "Privacy settings" });
  await expect(form.getByLabel("HIPAA mode")).toBeChecked();
  await expect(form.getByLabel("Record calls")).not.toBeChecked();
  await expect(page.getByTestId("greeting-preview")).toContainText(
    "This is Voxanne, the clinic's AI assistant.",
  );
  await expect(page.getByTestId("outside-the-api")).toContainText("Sign a BAA with Vapi");
  await expect(page.getByTestId("purge-runs")).toBeVisible();
});

test("a greeting without the disclosure and a window out of range are refused, and nothing is stored", async ({
  page,
}) => {
  await signIn(page, ADMIN, "/admin/privacy");
  const form = page.getByRole("form", { name: "Privacy settings" });
  const save = page.getByRole("button", { name: "Save privacy settings" });

  await form.getByLabel("Your wording").fill("Hello, {clinic}. How can I help?");
  await expect(page.getByTestId("greeting-preview")).toContainText("the standard wording is shown");
  await save.click();
  await expect(form.getByText("The first message must say the name Voxanne")).toBeVisible();

  await form.getByLabel("Your wording").fill("");
  await form.getByLabel("Webhook receipts (days)").fill("3");
  await save.click();
  await expect(form.getByText("Webhook receipts: between 7 and 365 days")).toBeVisible();

  await page.reload();
  await expect(form.getByLabel("Your wording")).toHaveValue("");
  await expect(form.getByLabel("Webhook receipts (days)")).toHaveValue("30");
});

test("an admin changes a retention window, and it is kept", async ({ page }) => {
  await signIn(page, ADMIN, "/admin/privacy");
  const form = page.getByRole("form", { name: "Privacy settings" });
  const save = page.getByRole("button", { name: "Save privacy settings" });
  await form.getByLabel("Webhook receipts (days)").fill("14");
  await save.click();
  await expect(form.getByRole("status")).toHaveText("Privacy settings saved.");
  await page.reload();
  await expect(form.getByLabel("Webhook receipts (days)")).toHaveValue("14");
  // The default again, for the other specs.
  await form.getByLabel("Webhook receipts (days)").fill("30");
  await save.click();
  await expect(form.getByRole("status")).toHaveText("Privacy settings saved.");
});

test("a receptionist has no Privacy page", async ({ page }) => {
  await signIn(page, RECEPTIONIST, "/admin/privacy");
  await expect(page.getByText("Admins only")).toBeVisible();
  await expect(page.getByRole("form", { name: "Privacy settings" })).toHaveCount(0);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Privacy" }),
  ).toHaveCount(0);
});
