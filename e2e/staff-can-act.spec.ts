import { expect, test } from "@playwright/test";

import { RECEPTIONIST, reloadHydrated, signIn, testCall } from "./helpers";

// Issue 20: a receptionist rings and texts patients back from where they are listed (call-backs,
// bookings), with the full number the data layer lets their role see; and the aftercare link a
// patient opens is the clinic's own page, readable on a phone. Each test's caller is its own.
const unique = () => `+1555${String(Math.floor(1_000_000 + Math.random() * 8_999_999))}`;

test.describe("staff can act", () => {
  test("a receptionist sees call and text links on call-backs and bookings", async ({
    page,
    baseURL,
  }) => {
    // A caller who leaves a message: a call-back task.
    const messenger = unique();
    const message = testCall(baseURL!, messenger);
    await message.status("in-progress");
    await message.tool("take_message", {
      message: "Please ring me about my consultation",
      callerName: "Lin Callback",
    });
    await message.end("customer-ended-call");

    // A caller who books: a booking with their number.
    const booker = unique();
    const call = testCall(baseURL!, booker);
    await call.status("in-progress");
    const slots = (await call.tool("check_availability", { procedure: "rhinoplasty" })).result!
      .slots;
    await call.tool("hold_slot", { slotId: slots[0]!.slotId });
    await call.tool("confirm_booking", {
      slotId: slots[0]!.slotId,
      patientName: "Noor Booker",
      procedure: "rhinoplasty",
    });
    await call.end("customer-ended-call");

    await signIn(page, RECEPTIONIST, "/bookings?status=all");
    const task = page.getByTestId("callback-task").filter({ hasText: "Lin Callback" });
    await expect(task).toBeVisible();
    await expect(task.getByTestId("call-link")).toHaveAttribute("href", `tel:${messenger}`);
    await expect(task.getByTestId("text-link")).toHaveAttribute(
      "href",
      /^\/messages\?patient=[0-9a-f-]{36}$/,
    );

    const row = page.getByTestId("booking-row").filter({ hasText: "Noor Booker" });
    await expect(row).toBeVisible();
    await expect(row.getByTestId("call-link")).toHaveAttribute("href", `tel:${booker}`);
    // Text opens that patient's conversation in Messages.
    await row.getByTestId("text-link").click();
    await expect(page).toHaveURL(/\/messages\?patient=[0-9a-f-]{36}$/);
    await expect(page.getByTestId("thread-title")).toHaveText("Noor Booker");
  });

  test("the aftercare link opens the clinic's branded guide, sized for a phone", async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    // A caller asks about a facelift and does not book: Sarah texts the aftercare link.
    const caller = unique();
    const call = testCall(baseURL!, caller);
    await call.status("in-progress");
    await call.tool("lookup_procedure", { query: "how long is recovery from a face lift" });
    await call.end("customer-ended-call");
    await call.report("customer-ended-call", [
      { role: "user", message: "I'm thinking about a facelift. How long is recovery?" },
    ]);

    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const outbox = await context.newPage();
    await signIn(outbox, RECEPTIONIST, "/messages");
    const conversation = outbox.getByTestId("conversation").filter({ hasText: caller.slice(-4) });
    await expect(async () => {
      await reloadHydrated(outbox);
      await expect(conversation).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 90_000 });
    await conversation.click();
    const body = await outbox
      .getByTestId("sms")
      .filter({ hasText: "aftercare guide" })
      .getByTestId("sms-body")
      .innerText();
    expect(body).toContain("Thanks for asking about our facelift consultation.");
    const link = /http\S+\/a\/[\w-]+/.exec(body)![0];

    const patient = await context.newPage();
    await patient.goto(link);
    await expect(patient.getByTestId("clinic-brand")).toContainText("Harbour Aesthetics");
    await expect(patient.getByTestId("clinic-brand").getByTestId("clinic-phone")).toHaveAttribute(
      "href",
      /^tel:\+\d+$/,
    );
    await expect(patient.getByRole("heading", { name: "Facelift Aftercare" })).toBeVisible();
    await expect(patient.getByRole("heading", { name: "When to call us" })).toBeVisible();
    await expect(patient.getByTestId("aftercare-text")).toContainText(
      "Thank you for choosing Harbour Aesthetics.",
    );
    // Readable on a phone: nothing wider than the screen.
    const overflow = await patient.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const pdf = await patient.request.get(
      (await patient.getByTestId("aftercare-pdf").getAttribute("href"))!,
    );
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    await context.close();
  });
});
