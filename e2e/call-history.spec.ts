import { expect, test } from "./fixtures";
import { ADMIN, RECEPTIONIST, signIn, testCall } from "./helpers";

// The call history and a call's page (issue 20): found by caller, opened from the history, the
// page saying what happened and what to do, and doing it there; codes only behind the admins'
// Details; every state of a page handled.
test.describe("call history and a call's page", () => {
  test("a receptionist finds a booked call, reads what happened and confirms the booking from it", async ({
    page,
    baseURL,
  }) => {
    const call = testCall(baseURL!, "+15550104411");
    await call.status("in-progress");
    const slots = (await call.tool("check_availability", { procedure: "rhinoplasty" })).result!
      .slots;
    await call.tool("hold_slot", { slotId: slots[0]!.slotId });
    await call.tool("confirm_booking", {
      slotId: slots[0]!.slotId,
      patientName: "Imani Okafor",
      procedure: "rhinoplasty",
    });
    await call.end("customer-ended-call");

    await signIn(page, RECEPTIONIST, "/calls");
    await expect(page.getByRole("heading", { name: "Call history", exact: true })).toBeVisible();
    await expect(page.getByTestId("export-csv")).toHaveCount(0);
    await page.getByLabel("Caller").fill("555-0104411");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/caller=555-0104411/);
    const row = page.getByTestId("history-row");
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("history-outcome")).toHaveText("Booked");
    await expect(row).toContainText("•••• 4411");
    await row.getByRole("link").first().click();

    await expect(page.getByTestId("summary-line")).toContainText(
      /booked a Rhinoplasty .*appointment with .* for /,
    );
    await expect(page.getByTestId("next-action")).toHaveText("Confirm this booking.");
    // The full number to ring back, on the call's own (access-logged) page only.
    await expect(page.getByTestId("caller-number").getByTestId("call-link")).toHaveAttribute(
      "href",
      "tel:+15550104411",
    );
    await expect(page.getByText("Caller hung up").first()).toBeVisible();
    // Words only: no codes, no tool names, no timings, and no Details for a receptionist.
    const body = await page.locator("main").innerText();
    expect(body).not.toMatch(/customer-ended-call|check_availability|hold_slot|\d+ ms\b/);
    await expect(page.getByTestId("technical-details")).toHaveCount(0);

    await page.getByTestId("call-actions").getByRole("button", { name: "Confirm booking" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "booking is confirmed" }),
    ).toBeVisible();
    await expect(page.getByTestId("next-action")).toHaveText("Nothing to do.");
    await expect(page.getByTestId("call-actions").getByRole("button")).toHaveText([
      "Cancel booking",
    ]);
  });

  test("an admin sees a failed call in words, its code behind Details, and exports the history", async ({
    page,
    baseURL,
  }) => {
    const call = testCall(baseURL!, "+15550108822");
    await call.status("in-progress");
    await call.end("pipeline-error-openai-llm-failed");

    await signIn(page, ADMIN, "/calls?caller=0108822");
    const row = page.getByTestId("history-row");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Voxanne had a technical problem");
    const download = page.waitForEvent("download");
    await page.getByTestId("export-csv").click();
    const csv = await (await download).createReadStream();
    let text = "";
    for await (const chunk of csv) text += String(chunk);
    expect(text.split("\r\n")[0]).toMatch(/^Started \(America\/New_York\),Caller,Number,Outcome/);
    expect(text).toContain("'+15550108822");
    expect(text).toContain("Voxanne had a technical problem");

    await row.getByRole("link").first().click();
    await expect(page.getByTestId("summary-line")).toHaveText(
      "Someone called; Voxanne had a technical problem.",
    );
    await expect(page.getByTestId("next-action")).toHaveText("Nothing to do.");
    const details = page.getByTestId("technical-details");
    await expect(details.getByText("pipeline-error-openai-llm-failed")).toBeHidden();
    await details.getByText("Details", { exact: true }).click();
    await expect(details.getByText("pipeline-error-openai-llm-failed")).toBeVisible();
  });

  test("bad addresses are answered in words, inside the dashboard", async ({ page }) => {
    await signIn(page, RECEPTIONIST, "/bookings?day=2026-13-45");
    await expect(page.getByRole("heading", { name: "Bookings", exact: true })).toBeVisible();
    await expect(page.getByTestId("ignored-params")).toHaveText(
      "“2026-13-45” is not a date, so bookings on every day are shown.",
    );
    await page.goto("/calls?from=2026-02-30&outcome=exploded&page=abc");
    await expect(page.getByTestId("ignored-params")).toContainText("“2026-02-30” is not a date");
    await expect(page.getByTestId("ignored-params")).toContainText("“exploded” is not an outcome");
    for (const path of [
      "/calls/not-a-call",
      "/calls/7f1c4c9e-4a5b-4c37-9a44-0c5d2b1e3f10",
      "/no-such-page",
    ]) {
      await page.goto(path);
      await expect(page.getByTestId("not-found")).toContainText("We couldn't find that page");
      // Still in the dashboard's frame.
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    }
  });
});
