import { expect, test } from "./fixtures";
import { ADMIN, reloadHydrated, signIn, testCall } from "./helpers";

// The manage link on a phone (390 px, touch): a patient booked by phone asks for a link from
// another phone, opens the text's link, moves the appointment to a real free time, then cancels
// it after reading the policy its admin set; the link then stops working, and a tampered one
// never did.
// Staff use the desktop `page`; the patient gets a phone-sized context of their own.
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

test("a patient moves and then cancels their appointment from the link in their text", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  // Own numbers per attempt: a retry must not find the first attempt's text.
  const last4 = `77${10 + testInfo.retry}`;
  const onFile = `+1555020${last4}`;
  const booked = testCall(baseURL!, onFile);
  await booked.status("in-progress");
  const offered = await booked.tool("check_availability", { procedure: "HydraFacial" });
  const slot = offered.result!.slots[0]!;
  expect((await booked.tool("hold_slot", { slotId: slot.slotId })).result!.held).toBe(true);
  const confirmed = await booked.tool("confirm_booking", {
    slotId: slot.slotId,
    patientName: "Maria Alvarez",
  });
  expect(confirmed.result!.booked).toBe(true);
  await booked.end();

  // From another phone: nothing is read out, a link goes to the number on file.
  const other = testCall(baseURL!);
  await other.status("in-progress");
  const found = await other.tool("find_appointments", {
    patientName: "Maria Alvarez",
    sendManageLink: true,
  });
  expect(found.result).toMatchObject({ appointments: [], manageLinkSent: true });
  await other.end();

  // The clinic's admin sets the cancellation policy the patient will read.
  const policy = `Please give us 48 hours' notice (${last4}).`;
  await signIn(page, ADMIN, "/admin/diary/rules");
  const policyForm = page.getByRole("form", { name: "Cancellation policy" });
  await policyForm.getByLabel("Policy").fill(policy);
  await policyForm.getByRole("button", { name: "Save cancellation policy" }).click();
  await expect(policyForm.getByText("Cancellation policy saved.")).toBeVisible();

  await page.goto("/messages");
  // The patient's conversation in the inbox: the confirmation text (with its calendar link)
  // and the manage link texted from the other phone's call.
  const text = page
    .getByTestId("sms")
    .filter({ hasText: "/m/" })
    .filter({ hasNotText: "calendar.ics" });
  await expect(async () => {
    await reloadHydrated(page);
    await page
      .getByTestId("conversation")
      .filter({ hasText: "Maria Alvarez" })
      .first()
      .click({ timeout: 1000 });
    await expect(text.first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const body = await text.first().getByTestId("sms-body").innerText();
  const link = /http\S+\/m\/[\w-]{22}/.exec(body)![0];
  expect(body).not.toContain("Maria");

  // The patient's phone: no session, no cookies.
  const phone = await browser.newContext(PHONE);
  const patient = await phone.newPage();
  await patient.goto(link);
  await expect(patient.getByRole("heading", { name: "Maria, your appointment" })).toBeVisible();
  await expect(patient.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");
  const fits = () =>
    patient.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(await fits()).toBe(true);
  const shown = async () =>
    `${await patient.getByTestId("appointment-day").innerText()} ${await patient.getByTestId("appointment-time").innerText()}`;
  const before = await shown();

  // Move it: a day, a time, confirm.
  await patient.getByRole("button", { name: "Change time" }).tap();
  const days = patient.getByRole("tablist", { name: "Day" }).getByRole("tab");
  await expect(days.first()).toBeVisible();
  await days.nth((await days.count()) > 1 ? 1 : 0).tap();
  const times = patient.getByRole("group", { name: "Times" }).getByRole("button");
  const choice = times.first();
  const chosenTime = (await choice.innerText()).trim();
  await choice.tap();
  await expect(patient.getByTestId("chosen-time")).toContainText(chosenTime);
  const chosenDay = /New time: (.+) at /.exec(
    await patient.getByTestId("chosen-time").innerText(),
  )![1]!;
  expect(await fits()).toBe(true);
  await patient.getByRole("button", { name: "Move my appointment" }).tap();
  await expect(patient.getByRole("status")).toContainText("Your appointment is now");
  await expect(patient.getByTestId("appointment-time")).toContainText(`${chosenTime} –`);
  await expect(patient.getByTestId("appointment-day")).toHaveText(chosenDay);
  expect(await shown()).not.toBe(before);

  // Cancel it, after reading the policy.
  await patient.getByRole("button", { name: "Cancel appointment" }).tap();
  await expect(patient.getByTestId("cancellation-policy")).toContainText(policy);
  await patient.getByLabel("Reason (optional)").fill("Work trip");
  await patient.getByRole("button", { name: "Yes, cancel my appointment" }).tap();
  await expect(
    patient.getByRole("heading", { name: "Your appointment is cancelled" }),
  ).toBeVisible();
  expect(await fits()).toBe(true);

  // The link is withdrawn with the appointment; a tampered link never worked.
  await patient.reload();
  await expect(
    patient.getByRole("heading", { name: "This link is no longer active" }),
  ).toBeVisible();
  await patient.goto(link.replace(/.$/, (c) => (c === "A" ? "B" : "A")));
  await expect(patient.getByRole("heading", { name: "We couldn't find that link" })).toBeVisible();
  await expect(patient.getByText("Maria")).toHaveCount(0);
  await phone.close();
});
