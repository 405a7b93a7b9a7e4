import { expect, test } from "./fixtures";
import { ADMIN, signIn } from "./helpers";

test("an admin tests redaction live, adds a rule, sees it applied, and switches it off", async ({
  page,
}) => {
  await signIn(page, ADMIN, "/admin/redaction");
  const output = page.getByTestId("tester-output");
  for (const type of ["NAME", "PHONE", "EMAIL", "DOB", "MEDICAL"])
    await expect(output.locator(`[data-placeholder="${type}"]`)).toBeVisible();
  await expect(output).toContainText("facelift");

  const input = page.getByLabel("Transcript");
  // A whole call: the bare answer to "date of birth?" and the number said over two turns.
  await input.fill(
    [
      "Voxanne: Thanks. And your date of birth?",
      "Caller: fourth of march seventy one",
      "Voxanne: And the best number to reach you on?",
      "Caller: oh seven seven double oh",
      "Caller: nine hundred one two three",
    ].join("\n"),
  );
  const turns = output.getByTestId("tester-turn");
  await expect(turns).toHaveCount(5);
  await expect(turns.nth(1).locator('[data-placeholder="DOB"]')).toBeVisible();
  await expect(turns.nth(3).locator('[data-placeholder="PHONE"]')).toBeVisible();
  await expect(turns.nth(4).locator('[data-placeholder="PHONE"]')).toBeVisible();
  await expect(output).not.toContainText("seventy");

  await input.fill("i bought the diamond package last year, record HA-204518");
  await expect(output).toHaveText("i bought the diamond package last year, record [ID]");

  await page.getByRole("button", { name: "Add a rule" }).click();
  await page.getByLabel(/Keyword or phrase/).fill("diamond package");
  await page.getByLabel("Replace with").selectOption("CUSTOM");
  await page.getByLabel("Why (for other admins)").fill("Membership tiers are personal");
  await page.getByRole("button", { name: "Add rule" }).click();
  await expect(
    page.getByTestId("rule-row").filter({ hasText: "diamond package", visible: true }),
  ).toBeVisible();

  await input.fill("I bought the Diamond Package last year.");
  await expect(output).toHaveText("I bought the [CUSTOM] last year.");

  await page.getByRole("button", { name: "Add a rule" }).click();
  await page.getByLabel("Kind").selectOption("pattern");
  await page.getByLabel(/Regular expression/).fill("(a)\\1");
  await page.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByText(/Not a valid pattern/)).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("button", { name: "Turn off diamond package" }).click();
  await expect(page.getByRole("button", { name: "Turn on diamond package" })).toBeVisible();
  await input.fill("i bought the diamond package again.");
  await expect(output).toHaveText("i bought the diamond package again.");
});
