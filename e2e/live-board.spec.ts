import { expect, test } from "./fixtures";
import { gotoHydrated, RECEPTIONIST, reloadHydrated, signIn, testCall } from "./helpers";

test.describe("the live board", () => {
  test("follows a call from ring to booking without reloading, and the receptionist confirms it", async ({
    page,
    context,
    baseURL,
  }) => {
    // A whole call, a confirmation and the texts page: more steps than the default budget allows
    // on a busy machine.
    test.slow();
    // This run's own caller and patient: a retry (or an earlier run on the same database) must
    // not find another run's booking under the same name.
    const last4 = String(1000 + Math.floor(Math.random() * 9000));
    const patient = `Priya Shah${Math.random()
      .toString(36)
      .replace(/[^a-z]/g, "")
      .slice(0, 5)}`;
    await signIn(page, RECEPTIONIST);
    await expect(page.getByTestId("connection")).toHaveText("Live");
    const bookings = await context.newPage();
    // Hydrated, so its live updates are listening before the call holds a time.
    await gotoHydrated(bookings, "/bookings");

    const call = testCall(baseURL!, `+1555010${last4}`);
    await call.status("ringing");
    const card = page.getByTestId("live-call").filter({ hasText: `•••• ${last4}` });
    await expect(card.getByTestId("call-state")).toHaveText("Ringing");
    await call.status("in-progress");
    await expect(card.getByTestId("call-state")).toHaveText("Connected");
    await call.speech("user", "started", 1);
    await expect(card.getByTestId("call-state")).toHaveText("Talking");
    await call.tool("lookup_procedure", { query: "rhinoplasty" });
    await expect(card).toContainText("Rhinoplasty");

    const slots = (
      await call.tool("check_availability", { procedure: "rhinoplasty", partOfDay: "afternoon" })
    ).result!.slots;
    await expect(card.getByTestId("call-state")).toHaveText("Finding a time");
    await call.tool("hold_slot", { slotId: slots[0]!.slotId });
    await expect(card.getByTestId("call-state")).toHaveText("Holding a slot");
    await expect(card.getByTestId("hold-countdown")).toHaveText(/^1:[0-3]\d$/);
    const held = bookings.getByTestId("held-slot").filter({ hasText: `•••• ${last4}` });
    await expect(held).toHaveCount(1);

    await call.tool("confirm_booking", {
      slotId: slots[0]!.slotId,
      patientName: patient,
      procedure: "rhinoplasty",
    });
    const row = bookings.getByTestId("booking-row").filter({ hasText: patient, visible: true });
    await expect(row.getByTestId("booking-status")).toHaveText("pending");
    await expect(held).toHaveCount(0);

    await call.end("customer-ended-call");
    await expect(card).toHaveCount(0);
    const finished = page.getByTestId("call-row").filter({ hasText: patient, visible: true });
    await expect(finished).toContainText("Booked");

    await row.getByRole("button", { name: "Confirm" }).click();
    await expect(row.getByTestId("booking-status")).toHaveText("confirmed");
    await reloadHydrated(bookings);
    await expect(
      bookings
        .getByTestId("booking-row")
        .filter({ hasText: patient })
        .getByTestId("booking-status"),
    ).toHaveText("confirmed");

    // The patient gets one confirmation text for the appointment, with its calendar link: it
    // says "booked" (reply 1 to confirm) or, when the worker sends it after the receptionist's
    // click, "confirmed". Confirming sends no second one.
    const confirmation = bookings.getByTestId("sms-body").filter({
      hasText: /Your appointment \(Rhinoplasty consultation\) is (?:booked|confirmed) for/,
    });
    await bookings.goto("/messages");
    await expect(async () => {
      await reloadHydrated(bookings);
      await bookings.getByTestId("conversation").filter({ hasText: patient }).first().click();
      await expect(confirmation).toHaveCount(1, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await bookings.waitForTimeout(2000);
    await reloadHydrated(bookings);
    await bookings.getByTestId("conversation").filter({ hasText: patient }).first().click();
    await expect(confirmation).toHaveCount(1);
  });

  test("pauses when the connection drops and heals when it comes back", async ({
    page,
    context,
    baseURL,
  }) => {
    await signIn(page, RECEPTIONIST);
    await expect(page.getByTestId("connection")).toHaveText("Live");
    const call = testCall(baseURL!, "+15550103344");
    await call.status("ringing");
    const card = page.getByTestId("live-call").filter({ hasText: "•••• 3344" });
    await expect(card.getByTestId("call-state")).toHaveText("Ringing");

    await context.setOffline(true);
    await expect(page.getByTestId("connection")).toHaveText(/paused/);
    await call.status("in-progress"); // missed while offline
    await call.end("customer-ended-call"); // missed too
    await expect(card.getByTestId("call-state")).toHaveText("Ringing");

    await context.setOffline(false);
    await expect(page.getByTestId("connection")).toHaveText("Live");
    await expect(card).toHaveCount(0);
    await expect(
      page.getByTestId("call-row").filter({ hasText: "•••• 3344", visible: true }),
    ).toContainText("Information");
  });

  test("lets a receptionist cancel a booking with a reason, freeing the slot", async ({
    page,
    baseURL,
  }) => {
    const call = testCall(baseURL!, "+15550105566");
    await call.status("in-progress");
    const offered = (
      await call.tool("check_availability", { procedure: "facelift", partOfDay: "morning" })
    ).result!.slots[1]!;
    const slot = offered.slotId;
    await call.tool("hold_slot", { slotId: slot });
    await call.tool("confirm_booking", { slotId: slot, patientName: "Tom Reyes" });
    await call.end();

    await signIn(page, RECEPTIONIST, "/bookings");
    const row = page.getByTestId("booking-row").filter({ hasText: "Tom Reyes", visible: true });
    await row.getByRole("button", { name: "Cancel" }).click();
    await row.getByLabel("Reason for cancelling").fill("Patient will call back next month");
    await row.getByRole("button", { name: "Cancel booking" }).click();
    await expect(
      page.getByTestId("booking-row").filter({ hasText: "Tom Reyes", visible: true }),
    ).toHaveCount(0);

    await page.getByLabel("Status").selectOption("cancelled");
    await expect(
      page
        .getByTestId("booking-row")
        .filter({ hasText: "Tom Reyes" })
        .getByTestId("booking-status"),
    ).toHaveText("cancelled");
    // The time is free again: another caller is offered it and can hold it.
    const again = testCall(baseURL!);
    await again.status("in-progress");
    const reoffered = (
      await again.tool("check_availability", {
        procedure: "facelift",
        date: offered.start.slice(0, 10),
        partOfDay: "morning",
      })
    ).result!.slots.find(
      (time) => time.start === offered.start && time.practitioner === offered.practitioner,
    );
    expect(reoffered).toBeDefined();
    expect((await again.tool("hold_slot", { slotId: reoffered!.slotId })).result!.held).toBe(true);
  });
});
