import { expect, test } from "./fixtures";
import { RECEPTIONIST, reloadHydrated, signIn, testCall } from "./helpers";

test("a caller who asked about a facelift and did not book gets the aftercare link, and it opens the PDF", async ({
  page,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  // Its own number per attempt: a retry must not find the first attempt's text as well.
  const last4 = `99${10 + testInfo.retry}`;
  const call = testCall(baseURL!, `+1555010${last4}`);
  await call.status("in-progress");
  await call.tool("lookup_procedure", { query: "how long is recovery from a face lift" });
  await call.end("customer-ended-call");
  await call.report("customer-ended-call", [
    {
      role: "user",
      message:
        "I'm thinking about a facelift, I'll call back when I've decided. How long is recovery?",
    },
  ]);

  await signIn(page, RECEPTIONIST, "/messages");
  await expect(page).toHaveURL(/\/messages$/);
  // The caller gave no name: their conversation is under their number.
  const conversation = page.getByTestId("conversation").filter({ hasText: `010-${last4}` });
  // Promised within 5 minutes; usually a second or two, longer on a loaded machine.
  await expect(async () => {
    await reloadHydrated(page);
    await expect(conversation).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 90_000 });
  await conversation.click();
  const text = page.getByTestId("sms").filter({ hasText: "Facelift aftercare guide" });
  const body = (await text.getByTestId("sms-body").innerText()).trim();
  expect(body).toMatch(
    /^Hi, it's Sarah from Harbour Aesthetics\. Thanks for asking about our facelift consultation\. .*Facelift aftercare guide: .*\/a\/[\w-]{22} Reply STOP to opt out\.$/,
  );

  // The patient opens the link on their phone.
  const link = /http\S+\/a\/[\w-]+/.exec(body)![0];
  const patient = await page.context().browser()!.newPage();
  const response = await patient.goto(link);
  expect(response?.status()).toBe(200);
  await expect(patient.getByTestId("clinic-brand")).toContainText("Harbour Aesthetics");
  await expect(patient.getByRole("heading", { name: "Facelift Aftercare" })).toBeVisible();
  await expect(patient.getByTestId("clinic-brand").getByTestId("clinic-phone")).toHaveAttribute(
    "href",
    /^tel:\+\d+$/,
  );
  await expect(patient.getByTestId("aftercare-text")).toContainText(
    "Thank you for choosing Harbour Aesthetics.",
  );
  // Readable on a phone: nothing wider than a 390 px screen.
  await patient.setViewportSize({ width: 390, height: 844 });
  expect(
    await patient.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    ),
  ).toBeLessThanOrEqual(0);
  const pdf = await patient.request.get(
    (await patient.getByTestId("aftercare-pdf").getAttribute("href"))!,
  );
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  await patient.close();

  // The whole chain on the call detail page.
  await text.getByRole("link", { name: "call" }).click();
  const handoff = page.getByTestId("handoff");
  await expect(handoff).toContainText("Facelift");
  await expect(handoff).toContainText("Delivered to the follow-up agent.");
  await expect(handoff.getByTestId("follow-up")).toContainText("Facelift");
  await expect(handoff.getByTestId("follow-up-status")).toHaveText("Delivered");
  // The caller's question is in the hand-off's memory and in the (redacted) transcript.
  await expect(handoff.getByText(/How long is recovery\?/)).toBeVisible();
  await expect(page.getByText(/Caller:.*I'm thinking about a facelift/)).toBeVisible();
});
