import { expect, test, type Page } from "./fixtures";
import { RECEPTIONIST, signIn, testCall } from "./helpers";

/** Signs in, and opens the page of the live call whose caller's number ends in `last4` from the board. */
async function openLiveCall(page: Page, last4: string) {
  await signIn(page, RECEPTIONIST);
  await page
    .getByTestId("live-call")
    .filter({ hasText: `•••• ${last4}` })
    .getByRole("link")
    .first()
    .click();
  const transcript = page.getByTestId("live-transcript");
  await expect(transcript).toContainText("Live transcript (redacted)");
  await expect(transcript.getByTestId("connection")).toHaveText("Live");
  return transcript;
}

test.describe("the live transcript on a call's page", () => {
  test("shows each line as it is said, redacted, then the stored transcript once the call has ended", async ({
    page,
    baseURL,
  }) => {
    const call = testCall(baseURL!, "+15550109911");
    await call.status("ringing");
    await call.status("in-progress");
    const transcript = await openLiveCall(page, "9911");
    await expect(transcript).toContainText("The stored transcript appears when the call ends");

    await call.transcript(
      "assistant",
      "Thank you for calling Harbour Aesthetics, this is Voxanne. How can I help?",
    );
    await call.transcript("user", "my number is 555-20", "partial");
    await call.transcript(
      "user",
      "Hi, my name is Rosalind Fairweather, my number is 555-201-7788.",
    );
    const lines = transcript.getByTestId("transcript-line");
    await expect(lines).toHaveCount(2);
    await expect(lines.nth(0)).toHaveAttribute("data-role", "assistant");
    await expect(lines.nth(0)).toContainText("Voxanne");
    await expect(lines.nth(1)).toHaveAttribute("data-role", "user");
    await expect(lines.nth(1)).toContainText("Hi, my name is [NAME], my number is [PHONE].");
    await expect(lines.nth(1).locator('mark[data-placeholder="PHONE"]')).toBeVisible();
    await expect(transcript).not.toContainText(/Rosalind|Fairweather|7788/);

    await call.end("customer-ended-call");
    await expect(page.getByTestId("detail-state")).not.toHaveText(/Connected|Talking/);
    await expect(transcript).toContainText("The call has ended");
    await expect(lines).toHaveCount(2); // kept until the stored transcript is there
    await call.report("customer-ended-call", [
      {
        role: "bot",
        message: "Thank you for calling Harbour Aesthetics, this is Voxanne. How can I help?",
      },
      { role: "user", message: "Hi, my name is Rosalind Fairweather, my number is 555-201-7788." },
    ]);
    await expect(page.getByText("Transcript (redacted)", { exact: true })).toBeVisible({
      timeout: 20_000,
    });
    await expect(transcript).toHaveCount(0);
    await expect(page.getByText("Hi, my name is [NAME], my number is [PHONE].")).toBeVisible();
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

    test("fits the screen and keeps the newest line in view", async ({ page, baseURL }) => {
      const call = testCall(baseURL!, "+15550109922");
      await call.status("in-progress");
      const transcript = await openLiveCall(page, "9922");
      for (let turn = 1; turn <= 14; turn++) {
        await call.transcript(
          turn % 2 ? "user" : "assistant",
          `Line ${turn}: I'd like to ask about a facelift consultation, my email is jo${turn}@example.com.`,
        );
      }
      const last = transcript.getByTestId("transcript-line").last();
      await expect(last).toContainText("Line 14");
      await expect(last).toContainText("[EMAIL]");
      // The log scrolled itself to the newest line.
      const log = transcript.getByRole("log");
      await expect
        .poll(() => log.evaluate((element) => element.scrollHeight > element.clientHeight))
        .toBe(true);
      await expect
        .poll(() =>
          log.evaluate(
            (element) => element.scrollHeight - element.scrollTop - element.clientHeight,
          ),
        )
        .toBeLessThan(2);
      // Someone reading back is not pulled down by the next line.
      await log.evaluate((element) => (element.scrollTop = 0));
      await call.transcript("user", "Line 15: one more thing.");
      await expect(transcript.getByTestId("transcript-line").last()).toContainText("Line 15");
      expect(await log.evaluate((element) => element.scrollTop)).toBe(0);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await call.end();
    });
  });
});
