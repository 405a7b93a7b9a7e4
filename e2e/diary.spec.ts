import { expect, test, type Locator, type Page } from "./fixtures";
import { gotoHydrated, RECEPTIONIST, reloadHydrated, signIn, testCall } from "./helpers";

// The diary, as the front desk uses it. The browser runs in Tokyo while Harbour Aesthetics is in
// New York (14 hours apart, often another date): everything must still show in clinic time.
const CLINIC_ZONE = "America/New_York";
test.use({ timezoneId: "Asia/Tokyo" });

const run = Date.now().toString(36).slice(-5);

/**
 * "YYYY-MM-DD" in the clinic's zone, `days` from today or the next weekday after (a surgeon
 * sees facelift consultations every weekday), never a closure (Christmas Day).
 */
function clinicWeekday(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  for (;;) {
    const weekday = new Intl.DateTimeFormat("en-US", { timeZone: CLINIC_ZONE, weekday: "short" })
      .format(date)
      .slice(0, 3);
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: CLINIC_ZONE }).format(date);
    if (weekday !== "Sat" && weekday !== "Sun" && !day.endsWith("-12-25")) return day;
    date.setTime(date.getTime() + 86_400_000);
  }
}

function clinicDateOf(iso: string) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: CLINIC_ZONE }).format(new Date(iso));
}
function clinicTimeOf(iso: string) {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: CLINIC_ZONE,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}

async function openDiary(page: Page, date: string) {
  await signIn(page, RECEPTIONIST, "/diary");
  await expect(page.getByRole("heading", { name: "Diary", exact: true })).toBeVisible();
  await expect(page.getByTestId("connection")).toHaveText("Live");
  await page.getByLabel("Date", { exact: true }).fill(date);
  await expect(page.getByTestId("diary-calendar")).toBeVisible();
}

/**
 * Fills the booking dialog (a facelift consultation, 60 min, with any surgeon who performs it,
 * or `practitioner`) up to the list of free times for `date`; returns the dialog.
 */
async function startBooking(page: Page, patient: string, date: string, practitioner?: string) {
  await page.getByRole("button", { name: "New appointment" }).click();
  const dialog = page.getByRole("dialog", { name: "New appointment" });
  await dialog.getByLabel("Patient name").fill(patient);
  await dialog.getByLabel("Phone").fill("+1 555 010 4242");
  const type = dialog.getByLabel("Appointment type");
  const options = await type.locator("option").allTextContents();
  await type.selectOption({ label: options.find((o) => o.includes("Facelift consultation"))! });
  await dialog.getByLabel("Day").fill(date);
  if (practitioner) await dialog.getByLabel("Practitioner").selectOption({ label: practitioner });
  await expect(dialog.getByRole("radio").first()).toBeVisible();
  return dialog;
}

/**
 * Drags an event with the mouse (react-big-calendar's drag-and-drop listens to mouse events) to
 * `time` in a practitioner's column of the day view.
 */
async function dragTo(page: Page, event: Locator, practitioner: string, time: string) {
  const headers = await page.getByTestId("diary-column").allTextContents();
  const column = headers.findIndex((header) => header.startsWith(practitioner));
  const gridStart = (await page.locator(".rbc-time-gutter .rbc-label").first().textContent())!;
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const slot = page
    .locator(".rbc-time-content .rbc-day-slot")
    .nth(column)
    .locator(".rbc-time-slot")
    .nth((minutes(time) - minutes(gridStart)) / 15);
  const from = (await event.boundingBox())!;
  const to = (await slot.boundingBox())!;
  const grab = 6; // px below the event's top edge: the drop keeps that offset
  await page.mouse.move(from.x + from.width / 2, from.y + grab);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + grab + 10, { steps: 4 });
  // Aim at the middle of the slot: the event's top lands inside it, not on its edge.
  await page.mouse.move(to.x + to.width / 2, to.y + grab + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** A free time's label, "10:00 · Dr Amara Okafor", as its time and practitioner. */
function parseChoice(label: string) {
  const [time, practitioner] = label.split(" · ").map((part) => part.trim());
  return { time: time!, practitioner: practitioner! };
}

test.describe("the diary", () => {
  test("a receptionist books by hand from availability, moves it, and cancels it with a reason", async ({
    page,
  }) => {
    const date = clinicWeekday(8);
    const patient = `Nadia Diary-${run}`;
    // Tall enough that the whole working day is on screen, for dragging.
    await page.setViewportSize({ width: 1280, height: 1400 });
    await openDiary(page, date);

    const dialog = await startBooking(page, patient, date);
    const times = dialog.getByRole("radio");
    const chosen = parseChoice((await times.first().textContent())!);
    const first = chosen.time;
    // The same surgeon's last free time that day: where it moves to.
    const theirs = (await times.allTextContents())
      .map(parseChoice)
      .filter((choice) => choice.practitioner === chosen.practitioner);
    const last = theirs.at(-1)!.time;
    expect(last).not.toBe(first);
    await times.first().click();
    await expect(times.first()).toHaveAttribute("aria-checked", "true");
    await dialog.getByRole("button", { name: "Book appointment" }).click();
    await expect(dialog).toHaveCount(0);

    // In the calendar, in clinic time (the browser is in Tokyo).
    const event = page.getByRole("button", { name: new RegExp(patient) });
    await expect(event).toBeVisible();
    await expect(event).toContainText(new RegExp(`^${first}–`));
    await expect(event.getByTestId("diary-appointment")).toHaveAttribute(
      "data-status",
      "confirmed",
    );

    // Keyboard: focus the event and open it with Enter.
    await event.focus();
    await page.keyboard.press("Enter");
    const panel = page.getByTestId("entry-panel");
    await expect(panel.getByTestId("panel-title")).toHaveText(patient);
    await expect(panel).toContainText("Staff");
    await expect(panel).toContainText(chosen.practitioner);

    // Move it to the day's last free time with the form.
    await panel.getByLabel("New time").fill(last);
    await panel.getByRole("button", { name: "Move appointment" }).click();
    await expect(panel.getByText(new RegExp(`, ${last}–`))).toBeVisible();
    // Status buttons follow the lifecycle.
    await expect(panel.getByRole("button", { name: "Mark arrived" })).toBeVisible();
    await expect(panel.getByRole("button", { name: "Mark completed" })).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect(panel).toHaveCount(0);
    await expect(event).toContainText(new RegExp(`^${last}–`));

    // Drag it back to where it was (free again), in the same surgeon's column.
    await dragTo(page, event, chosen.practitioner, first);
    await expect(event).toContainText(new RegExp(`^${first}–`));
    await expect(page.getByTestId("diary-error")).toHaveCount(0);
    await event.click();
    await expect(panel.getByText(new RegExp(`, ${first}–`))).toBeVisible();

    // Cancel: a reason is required.
    await panel.getByRole("button", { name: "Cancel appointment" }).click();
    await panel.getByRole("button", { name: "Cancel appointment" }).click();
    await expect(panel.getByText("Say why the appointment is cancelled")).toBeVisible();
    await panel.getByLabel("Reason for cancelling").fill("Patient rang to cancel");
    await panel.getByRole("button", { name: "Cancel appointment" }).click();
    await expect(panel).toHaveCount(0);
    await expect(page.getByRole("button", { name: new RegExp(patient) })).toHaveCount(0);

    // The bookings list shows it cancelled, and links back to the diary.
    await gotoHydrated(page, "/bookings?status=cancelled");
    const row = page.getByTestId("booking-row").filter({ hasText: patient, visible: true });
    await expect(row.getByTestId("booking-status")).toHaveText("cancelled");
  });

  test("refuses a booking that overlaps another appointment, and books nothing; checks the patient in and out", async ({
    page,
  }) => {
    const date = clinicWeekday(9);
    const first = `Omar Overlap-${run}`;
    const second = `Olga Overlap-${run}`;
    await openDiary(page, date);

    const booking = await startBooking(page, first, date);
    const { time, practitioner } = parseChoice(
      (await booking.getByRole("radio").first().textContent())!,
    );
    await booking.getByRole("radio").first().click();
    await booking.getByRole("button", { name: "Book appointment" }).click();
    await expect(booking).toHaveCount(0);
    await expect(page.getByRole("button", { name: new RegExp(first) })).toBeVisible();

    // Same surgeon, same time, typed in (it is no longer offered): refused, with the reason.
    const again = await startBooking(page, second, date, practitioner);
    await expect(again.getByRole("radio", { name: time, exact: true })).toHaveCount(0);
    await again.getByLabel("Or another time").fill(time);
    await again.getByRole("button", { name: "Book appointment" }).click();
    await expect(again.getByTestId("book-error")).toContainText(/already|taken|overlap|busy/i);
    await expect(again).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(again).toHaveCount(0);
    await expect(page.getByRole("button", { name: new RegExp(second) })).toHaveCount(0);
    await reloadHydrated(page);
    await page.getByLabel("Date", { exact: true }).fill(date);
    const kept = page.getByRole("button", { name: new RegExp(first) });
    await expect(kept).toBeVisible();
    await expect(page.getByRole("button", { name: new RegExp(second) })).toHaveCount(0);

    // The patient comes in and is seen: each step offers only what may follow.
    await kept.click();
    const panel = page.getByTestId("entry-panel");
    await panel.getByRole("button", { name: "Mark arrived" }).click();
    await expect(panel.getByTestId("panel-status")).toHaveText("Arrived");
    await expect(panel.getByRole("button", { name: "Cancel appointment" })).toHaveCount(0);
    await expect(panel.getByRole("button", { name: "Move appointment" })).toHaveCount(0);
    await panel.getByRole("button", { name: "Mark completed" }).click();
    await expect(panel.getByTestId("panel-status")).toHaveText("Completed");
    await expect(panel.getByRole("button")).toHaveText(["Close"]);
    await page.keyboard.press("Escape");
    await expect(kept.getByTestId("diary-appointment")).toHaveAttribute("data-status", "completed");

    // The bookings list shows the new status and opens the appointment in the diary.
    await gotoHydrated(page, "/bookings?status=completed");
    const row = page.getByTestId("booking-row").filter({ hasText: first, visible: true });
    await expect(row.getByTestId("booking-status")).toHaveText("completed");
    await row.getByTitle("Open in the diary").click();
    await expect(page).toHaveURL(new RegExp(`/diary\\?date=${date}&booking=`));
    await expect(page.getByTestId("entry-panel").getByTestId("panel-title")).toHaveText(first);
  });

  test("shows a time held on a live call within a second, and drops it when the call ends", async ({
    page,
    baseURL,
  }) => {
    // Its own caller number: e2e/live-transcript.spec.ts opens the live call ending 9911.
    const call = testCall(baseURL!, "+15550109933");
    await call.status("in-progress");
    const offered = await call.tool("check_availability", {
      procedure: "facelift",
      date: clinicWeekday(10),
    });
    const slot = offered.result!.slots[0]!;
    await openDiary(page, clinicDateOf(slot.start));
    await expect(page.getByTestId("diary-hold")).toHaveCount(0);

    await call.tool("hold_slot", { slotId: slot.slotId });
    const hold = page.getByTestId("diary-hold");
    // The promise: on the diary within a second of the hold (measured 130-220 ms).
    await expect(hold).toBeVisible({ timeout: 1000 });
    // At the offered time in clinic time (the browser is in Tokyo).
    await expect(page.getByRole("button", { name: /Held on a call/ })).toContainText(
      new RegExp(`^${clinicTimeOf(slot.start)}–`),
    );
    await expect(hold.getByTestId("hold-seconds")).toHaveText(/^(9\d|8\d|7\d) s$/);
    const before = Number((await hold.getByTestId("hold-seconds").textContent())!.split(" ")[0]);
    await expect
      .poll(async () =>
        Number((await hold.getByTestId("hold-seconds").textContent())!.split(" ")[0]),
      )
      .toBeLessThan(before);
    // In the column of the practitioner the call was offered.
    await expect(
      page.getByTestId("diary-column").filter({ hasText: slot.practitioner }),
    ).toBeVisible();

    await call.end("customer-ended-call");
    await expect(hold).toHaveCount(0, { timeout: 1000 });
  });

  test("works on a tablet at 820 px: nothing overflows, dialogs fit, time is blocked and freed", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 820, height: 1180 });
    const date = clinicWeekday(12);
    await openDiary(page, date);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByTestId("diary-column").first()).toBeVisible();

    await page.getByRole("button", { name: "New appointment" }).click();
    const dialog = page.getByRole("dialog", { name: "New appointment" });
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(820);
    await expect(dialog.getByRole("button", { name: "Book appointment" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);

    // Block half an hour of the first practitioner's day, then remove the block.
    const reason = `Team meeting ${run}`;
    await page.getByRole("button", { name: "Block time" }).click();
    const block = page.getByRole("dialog", { name: "Block time" });
    await block.getByLabel("Whose time").selectOption({ index: 1 });
    await block.getByLabel("From").fill("12:00");
    await block.getByLabel("To").fill("12:30");
    await block.getByRole("button", { name: "Block time" }).click();
    await expect(block.getByText("Say why the time is blocked")).toBeVisible();
    await block.getByLabel("Reason").fill(reason);
    await block.getByRole("button", { name: "Block time" }).click();
    await expect(block).toHaveCount(0);
    const blocked = page.getByRole("button", { name: new RegExp(reason) });
    await expect(blocked).toContainText(/^12:00–12:30/);
    await blocked.click();
    const panel = page.getByTestId("entry-panel");
    await expect(panel).toContainText(reason);
    await panel.getByRole("button", { name: "Remove block" }).click();
    await expect(panel).toHaveCount(0);
    await expect(page.getByRole("button", { name: new RegExp(reason) })).toHaveCount(0);

    await page.getByRole("button", { name: "Week", exact: true }).click();
    await expect(page.getByLabel("Practitioner")).toBeVisible();
    await expect(page.getByTestId("diary-title")).toContainText("Week of");

    // More columns than fit (a narrow window here): the day scrolls sideways, not the page.
    await page.getByRole("button", { name: "Day", exact: true }).click();
    await page.setViewportSize({ width: 560, height: 900 });
    await expect
      .poll(() =>
        page.evaluate(() => {
          const grid = document.querySelector(".rbc-time-content")!;
          const root = document.documentElement;
          return {
            pageOverflows: root.scrollWidth > root.clientWidth,
            gridScrolls: grid.scrollWidth > grid.clientWidth,
          };
        }),
      )
      .toEqual({ pageOverflows: false, gridScrolls: true });
  });
});
