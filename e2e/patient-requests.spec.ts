import { readFile } from "node:fs/promises";

import { expect, test } from "./fixtures";
import { ADMIN, signIn, testCall } from "./helpers";

// A patient's request on Admin → Privacy (issue 16): an admin finds what the clinic holds about a
// number, downloads it as JSON and as a printable summary, and erases it after typing the number
// again. The caller is this spec's own (a number no other spec uses), so the erasure touches
// nothing another spec reads.

test("an admin searches a number, exports it twice and erases it, and each request is listed", async ({
  page,
  baseURL,
}) => {
  const number = `+1554${String(Date.now()).slice(-7)}`;
  const call = testCall(baseURL!, number);
  await call.status("in-progress");
  await call.tool("lookup_procedure", { query: "botox" });
  await call.end();

  await signIn(page, ADMIN, "/admin/privacy");
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  const section = page.getByTestId("patient-requests");
  const searchForm = page.getByRole("form", { name: "Search patient data" });

  // A number that is not in international format is refused with a sentence.
  await searchForm.getByLabel("Patient's number").fill("12345");
  await searchForm.getByRole("button", { name: "Search" }).click();
  await expect(section.getByRole("alert")).toHaveText(
    "Enter the patient's number in international format, e.g. +15555550100.",
  );

  await searchForm.getByLabel("Patient's number").fill(number);
  await searchForm.getByRole("button", { name: "Search" }).click();
  const results = page.getByTestId("subject-results");
  await expect(results).toContainText(`about ${number}`);
  await expect(results).toContainText("Calls: 1");
  await expect(results).toContainText("Patient records: 1");

  const [json] = await Promise.all([
    page.waitForEvent("download"),
    results.getByRole("link", { name: "Export JSON" }).click(),
  ]);
  expect(json.suggestedFilename()).toMatch(/^patient-data-1554\d{7}-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await readFile((await json.path())!, "utf8")) as {
    subject: { phone: string };
    areas: { area: string; rows: { caller_number?: string }[] }[];
  };
  expect(exported.subject.phone).toBe(number);
  expect(exported.areas.find((area) => area.area === "calls")!.rows[0]!.caller_number).toBe(number);

  const [summary] = await Promise.all([
    page.waitForEvent("download"),
    results.getByRole("link", { name: "Export summary" }).click(),
  ]);
  expect(summary.suggestedFilename()).toMatch(/\.html$/);
  expect(await readFile((await summary.path())!, "utf8")).toContain(
    `Data Harbour Aesthetics holds about ${number}`,
  );

  // Erasing needs the number typed again.
  await results.getByRole("button", { name: "Erase…" }).click();
  const confirm = results.getByRole("button", { name: `Erase everything about ${number}` });
  await expect(confirm).toBeDisabled();
  await results.getByLabel("Type the number again").fill(number.slice(0, -1));
  await expect(confirm).toBeDisabled();
  await results.getByLabel("Type the number again").fill(number);
  await confirm.click();
  await expect(section.getByRole("status")).toContainText("Erased. Removed or anonymised:");

  const masked = `+1••••••${number.slice(-4)}`;
  const history = page.getByTestId("privacy-requests");
  await expect(history.getByRole("listitem").filter({ hasText: masked })).toHaveCount(3);
  await expect(
    history.getByRole("listitem").filter({ hasText: masked }).filter({ hasText: "Erasure" }),
  ).toHaveCount(1);
  await expect(history).not.toContainText(number);

  // Nothing is left to find.
  await searchForm.getByRole("button", { name: "Search" }).click();
  await expect(results).toContainText(`The clinic holds nothing about ${number}.`);
});
