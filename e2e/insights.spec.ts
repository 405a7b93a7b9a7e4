import { expect, test } from "./fixtures";
import { ADMIN, gotoHydrated, RECEPTIONIST, signIn, testCall } from "./helpers";

// Specs share one database: assert what these calls add (at least one), never exact totals.
test("after a booked call, Insights shows a call funnel with bookings", async ({
  page,
  baseURL,
}) => {
  // Its own caller number: e2e/call-history.spec.ts searches the history for +15550104411.
  const call = testCall(baseURL!, "+15550104463");
  await call.status("in-progress");
  const slots = (
    await call.tool("check_availability", { procedure: "facelift", partOfDay: "morning" })
  ).result!.slots;
  await call.tool("hold_slot", { slotId: slots[0]!.slotId });
  expect(
    (await call.tool("confirm_booking", { slotId: slots[0]!.slotId, patientName: "Grace Hopper" }))
      .result!.booked,
  ).toBe(true);
  await call.end("customer-ended-call");

  await signIn(page, RECEPTIONIST, "/insights");
  await expect(page).toHaveURL(/\/insights$/);
  await expect(page.getByRole("heading", { name: "Insights", level: 1 })).toBeVisible();
  const funnel = page.getByTestId("call-funnel");
  await expect(
    funnel.getByTestId("call-funnel-chart").locator(".recharts-bar-rectangle").first(),
  ).toBeVisible();
  for (const step of ["Calls", "Booking intent", "Held a slot", "Booked"]) {
    const count = funnel.locator(`[data-step="${step}"]`).getByTestId("funnel-count");
    expect(Number(await count.innerText())).toBeGreaterThanOrEqual(1);
  }
  await expect(page.getByTestId("outcome-totals")).toContainText("Booked");
  await expect(page.getByTestId("reason-totals")).toContainText("Caller hung up");

  // The sidebar links both pages; an out-of-range request shows the empty state.
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Insights" })).toHaveAttribute("aria-current", "page");
  await gotoHydrated(page, "/insights?from=2020-01-01&to=2020-01-14");
  await expect(page.getByText("No calls in this range")).toBeVisible();
  await expect(page.getByLabel("From")).toHaveValue("2020-01-01");
});

test("Latency shows a measured turn over 700 ms, highlighted", async ({ page, baseURL }) => {
  const call = testCall(baseURL!, "+15550104412");
  await call.status("in-progress");
  const t = Date.now();
  await call.send("speech-update", { role: "user", status: "stopped", turn: 1, timestamp: t });
  await call.send("speech-update", {
    role: "assistant",
    status: "started",
    turn: 2,
    timestamp: t + 1250,
  });
  await call.end("customer-ended-call");

  await signIn(page, ADMIN, "/latency");
  await expect(page).toHaveURL(/\/latency$/);
  await expect(page.getByRole("heading", { name: "Latency", level: 1 })).toBeVisible();
  expect(Number(await page.getByTestId("latency-turns").innerText())).toBeGreaterThanOrEqual(1);
  // The 700 ms target line (a 0-px-high SVG line, so attached rather than "visible").
  await expect(
    page.getByTestId("latency-chart").locator("line.recharts-reference-line-line"),
  ).toBeAttached();
  const slow = page.getByTestId("latency-over700").and(page.locator("[data-slow=true]")).first();
  await expect(slow).toBeVisible();
  expect(Number(await slow.innerText())).toBeGreaterThanOrEqual(1);
  await expect(slow).toHaveClass(/text-destructive/);

  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Insights" })
    .click();
  await expect(page).toHaveURL(/\/insights$/);
});
