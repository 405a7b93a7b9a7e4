import { expect, test, type Page, type TestInfo } from "./fixtures";
import { gotoHydrated, RECEPTIONIST, reloadHydrated, signIn, testCall } from "./helpers";

// Alerts (issue 20): what needs the front desk is counted beside Live calls and Bookings and in
// the tab title, live; a transfer is a banner on the board; each person's sound and notification
// choice persists. Counts in the shared demo clinic are read before and after this test's own
// booking, never assumed (the suite runs one test at a time).

const KINDS = ["transfers", "holds", "bookings", "callbacks"] as const;

/**
 * A badge's count; 0 when it is not shown (zero counts are hidden). Visible ones only: a full
 * load may leave React's hidden streamed copy of the page beside it (docs/testing.md).
 */
async function badge(page: Page, kind: (typeof KINDS)[number]): Promise<number> {
  const locator = page.getByTestId(`alert-badge-${kind}`).filter({ visible: true });
  if ((await locator.count()) === 0) return 0;
  return Number(await locator.getAttribute("data-count"));
}

/** The tab title shows the sum of the sidebar's badges, whatever other work moves them. */
async function expectTitleMatchesBadges(page: Page, title: string) {
  await expect(async () => {
    let total = 0;
    for (const kind of KINDS) total += await badge(page, kind);
    const prefix = total > 0 ? `(${total > 99 ? "99+" : total}) ` : "";
    expect(await page.title()).toBe(`${prefix}${title} · CallWaiting AI`);
  }).toPass({ timeout: 10_000 });
}

/**
 * Runs in every page of the test's context: records when each EventSource opens, errs and
 * receives an event, with the time, into `window.__streamLog`.
 */
function probeStreams() {
  const log: string[] = [];
  (window as unknown as { __streamLog: string[] }).__streamLog = log;
  const Original = window.EventSource;
  const stamp = () => new Date().toISOString().slice(11, 23);
  window.EventSource = class extends Original {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      const where = String(url).replace(/^.*\/api\//, "");
      log.push(`${stamp()} new ${where}`);
      this.addEventListener("open", () => log.push(`${stamp()} open ${where}`));
      this.addEventListener("error", () =>
        log.push(`${stamp()} error ${where} (readyState ${this.readyState})`),
      );
      for (const name of ["message", "alerts_change", "calls_change", "call_status"])
        this.addEventListener(name, (event) =>
          log.push(
            `${stamp()} ${name} ${where} ${String((event as MessageEvent).data).slice(0, 120)}`,
          ),
        );
    }
  };
}

/** Every request for the alert counts a page makes, and what it answered. */
function watchCountReloads(page: Page) {
  const lines: string[] = [];
  const stamp = () => new Date().toISOString().slice(11, 23);
  page.on("request", (request) => {
    if (/\/alerts$/.test(new URL(request.url()).pathname))
      lines.push(`${stamp()} GET ${request.url()}`);
  });
  page.on("response", async (response) => {
    if (!/\/alerts$/.test(new URL(response.url()).pathname)) return;
    const body = await response.text().catch(() => "(no body)");
    lines.push(`${stamp()} ${response.status()} ${body.slice(0, 200)}`);
  });
  page.on("requestfailed", (request) => {
    if (/\/alerts$/.test(new URL(request.url()).pathname))
      lines.push(`${stamp()} failed ${request.failure()?.errorText ?? ""}`);
  });
  return lines;
}

/** Attaches both tabs' stream logs, the first tab's count reloads and the server's count now. */
async function attachProbe(testInfo: TestInfo, pages: Record<string, Page>, reloads: string[]) {
  const sections: string[] = [];
  for (const [name, tab] of Object.entries(pages)) {
    const log = await tab
      .evaluate(() => (window as unknown as { __streamLog?: string[] }).__streamLog ?? [])
      .catch(() => ["(page gone)"]);
    sections.push(`## ${name} tab streams\n${log.join("\n")}`);
  }
  sections.push(`## first tab count reloads\n${reloads.join("\n")}`);
  const url = reloads.map((line) => /GET (\S+)/.exec(line)?.[1]).find(Boolean);
  if (url) {
    const now = await pages
      .first!.evaluate((target) => fetch(target, { cache: "no-store" }).then((r) => r.text()), url)
      .catch((error: unknown) => `(fetch failed: ${String(error)})`);
    sections.push(`## the server's counts now\n${now}`);
  }
  await testInfo.attach("live-update-probe", {
    body: sections.join("\n\n"),
    contentType: "text/plain",
  });
  console.log(sections.join("\n\n"));
}

const suffix = () =>
  Math.random()
    .toString(36)
    .replace(/[^a-z]/g, "")
    .slice(0, 6);

test.describe("alerts", () => {
  test("count a booking waiting for confirmation in the sidebar and the title, live as it is made and confirmed", async ({
    page,
    context,
    baseURL,
  }, testInfo) => {
    // A kept probe for the rare failure below (docs/testing.md): each tab's stream events and
    // count reloads, attached with the server's own count only when the live update fails.
    await context.addInitScript(probeStreams);
    const reloads = watchCountReloads(page);
    const last4 = String(1000 + Math.floor(Math.random() * 9000));
    const patient = `Nora Alert${suffix()}`;
    await signIn(page, RECEPTIONIST);
    await expect(page.getByTestId("connection")).toHaveText("Live");
    await expectTitleMatchesBadges(page, "Live calls");
    const before = await badge(page, "bookings");

    const call = testCall(baseURL!, `+1555011${last4}`);
    await call.status("in-progress");
    await call.speech("user", "started", 1);
    const slots = (await call.tool("check_availability", { procedure: "rhinoplasty" })).result!
      .slots;
    await call.tool("hold_slot", { slotId: slots[0]!.slotId });
    await call.tool("confirm_booking", {
      slotId: slots[0]!.slotId,
      patientName: patient,
      procedure: "rhinoplasty",
    });
    const pending = page.getByTestId("alert-badge-bookings");
    await expect(pending).toHaveAttribute("data-count", String(before + 1));
    await expect(pending).toHaveAccessibleName(
      `${before + 1} ${before + 1 === 1 ? "booking" : "bookings"} waiting for confirmation`,
    );
    await expectTitleMatchesBadges(page, "Live calls");
    await call.end("customer-ended-call");

    // Confirmed in another tab: this one follows without a reload.
    const bookings = await context.newPage();
    await gotoHydrated(bookings, "/bookings");
    const row = bookings.getByTestId("booking-row").filter({ hasText: patient, visible: true });
    await row.getByRole("button", { name: "Confirm" }).click();
    await expect(row.getByTestId("booking-status")).toHaveText("confirmed");
    try {
      await expect.poll(() => badge(page, "bookings"), { timeout: 10_000 }).toBe(before);
    } catch (error) {
      await attachProbe(testInfo, { first: page, second: bookings }, reloads);
      throw error;
    }
    await expectTitleMatchesBadges(page, "Live calls");
    await expectTitleMatchesBadges(bookings, "Bookings");

    // After a reload the counts come back from the server.
    await reloadHydrated(page);
    await expect.poll(() => badge(page, "bookings")).toBe(before);
    await expectTitleMatchesBadges(page, "Live calls");
  });

  test("show a transfer as a banner on the board while it rings, and notify when chosen", async ({
    page,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(["notifications"]);
    // Record the notifications the page shows (the real ones still open).
    await context.addInitScript(() => {
      const shown: { title: string; body?: string }[] = [];
      (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
      window.Notification = new Proxy(window.Notification, {
        construct(target, args: [string, NotificationOptions?]) {
          shown.push({ title: args[0], body: args[1]?.body });
          return new target(...args);
        },
      });
    });
    await signIn(page, RECEPTIONIST);
    await expect(page.getByTestId("connection")).toHaveText("Live");

    // The person's own choice, in the user menu; it persists across a reload.
    const settings = page.getByTestId("alert-settings");
    await settings.getByText("Sound and notifications").click();
    await settings.getByLabel("Play a sound").check();
    await expect(settings.getByRole("status")).toHaveText("Sound on.");
    await settings.getByLabel("Show browser notifications").check();
    await expect(settings.getByRole("status")).toHaveText("Notifications on.");
    await reloadHydrated(page);
    await settings.getByText("Sound and notifications").click();
    await expect(settings.getByLabel("Play a sound")).toBeChecked();
    await expect(settings.getByLabel("Show browser notifications")).toBeChecked();
    await expect(page.getByTestId("connection")).toHaveText("Live");

    const last4 = String(1000 + Math.floor(Math.random() * 9000));
    const call = testCall(baseURL!, `+1555012${last4}`);
    await call.status("in-progress");
    await call.speech("user", "started", 1);
    await call.send("transfer-update", {
      destination: { type: "number", number: "+15555550100", description: "Front desk" },
    });
    const banner = page.getByTestId("transfer-banner").filter({ hasText: `•••• ${last4}` });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText("Pick up the front-desk phone");
    await expect(banner.getByTestId("transfer-reason")).toHaveText("Asked to speak to a person");
    await expect(page.getByRole("alert").filter({ has: banner })).toHaveCount(1);
    await expect(page.getByTestId("alert-badge-transfers")).toHaveAccessibleName(
      /transfers? ringing: pick up the front-desk phone/,
    );
    await expectTitleMatchesBadges(page, "Live calls");
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (window as unknown as { shownNotifications: { title: string }[] }).shownNotifications,
        ),
      )
      .toContainEqual({ title: `Transfer: •••• ${last4}`, body: "Pick up the front-desk phone." });

    await call.end("assistant-forwarded-call");
    await expect(banner).toHaveCount(0);
    await expectTitleMatchesBadges(page, "Live calls");

    // Off again, and that persists too.
    await settings.getByLabel("Play a sound").uncheck();
    await expect(settings.getByRole("status")).toHaveText("Sound off.");
    await settings.getByLabel("Show browser notifications").uncheck();
    await expect(settings.getByRole("status")).toHaveText("Notifications off.");
    await reloadHydrated(page);
    await settings.getByText("Sound and notifications").click();
    await expect(settings.getByLabel("Play a sound")).not.toBeChecked();
    await expect(settings.getByLabel("Show browser notifications")).not.toBeChecked();
  });
});
