import { expect, test } from "./fixtures";
import { RECEPTIONIST, signIn, testCall } from "./helpers";

// Accessibility beyond what axe sees (issue 20): the live board speaks its changes politely, the
// skip link moves focus into the page, and the app has its icons and web manifest. Axe and the
// skip link's presence on every page are in e2e/viewports.spec.ts.

test("the live board announces a new call and its end to screen readers", async ({
  page,
  baseURL,
}) => {
  // This run's own caller: the words name only its last four digits.
  const last4 = String(1000 + Math.floor(Math.random() * 9000));
  await signIn(page, RECEPTIONIST);
  await expect(page.getByTestId("connection")).toHaveText("Live");
  const announcer = page.getByTestId("board-announcer");
  await expect(announcer).toHaveAttribute("aria-live", "polite");
  // Calls already on the board when it loaded are not read out.
  await expect(announcer).not.toContainText(`ending ${last4}`);

  const call = testCall(baseURL!, `+1555016${last4}`);
  await call.status("in-progress");
  await expect(announcer).toContainText(`New call from the number ending ${last4}.`);
  await call.end("customer-ended-call");
  await expect(announcer).toContainText(`Call from the number ending ${last4} ended`);
  // Announced, never shown: the region is visually hidden.
  await expect(announcer).toHaveClass(/sr-only/);
});

test("the skip link is the first Tab stop and moves focus to the page's content", async ({
  page,
}) => {
  await signIn(page, RECEPTIONIST, "/bookings");
  await expect(page).toHaveURL(/\/bookings$/);
  // A fresh load: after the sign-in form's client-side navigation focus would start from where
  // its button was.
  await page.goto("/bookings");
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
  await expect(page).toHaveURL(/#main$/);
});

test("the app has a favicon, a home-screen icon and a web manifest, signed out", async ({
  page,
  request,
}) => {
  await page.goto("/login");
  const icon = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  const manifest = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(icon && apple && manifest).toBeTruthy();

  const svg = await request.get(icon!);
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
  expect(await svg.text()).toContain("<svg");

  const png = await request.get(apple!);
  expect(png.status()).toBe(200);
  expect(png.headers()["content-type"]).toBe("image/png");
  const bytes = await png.body();
  // A PNG, 180 × 180 (width and height are the IHDR chunk's first two 4-byte fields).
  expect(bytes.subarray(1, 4).toString()).toBe("PNG");
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([180, 180]);

  const web = await request.get(manifest!);
  expect(web.status()).toBe(200);
  const body = (await web.json()) as { name: string; icons: { src: string }[] };
  expect(body.name).toBe("CallWaiting AI");
  for (const { src } of body.icons) expect((await request.get(src)).status()).toBe(200);
});
