import { expect, test } from "./fixtures";
import { ADMIN, RECEPTIONIST, reloadHydrated, signIn, testCall } from "./helpers";

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

  // A wording with the whole disclosure is what callers hear, the clinic's name filled in.
  await form.getByLabel("Your wording").fill("{clinic}, Voxanne here, the AI assistant.");
  await expect(page.getByTestId("greeting-preview")).toContainText(
    "Harbour Aesthetics, Voxanne here, the AI assistant.",
  );
  await expect(page.getByTestId("greeting-preview")).not.toContainText("standard wording");

  await form.getByLabel("Your wording").fill("");
  await form.getByLabel("Webhook receipts (days)").fill("3");
  await save.click();
  await expect(form.getByText("Webhook receipts: between 7 and 365 days")).toBeVisible();

  await reloadHydrated(page);
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
  await reloadHydrated(page);
  await expect(form.getByLabel("Webhook receipts (days)")).toHaveValue("14");
  // The default again, for the other specs.
  await form.getByLabel("Webhook receipts (days)").fill("30");
  await save.click();
  await expect(form.getByRole("status")).toHaveText("Privacy settings saved.");
});

test("opening a patient is in the access log the admin reads, with who and which patient", async ({
  page,
  baseURL,
}) => {
  // A caller the clinic has not seen: the call files them as a patient.
  const number = `+1555${String(Date.now()).slice(-7)}`;
  const call = testCall(baseURL!, number);
  await call.status("in-progress");
  await call.end();

  await signIn(page, RECEPTIONIST, `/patients?q=${number.slice(-7)}`);
  await page.getByTestId("patient-row").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  // The URL changes as the page's loading state shows; the opening is recorded with the page's
  // data, so wait for that before signing out (leaving earlier can cancel the load).
  await expect(page.getByTestId("patient-number")).toBeVisible();
  const patientPath = new URL(page.url()).pathname;

  await page.context().clearCookies();
  await signIn(page, ADMIN, "/admin/privacy");
  const log = page.getByTestId("access-log");
  const entry = log.getByRole("row").filter({ has: page.locator(`a[href="${patientPath}"]`) });
  await expect(entry.first()).toContainText(RECEPTIONIST.email);
  // Filtered to that staff member, every entry is theirs.
  await page
    .getByRole("form", { name: "Filter the access log" })
    .getByLabel("Staff member")
    .selectOption({ label: RECEPTIONIST.email });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/staff=/);
  await expect(entry.first()).toBeVisible();
  for (const text of await log.getByRole("row").allTextContents())
    if (!text.startsWith("When")) expect(text).toContain(RECEPTIONIST.email);
});

test("a receptionist has no Privacy page", async ({ page }) => {
  await signIn(page, RECEPTIONIST, "/admin/privacy");
  await expect(page.getByText("Admins only")).toBeVisible();
  await expect(page.getByRole("form", { name: "Privacy settings" })).toHaveCount(0);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Privacy" }),
  ).toHaveCount(0);
});
