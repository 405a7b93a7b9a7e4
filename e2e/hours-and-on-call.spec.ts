import { expect, test } from "./fixtures";
import { ADMIN, RECEPTIONIST, reloadHydrated, signIn } from "./helpers";

// Specs share one database: this one changes Harbour's Sunday opening hours and Monday-night
// rota and puts both back as they were (Harbour is closed on Sundays and has no rota).
test.describe.configure({ mode: "serial" });

test("an admin edits opening hours and the on-call rota; bad input is explained beside it", async ({
  page,
}) => {
  await signIn(page, ADMIN, "/admin/diary/hours");
  await expect(
    page.getByRole("navigation", { name: "Diary setup" }).getByRole("link", {
      name: "Hours and on-call",
    }),
  ).toHaveAttribute("aria-current", "page");

  // Opening hours: two overlapping Sunday intervals are refused beside the second.
  const hours = page.getByRole("form", { name: "Opening hours" });
  await hours.getByRole("button", { name: "Add hours on Sunday" }).click();
  await hours.getByRole("button", { name: "Add hours on Sunday" }).click();
  await hours.getByLabel("Sunday 2 starts").fill("16:00");
  await hours.getByRole("button", { name: "Save opening hours" }).click();
  await expect(hours.getByText("Overlaps 09:00–17:00 on the same day")).toBeVisible();
  await hours.getByRole("button", { name: "Remove Sunday 16:00–20:00" }).click();
  await hours.getByRole("button", { name: "Save opening hours" }).click();
  await expect(hours.getByText("Opening hours saved.")).toBeVisible();
  await reloadHydrated(page);
  await expect(page.getByLabel("Sunday 1 starts")).toHaveValue("09:00");
  // Back as it was: closed on Sundays.
  await page.getByRole("button", { name: "Remove Sunday 09:00–17:00" }).click();
  await page.getByRole("button", { name: "Save opening hours" }).click();
  await expect(page.getByText("Opening hours saved.")).toBeVisible();

  // The rota: a number that is not E.164 is refused; gaps are warned, not refused.
  const rota = page.getByRole("form", { name: "On-call rota" });
  await rota.getByLabel("Monday night: clinician").fill("Dr Okafor");
  await rota.getByLabel("Monday night: number").fill("07700 900123");
  await rota.getByRole("button", { name: "Save rota" }).click();
  await expect(
    rota.getByText("Enter the number in international format, e.g. +15555550100"),
  ).toBeVisible();
  await rota.getByLabel("Monday night: number").fill("+1 555 555 0166");
  await rota.getByRole("button", { name: "Save rota" }).click();
  await expect(rota.getByText("Rota saved.")).toBeVisible();
  await expect(rota.getByTestId("rota-gaps")).toContainText(
    "Nobody is on call on Tuesday, Wednesday, Thursday, Friday, Saturday and Sunday nights",
  );
  await reloadHydrated(page);
  await expect(page.getByLabel("Monday night: number")).toHaveValue("+15555550166");
  // Back as it was: nobody on call.
  await page.getByLabel("Monday night: clinician").fill("");
  await page.getByLabel("Monday night: number").fill("");
  await page.getByRole("button", { name: "Save rota" }).click();
  await expect(page.getByText("Rota saved.")).toBeVisible();

  // The live board shows the front desk's state.
  await page.goto("/");
  await expect(page.getByTestId("opening-status")).toContainText(/^Front desk: (Open|Closed)/);
});

test("a receptionist sees the hours, transfers and rota read-only", async ({ page }) => {
  await signIn(page, RECEPTIONIST, "/admin/diary/hours");
  await expect(page.getByRole("form", { name: "Opening hours" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save opening hours" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save rota" })).toHaveCount(0);
  await expect(page.getByLabel("Monday night: clinician")).toBeDisabled();
  await expect(page.getByLabel("Front desk number")).toBeDisabled();
  // Failover: the number's fallback when our server is down is the front desk.
  await expect(page.getByTestId("failover")).toContainText("front desk, +15555550100");
  await expect(page.getByTestId("failover")).toContainText('"fallbackDestination"');
});

test("an admin sets special hours on a date, tests the transfer then, and is told what connecting the number needs", async ({
  page,
}) => {
  await signIn(page, ADMIN, "/admin/diary/hours");
  const special = page.getByRole("form", { name: "Add special hours" });
  await special.getByLabel("Date").fill("2026-12-24");
  await special.getByLabel("Opens").fill("09:00");
  await special.getByLabel("Closes").fill("08:00");
  await special.getByRole("button", { name: "Add special hours" }).click();
  await expect(special.getByText("Closing time must be after opening time")).toBeVisible();
  await special.getByLabel("Closes").fill("13:00");
  await special.getByLabel("Reason").fill("Christmas Eve");
  await special.getByRole("button", { name: "Add special hours" }).click();
  await expect(special.getByText("Special hours added.")).toBeVisible();
  await expect(page.getByTestId("date-hours-row")).toContainText("Christmas Eve");

  // Test the transfer at 14:00 that day: closed by the special hours, so no transfer.
  const preview = page.getByTestId("transfer-preview");
  await preview.getByLabel("Moment (clinic time)").fill("2026-12-24T14:00");
  await preview.getByRole("button", { name: "Test the transfer" }).click();
  await expect(preview).toContainText("2026-12-24 14:00");
  await expect(page.getByTestId("transfer-preview-ordinary")).toContainText("No transfer");
  await expect(page.getByTestId("transfer-preview-emergency")).toContainText("call 911 now");

  // Without VAPI_API_KEY on this server, connecting the number explains what is missing.
  await page.getByRole("button", { name: "Connect number to Vapi" }).click();
  await expect(page.getByTestId("connect-number")).toContainText(
    "VAPI_API_KEY is not set on the server",
  );

  // Back as it was: no special hours.
  await page.getByRole("button", { name: /Delete special hours/ }).click();
  await expect(page.getByTestId("date-hours-row")).toHaveCount(0);
});
