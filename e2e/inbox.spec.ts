import twilio from "twilio";

import { E2E_TWILIO_AUTH_TOKEN } from "../playwright.config";
import { expect, test } from "./fixtures";
import { RECEPTIONIST, signIn, testCall } from "./helpers";

// The inbox as the front desk uses it: a patient with an appointment texts the clinic; the text
// appears live with an unread count in the sidebar, links to the appointment, is read when the
// conversation is opened, and the receptionist replies from the dashboard (the outbox delivers
// it at once). When the patient then texts STOP, the reply box says why it is gone.
const CLINIC_NUMBER = "+15555550199";

async function textClinic(baseURL: string, from: string, body: string) {
  const url = `${baseURL}/api/webhooks/twilio/inbound-sms`;
  const params = {
    MessageSid: `SM${crypto.randomUUID().replaceAll("-", "")}`,
    From: from,
    To: CLINIC_NUMBER,
    Body: body,
    NumMedia: "0",
  };
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilio.getExpectedTwilioSignature(E2E_TWILIO_AUTH_TOKEN, url, params),
    },
    body: new URLSearchParams(params).toString(),
  });
  expect(response.status).toBe(200);
}

test("a receptionist reads a patient's text live and replies from the inbox", async ({
  page,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  const suffix = String(1000 + ((Date.now() / 1000 + testInfo.retry * 7) % 9000)).slice(0, 4);
  const phone = `+1555013${suffix.padStart(4, "0")}`;
  // This attempt's own patient: a retry must not meet the first attempt's conversation.
  const patient = `Grace Hopper${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, "")
    .slice(0, 5)}`;

  // The patient books a consultation by phone first.
  const call = testCall(baseURL!, phone);
  await call.status("in-progress");
  const slot = (await call.tool("check_availability", { procedure: "rhinoplasty" })).result!
    .slots[0]!;
  await call.tool("hold_slot", { slotId: slot.slotId });
  await call.tool("confirm_booking", {
    slotId: slot.slotId,
    patientName: patient,
    procedure: "rhinoplasty",
  });
  await call.end("customer-ended-call");

  // What the sidebar's first count said: other files' texts may already be unread.
  const firstCount = page.waitForResponse((response) => response.url().includes("/inbox/unread"));
  await signIn(page, RECEPTIONIST, "/messages");
  const initial = ((await (await firstCount).json()) as { unread: number }).unread;
  await expect(page).toHaveURL(/\/messages$/);
  await expect(page.getByTestId("inbox-live")).toContainText("Live");
  const badge = page.getByRole("navigation", { name: "Main" }).getByTestId("unread-texts");
  const unread = async () => ((await badge.count()) ? Number(await badge.textContent()) : 0);

  // The text arrives while the page is open: no reload.
  await textClinic(baseURL!, phone, "Hi, is my appointment still on? Can I park outside?");
  const conversation = page.getByTestId("conversation").filter({ hasText: patient });
  await expect(conversation).toBeVisible();
  await expect(conversation.getByTestId("conversation-unread")).toHaveText("1");
  await expect.poll(unread).toBe(initial + 1);

  await conversation.click();
  await expect(page).toHaveURL(/\/messages\?patient=/);
  await expect(page.getByTestId("thread-title")).toHaveText(patient);
  const text = page.getByTestId("sms").filter({ hasText: "Can I park outside?" });
  await expect(text).toBeVisible();
  // The text names the patient's only upcoming appointment: it links to it in the diary.
  await expect(text.getByTestId("sms-appointment")).toHaveAttribute(
    "href",
    /^\/diary\?date=\d{4}-\d{2}-\d{2}&booking=[0-9a-f-]{36}$/,
  );
  // Opening the conversation read it, for the sidebar too.
  await expect(conversation.getByTestId("conversation-unread")).toHaveCount(0);
  await expect.poll(unread).toBe(initial);

  // The reply, sent through the SMS sender (the outbox here), with who sent it and its status.
  await page.getByLabel("Reply").fill("Yes, it's on. There is free parking behind the clinic.");
  await page.getByRole("button", { name: "Send" }).click();
  const reply = page
    .getByTestId("sms")
    .filter({ hasText: "There is free parking behind the clinic." });
  await expect(reply).toBeVisible();
  await expect(reply).toHaveAttribute("data-direction", "outbound");
  await expect(reply).toContainText("Sent by Sam Patel");
  await expect(reply.getByTestId("sms-status")).toHaveText("Delivered");
  await expect(page.getByLabel("Reply")).toHaveValue("");

  // The patient opts out: live, the reply box is replaced by the reason.
  await textClinic(baseURL!, phone, "STOP");
  await expect(page.getByTestId("reply-disabled")).toContainText("opted out of texts");
  // The patient's STOP itself: the appointment's confirmation text also says "Reply STOP".
  await expect(
    page.locator('[data-testid="sms"][data-direction="inbound"]').filter({ hasText: "STOP" }),
  ).toContainText("Opted out of texts");
  await expect(page.getByLabel("Reply")).toHaveCount(0);
});
