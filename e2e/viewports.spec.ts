import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";

import { expect, test, type Browser, type Page } from "./fixtures";
import { ADMIN, RECEPTIONIST, reloadHydrated, signIn, testCall } from "./helpers";

// Every page on a phone (390×844) and a tablet (820×1180), for each role that sees it (issue 20,
// "Phone and tablet" and "Accessibility"): nothing scrolls the page sideways, and axe finds no
// serious or critical violation. The list of routes is checked against app/**/page.tsx, so a new
// page fails here until it is added. Each route is visited once per role that sees it: checked
// at the phone's width, laid out again at the tablet's and checked, then axe and the skip link
// on that same visit.

type Who = "admin" | "receptionist" | "patient";
const STAFF: Who[] = ["admin", "receptionist"];

/** The ids a dynamic route needs, made by this spec's own call, patient and invitation. */
interface Ids {
  aftercareLink: string;
  callPath: string;
  patientPath: string;
  inviteLink: string;
  manageLink: string;
}

interface Route {
  /** The address visited. */
  path: (ids: Ids) => string;
  /** Who visits it: staff routes for each role whose page differs, patient routes signed out. */
  who: Who[];
}

const fixed = (address: string) => () => address;

/** Keyed by the route as app/ spells it (route groups dropped). */
const ROUTES: Record<string, Route> = {
  // Staff: both roles wherever the page is not the same for them (the details and actions only
  // admins get, the nav itself). Admin pages are the admin's; a receptionist gets the same
  // "admins only" frame on each, visited once (/admin/procedures).
  "/": { path: fixed("/"), who: STAFF },
  "/diary": { path: fixed("/diary"), who: ["receptionist"] },
  "/calls": { path: fixed("/calls"), who: STAFF },
  "/calls/[id]": { path: (ids) => ids.callPath, who: STAFF },
  "/bookings": { path: fixed("/bookings"), who: ["receptionist"] },
  "/messages": { path: fixed("/messages"), who: ["receptionist"] },
  "/patients": { path: fixed("/patients"), who: ["receptionist"] },
  "/patients/[patientId]": { path: (ids) => ids.patientPath, who: STAFF },
  "/latency": { path: fixed("/latency"), who: ["receptionist"] },
  "/insights": { path: fixed("/insights"), who: ["receptionist"] },
  "/admin/procedures": { path: fixed("/admin/procedures"), who: STAFF },
  "/admin/diary": { path: fixed("/admin/diary"), who: ["admin"] },
  "/admin/diary/hours": { path: fixed("/admin/diary/hours"), who: ["admin"] },
  "/admin/diary/closures": { path: fixed("/admin/diary/closures"), who: ["admin"] },
  "/admin/diary/practitioners": { path: fixed("/admin/diary/practitioners"), who: ["admin"] },
  "/admin/diary/rooms": { path: fixed("/admin/diary/rooms"), who: ["admin"] },
  "/admin/diary/rules": { path: fixed("/admin/diary/rules"), who: ["admin"] },
  "/admin/diary/reminders": { path: fixed("/admin/diary/reminders"), who: ["admin"] },
  "/admin/aftercare": { path: fixed("/admin/aftercare"), who: ["admin"] },
  "/admin/assistant": { path: fixed("/admin/assistant"), who: ["admin"] },
  "/admin/redaction": { path: fixed("/admin/redaction"), who: ["admin"] },
  "/admin/privacy": { path: fixed("/admin/privacy"), who: ["admin"] },
  "/admin/staff": { path: fixed("/admin/staff"), who: ["admin"] },
  "/onboarding": { path: fixed("/onboarding"), who: STAFF },
  "/clinics/new": { path: fixed("/clinics/new"), who: ["admin"] },
  "/[...missing]": { path: fixed("/no-such-page"), who: ["receptionist"] },
  // Signed out: sign-in pages and the pages patients open from a text.
  "/login": { path: fixed("/login"), who: ["patient"] },
  "/signup": { path: fixed("/signup"), who: ["patient"] },
  "/invite/[token]": { path: (ids) => ids.inviteLink, who: ["patient"] },
  "/a/[token]": { path: (ids) => ids.aftercareLink, who: ["patient"] },
  "/a/unavailable": { path: fixed("/a/unavailable?reason=expired"), who: ["patient"] },
  "/m/[token]": { path: (ids) => ids.manageLink, who: ["patient"] },
};

/** app/**\/page.tsx as routes: "/(dashboard)/calls/[id]/page.tsx" is "/calls/[id]". */
function appRoutes(
  dir = fileURLToPath(new URL("../app", import.meta.url)),
  prefix: string[] = [],
): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name === "api" && prefix.length === 0) continue;
      const group = /^\(.*\)$/.test(entry.name) || entry.name.startsWith("@");
      found.push(
        ...appRoutes(path.join(dir, entry.name), group ? prefix : [...prefix, entry.name]),
      );
    } else if (/^page\.(tsx|ts|jsx|js|mdx)$/.test(entry.name)) {
      found.push(`/${prefix.join("/")}`);
    }
  }
  return found;
}

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 820, height: 1180 };

test("every page in app/ is in this spec's list of routes", () => {
  expect(appRoutes().sort()).toEqual(Object.keys(ROUTES).sort());
});

/** What makes the page wider than the window: the offending elements, outermost first. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : "";
      const testId = el.getAttribute("data-testid");
      const cls = typeof el.className === "string" ? el.className.split(/\s+/).slice(0, 4) : [];
      return `${el.tagName.toLowerCase()}${id}${testId ? `[data-testid=${testId}]` : ""}${
        cls.length && cls[0] ? `.${cls.join(".")}` : ""
      } (right ${Math.round(el.getBoundingClientRect().right)}px) "${(el.textContent ?? "")
        .trim()
        .slice(0, 40)}"`;
    };
    const wide = new Set<Element>();
    for (const el of document.body.querySelectorAll("*")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1) continue;
      if (getComputedStyle(el).position === "fixed") continue;
      // Inside a container that clips or scrolls it (and is itself checked), or a fixed layer
      // (sheets and dialogs), it does not widen the page.
      let contained = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX !== "visible" || style.position === "fixed") {
          contained = true;
          break;
        }
      }
      if (!contained) wide.add(el);
    }
    const outermost = [...wide].filter((el) => {
      for (let a = el.parentElement; a; a = a.parentElement) if (wide.has(a)) return false;
      return true;
    });
    return {
      scrollWidth: Math.max(root.scrollWidth, document.body.scrollWidth),
      clientWidth: width,
      // Hiding the overflow on <html> or <body> would only hide the problem.
      hidden: [getComputedStyle(root).overflowX, getComputedStyle(document.body).overflowX].some(
        (value) => value === "hidden" || value === "clip",
      ),
      offenders: outermost.slice(0, 5).map(describe),
    };
  });
}

/** Waits for the page to settle: hydrated (staff pages), nothing still loading. */
async function settle(page: Page, staff: boolean) {
  if (staff) await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await expect(page.locator("main#main")).toBeVisible();
  await expect(page.locator('[data-slot="skeleton"]:visible')).toHaveCount(0, { timeout: 20_000 });
}

async function checkPage(page: Page, route: string, address: string, staff: boolean) {
  await page.setViewportSize(PHONE);
  await page.goto(address);
  await settle(page, staff);
  if (staff)
    expect.soft(page.url(), `${route} was not redirected to sign in`).not.toMatch(/\/login(\?|$)/u);

  // The same page at both sizes: laid out again at the tablet's width, not loaded again.
  for (const size of [PHONE, TABLET]) {
    if (size === TABLET) {
      await page.setViewportSize(TABLET);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    }
    const fit = await overflow(page);
    expect
      .soft(
        { scrollWidth: fit.scrollWidth, offenders: fit.offenders, hidden: fit.hidden },
        `${route} (${address}) fits ${fit.clientWidth} px without scrolling sideways`,
      )
      .toEqual({ scrollWidth: fit.clientWidth, offenders: [], hidden: false });
  }

  // Axe at the tablet's size, where the sidebar, tables and dialogs are all in play (the phone's
  // layout is the same markup stacked by CSS).
  // Violations only: axe then skips building selectors and summaries for every rule that
  // passes (its API's "performance" advice), a third of this spec's time.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`),
    }));
  expect
    .soft(serious, `${route} (${address}) has no serious or critical axe violation`)
    .toEqual([]);

  // The skip link is the first thing the keyboard reaches (first in the tab order: no positive
  // tabindex anywhere, and first in document order), and leads to the page's one <main id="main">.
  // Read from the DOM: pressing Tab would start from a field the page autofocuses.
  const keyboard = await page.evaluate(() => {
    const focusable = [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]',
      ),
    ].filter((el) => el.tabIndex >= 0 && !el.closest("[inert], [hidden]"));
    const first = focusable[0];
    return {
      first: first ? `${first.textContent?.trim()} -> ${first.getAttribute("href")}` : null,
      positiveTabIndex: focusable.filter((el) => el.tabIndex > 0).length,
      mains: document.querySelectorAll("main").length,
      mainId: document.querySelector("main")?.id ?? null,
    };
  });
  expect
    .soft(keyboard, `${route}: the first Tab stop is the skip link to <main id="main">`)
    .toEqual({
      first: "Skip to main content -> #main",
      positiveTabIndex: 0,
      mains: 1,
      mainId: "main",
    });
}

/** A booked call, its patient, a manage link texted to them and an invitation: this spec's own. */
async function makeIds(browser: Browser, baseURL: string): Promise<Ids> {
  const last7 = String(Date.now()).slice(-7);
  const number = `+1555${last7}`;
  // Long enough to test wrapping on a phone.
  const name = `Anastasia Featherstonehaugh-Montgomery ${last7.slice(-3)}`;
  const call = testCall(baseURL, number);
  await call.status("in-progress");
  const slots = (await call.tool("check_availability", { procedure: "HydraFacial" })).result!.slots;
  expect((await call.tool("hold_slot", { slotId: slots[0]!.slotId })).result!.held).toBe(true);
  const booked = await call.tool("confirm_booking", {
    slotId: slots[0]!.slotId,
    patientName: name,
  });
  expect(booked.result!.booked).toBe(true);
  await call.end("customer-ended-call");
  const other = testCall(baseURL);
  await other.status("in-progress");
  await other.tool("find_appointments", { patientName: name, sendManageLink: true });
  await other.end();
  // A caller who asks about a facelift and does not book: texted its aftercare guide.
  const curiousLast4 = String(Number(last7.slice(-4)) ^ 0x5a5)
    .padStart(4, "0")
    .slice(-4);
  const curious = testCall(baseURL, `+1555011${curiousLast4}`);
  await curious.status("in-progress");
  await curious.tool("lookup_procedure", { query: "facelift recovery" });
  await curious.end("customer-ended-call");
  await curious.report("customer-ended-call", [
    { role: "user", message: "I'm thinking about a facelift, I'll call back when I've decided." },
  ]);

  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, ADMIN, `/calls?caller=${last7}`);
  const callLink = page.getByTestId("history-row").first().getByRole("link").first();
  const callPath = (await callLink.getAttribute("href"))!;
  await page.goto(`/patients?q=${last7}`);
  const patientPath = (await page
    .getByTestId("patient-row")
    .first()
    .getByRole("link")
    .first()
    .getAttribute("href"))!;

  await page.goto("/admin/staff");
  await reloadHydrated(page);
  // Within <main>: a full load may leave React's streamed copy of the page in a hidden div
  // outside it (docs/testing.md).
  const staff = page.locator("main#main");
  await staff.getByLabel("Email").fill(`viewports-${last7}@example.test`);
  await staff.getByLabel("Role", { exact: true }).selectOption("receptionist");
  await staff.getByRole("button", { name: "Invite" }).click();
  const inviteLink = new URL(await staff.getByLabel("Invitation link").inputValue()).pathname;

  await page.goto("/messages");
  const text = page
    .getByTestId("sms")
    .filter({ hasText: "/m/" })
    .filter({ hasNotText: "calendar.ics" });
  await expect(async () => {
    await reloadHydrated(page);
    await page
      .getByTestId("conversation")
      .filter({ hasText: name })
      .first()
      .click({ timeout: 1000 });
    await expect(text.first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const body = await text.first().getByTestId("sms-body").innerText();
  const manageLink = new URL(/http\S+\/m\/[\w-]{22}/.exec(body)![0]).pathname;
  const guide = page.getByTestId("sms").filter({ hasText: "aftercare guide" });
  await expect(async () => {
    await reloadHydrated(page);
    await page
      .getByTestId("conversation")
      .filter({ hasText: curiousLast4 })
      .first()
      .click({ timeout: 1000 });
    await expect(guide.first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 90_000 });
  const guideBody = await guide.first().getByTestId("sms-body").innerText();
  const aftercareLink = new URL(/http\S+\/a\/[\w-]{22}/.exec(guideBody)![0]).pathname;
  await context.close();
  return { aftercareLink, callPath, patientPath, inviteLink, manageLink };
}

test.describe("every page on a phone and a tablet", () => {
  let ids: Ids;

  test.beforeAll(async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    ids = await makeIds(browser, baseURL!);
  });

  for (const who of ["receptionist", "admin", "patient"] as const) {
    const routes = Object.entries(ROUTES).filter(([, route]) => route.who.includes(who));
    test(`${who}'s pages fit a phone and a tablet, pass axe and start with a skip link`, async ({
      browser,
      baseURL,
    }) => {
      test.setTimeout(60_000 + routes.length * 10_000);
      const context = await browser.newContext({
        viewport: PHONE,
        hasTouch: true,
        baseURL,
        reducedMotion: "reduce",
      });
      const page = await context.newPage();
      if (who !== "patient") {
        await signIn(page, who === "admin" ? ADMIN : RECEPTIONIST);
        await expect(page).not.toHaveURL(/\/login/);
      }
      for (const [route, { path: address }] of routes) {
        await test.step(route, () => checkPage(page, route, address(ids), who !== "patient"));
      }
      await context.close();
    });
  }
});
