import { readFile } from "node:fs/promises";

import { expect, test } from "./fixtures";
import { ADMIN, RECEPTIONIST, signIn } from "./helpers";

// Specs share one database: this one adds its own procedure and document and leaves the seeded
// Facelift and Rhinoplasty ones alone. A retry adds a numbered copy rather than clash with the first.
test("an admin adds a procedure with an answer, uploads its aftercare PDF and assigns it", async ({
  page,
}, testInfo) => {
  const suffix = testInfo.retry ? ` ${testInfo.retry + 1}` : "";
  const name = `Lip filler${suffix}`;
  const title = `Lip Filler Aftercare${suffix}`;
  await signIn(page, ADMIN, "/admin/procedures");
  await expect(page.getByRole("heading", { name: "Procedures", exact: true })).toBeVisible();
  await expect(page.getByTestId("read-only")).toHaveCount(0);

  // Validation and duplicate names are explained next to the field.
  await page.getByRole("button", { name: "Add a procedure" }).click();
  await page.getByRole("button", { name: "Add procedure", exact: true }).click();
  await expect(page.getByText("Enter the procedure's name")).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("FACELIFT");
  await page.getByRole("button", { name: "Add procedure", exact: true }).click();
  await expect(page.getByText("You already have a procedure with this name.")).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page
    .getByLabel(/Callers also say/)
    .fill("lip injections, lip augmentation,  Lip Injections ");
  await page.getByLabel("Duration (minutes)").fill("45");
  await page
    .getByLabel(/Description/)
    .fill("Hyaluronic acid filler that adds volume and shape to the lips.");
  await page.getByRole("button", { name: "Add procedure", exact: true }).click();
  await expect(page.getByRole("cell", { name, exact: true })).toBeVisible();
  await expect(page.getByText("lip injections, lip augmentation", { exact: true })).toBeVisible();

  // Reorder: one step up, so it is no longer last.
  const rows = page.getByTestId("procedure-row");
  await expect(rows.last()).toContainText(name);
  await page.getByRole("button", { name: `Move ${name} up` }).click();
  await expect(rows.last()).not.toContainText(name);

  await page.getByRole("button", { name: `Answers for ${name} (0)` }).click();
  await page.getByRole("button", { name: "Add an answer" }).click();
  await page.getByLabel("Topic", { exact: true }).selectOption("recovery");
  await page.getByLabel("Question", { exact: true }).fill("How long does lip swelling last?");
  await page.getByLabel("Approved answer").fill("Swelling settles within two to three days.");
  await page.getByRole("button", { name: "Add answer", exact: true }).click();
  await expect(
    page.getByTestId("knowledge-entry").filter({ hasText: "How long does lip swelling last?" }),
  ).toContainText("Recovery");
  await expect(page.getByRole("button", { name: `Answers for ${name} (1)` })).toBeVisible();

  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Aftercare" })
    .click();
  await expect(page.getByRole("heading", { name: "Aftercare", exact: true })).toBeVisible();
  const seedPdf = await readFile("supabase/seed/aftercare/facelift-aftercare.pdf");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("PDF file").setInputFiles({
    name: "notes.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("just some text"),
  });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByText("That file is not a PDF")).toBeVisible();
  await page.getByLabel("PDF file").setInputFiles({
    name: "lip-filler-aftercare.pdf",
    mimeType: "application/pdf",
    buffer: seedPdf,
  });
  await page.getByRole("button", { name: "Upload", exact: true }).click();

  const card = page
    .getByTestId("aftercare-card")
    .filter({ has: page.getByText(title, { exact: true }) });
  await expect(card).toContainText("lip-filler-aftercare.pdf");
  await expect(card).toContainText("For: no procedure yet");
  await card.getByRole("button", { name: `Procedures for ${title}` }).click();
  await card.getByRole("checkbox", { name, exact: true }).check();
  await card.getByRole("button", { name: "Save procedures" }).click();
  await expect(card).toContainText(`For: ${name}`);

  const preview = card.getByRole("link", { name: `Preview ${title} (opens in a new tab)` });
  await expect(preview).toHaveAttribute("target", "_blank");
  const file = await page.request.get((await preview.getAttribute("href"))!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  expect(Buffer.from(await file.body()).equals(seedPdf)).toBe(true);

  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Procedures" })
    .click();
  const row = rows.filter({ has: page.getByRole("cell", { name, exact: true }) });
  await expect(row.getByText(title, { exact: true })).toBeVisible();
});

test("a receptionist sees procedures and aftercare read-only", async ({ page }) => {
  await signIn(page, RECEPTIONIST, "/admin/procedures");
  await expect(page.getByTestId("read-only")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Facelift", exact: true })).toBeVisible();
  for (const label of [
    "Add a procedure",
    "Edit Facelift",
    "Move Facelift down",
    "Deactivate Facelift",
  ]) {
    await expect(page.getByRole("button", { name: label })).toHaveCount(0);
  }
  await page.getByRole("button", { name: /^Answers for Facelift/ }).click();
  await expect(page.getByTestId("knowledge-entry").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Add an answer" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Edit|Delete) answer/ })).toHaveCount(0);

  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Aftercare" })
    .click();
  await expect(page.getByTestId("read-only")).toBeVisible();
  const card = page.getByTestId("aftercare-card").filter({ hasText: "Facelift Aftercare" });
  await expect(card.getByRole("link", { name: /^Preview Facelift Aftercare/ })).toBeVisible();
  await expect(page.getByRole("form", { name: "Upload a PDF" })).toHaveCount(0);
  await expect(page.getByLabel("PDF file")).toHaveCount(0);
  for (const action of ["Procedures for", "Rename", "Replace file of", "Delete"]) {
    await expect(page.getByRole("button", { name: new RegExp(`^${action} `) })).toHaveCount(0);
  }
});
