import { expect, test, type Page } from "./fixtures";
import { ADMIN, RECEPTIONIST, signIn } from "./helpers";

// Specs share one database: this one adds its own procedure, practitioners, room and closure
// (named per run, far in the future where a closure blocks nobody else's bookings) and leaves
// the seeded ones alone.
const run = Date.now().toString(36).slice(-5);
const names = {
  procedure: `Glow peel ${run}`,
  room: `Peel room ${run}`,
  first: `Dr Ada Byron ${run}`,
  second: `Nurse Grace Hopper ${run}`,
  closure: `Staff training ${run}`,
};

async function section(page: Page, title: string) {
  await page
    .getByRole("navigation", { name: "Diary setup" })
    .getByRole("link", { name: title })
    .click();
  await expect(
    page.getByRole("navigation", { name: "Diary setup" }).getByRole("link", { name: title }),
  ).toHaveAttribute("aria-current", "page");
}

test.describe.configure({ mode: "serial" });

test("an admin sets up a room, two practitioners with split hours, an appointment type needing both, and a closure", async ({
  page,
}) => {
  test.slow(); // one long walk through five pages
  await signIn(page, ADMIN, "/admin/procedures");
  await page.getByRole("button", { name: "Add a procedure" }).click();
  await page.getByLabel("Name", { exact: true }).fill(names.procedure);
  await page.getByRole("button", { name: "Add procedure", exact: true }).click();
  await expect(page.getByRole("cell", { name: names.procedure, exact: true })).toBeVisible();

  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Diary setup" })
    .click();
  await expect(page.getByRole("heading", { name: "Diary setup", exact: true })).toBeVisible();
  await expect(page.getByTestId("read-only")).toHaveCount(0);

  // Rooms and devices: a duplicate name is explained beside the field.
  await section(page, "Rooms and devices");
  await page.getByRole("button", { name: "Add a room or device" }).click();
  await page.getByLabel("Name", { exact: true }).fill(names.room);
  await page.getByRole("button", { name: "Add room or device" }).click();
  await expect(page.getByRole("cell", { name: names.room, exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Add a room or device" }).click();
  await page.getByLabel("Name", { exact: true }).fill(names.room.toUpperCase());
  await page.getByRole("button", { name: "Add room or device" }).click();
  await expect(page.getByText("You already have a room or device with this name.")).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();

  // Practitioners, and the first one's split week.
  await section(page, "Practitioners");
  for (const [name, title] of [
    [names.first, "Consultant dermatologist"],
    [names.second, "Nurse practitioner"],
  ] as const) {
    await page.getByRole("button", { name: "Add a practitioner" }).click();
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByRole("button", { name: "Add practitioner", exact: true }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
  }
  const card = page.getByTestId("practitioner-card").filter({ hasText: names.first });
  await card.getByRole("button", { name: `Hours of ${names.first}` }).click();
  const hours = card.getByRole("form", { name: `Weekly hours of ${names.first}` });
  await hours.getByRole("button", { name: "Add hours on Monday" }).click();
  await hours.getByLabel("Monday 1 ends").fill("13:00");
  await hours.getByRole("button", { name: "Add hours on Monday" }).click();
  await hours.getByLabel("Monday 2 starts").fill("12:00");
  await hours.getByLabel("Monday 2 ends").fill("18:00");
  await hours.getByRole("button", { name: "Save weekly hours" }).click();
  await expect(hours.getByText("Overlaps 09:00–13:00 on the same day")).toBeVisible();
  await hours.getByLabel("Monday 2 starts").fill("14:00");
  await hours.getByRole("button", { name: "Copy Monday to Tuesday–Friday" }).click();
  await expect(hours.getByLabel("Friday 2 ends")).toHaveValue("18:00");
  await hours.getByRole("button", { name: "Remove Friday 14:00–18:00" }).click();
  await hours.getByRole("button", { name: "Save weekly hours" }).click();
  await expect(hours.getByText("Weekly hours saved.")).toBeVisible();
  await expect(card.getByTestId("week-summary")).toHaveText(
    "Mon 09:00–13:00, 14:00–18:00 · Tue 09:00–13:00, 14:00–18:00 · Wed 09:00–13:00, 14:00–18:00 · Thu 09:00–13:00, 14:00–18:00 · Fri 09:00–13:00",
  );

  // A half day off, listed under upcoming changes.
  const overrides = card.getByRole("form", {
    name: `Change the hours of ${names.first} on one date`,
  });
  await overrides.getByLabel("Date").fill("2099-06-01");
  await overrides.getByLabel("The whole day").uncheck();
  await overrides.getByLabel("From").fill("14:00");
  await overrides.getByLabel("Until").fill("18:00");
  await overrides.getByLabel("Reason (optional)").fill("Conference");
  await overrides.getByRole("button", { name: "Add time off" }).click();
  await expect(card.getByTestId("override-row")).toContainText("Mon, Jun 1, 2099");
  await expect(card.getByTestId("override-row")).toContainText("14:00–18:00");

  // The appointment type: needs the room, performed by both.
  await section(page, "Appointment types");
  const procedure = page.getByTestId("procedure-types").filter({
    has: page.getByRole("heading", { name: names.procedure }),
  });
  await procedure
    .getByRole("button", { name: `Add an appointment type to ${names.procedure}` })
    .click();
  const form = procedure.getByRole("form", { name: `New appointment type for ${names.procedure}` });
  await form.getByLabel("Kind").selectOption("treatment");
  await expect(form.getByLabel("Name", { exact: true })).toHaveValue(
    `${names.procedure} treatment`,
  );
  await form.getByLabel("Duration (minutes)").fill("0");
  await form.getByRole("button", { name: "Add appointment type" }).click();
  await expect(form.getByText("At least 5 minutes")).toBeVisible();
  await form.getByLabel("Duration (minutes)").fill("45");
  await form.getByLabel("Buffer after (minutes)").fill("15");
  await form.getByLabel("Needs a room or device").selectOption({ label: names.room });
  await form.getByRole("checkbox", { name: names.first }).check();
  await form.getByRole("checkbox", { name: names.second }).check();
  await form.getByLabel("Confirmed at once").check();
  await form.getByRole("button", { name: "Add appointment type" }).click();
  const row = procedure.getByTestId("appointment-type-row");
  await expect(row).toContainText(`${names.procedure} treatment`);
  await expect(row).toContainText("45 min");
  await expect(row).toContainText("+ 15 min after");
  await expect(row).toContainText(names.room);
  await expect(row).toContainText(`${names.first}, ${names.second}`);
  await expect(row).toContainText("Confirmed at once");

  // A closure: an end before the start is refused, then a two-day closure is listed.
  await section(page, "Closures");
  await page.getByLabel("First day closed").fill("2099-11-12");
  await page.getByLabel("Last day closed").fill("2099-11-11");
  await page.getByLabel("Reason").fill(names.closure);
  await page.getByRole("button", { name: "Add closure" }).click();
  await expect(page.getByText("The last day cannot be before the first")).toBeVisible();
  await page.getByLabel("Last day closed").fill("2099-11-13");
  await page.getByRole("button", { name: "Add closure" }).click();
  const closure = page.getByTestId("closure-row").filter({ hasText: names.closure, visible: true });
  await expect(closure).toContainText("Thu, Nov 12, 2099 – Fri, Nov 13, 2099");

  await section(page, "Booking rules");
  await expect(page.getByLabel("Minimum notice (minutes)")).toBeEditable();
});

test.describe("at the front desk (a tablet, 820 px wide)", () => {
  test.use({ viewport: { width: 820, height: 1180 } });

  test("a receptionist sees the diary setup read-only and cannot change it", async ({ page }) => {
    await signIn(page, RECEPTIONIST, "/admin/diary");
    await expect(page.getByTestId("read-only")).toBeVisible();
    const procedure = page.getByTestId("procedure-types").filter({
      has: page.getByRole("heading", { name: names.procedure }),
    });
    await expect(procedure.getByTestId("appointment-type-row")).toContainText(names.room);
    await expect(
      page.getByRole("button", { name: /^(Add an appointment type|Edit|Deactivate)/ }),
    ).toHaveCount(0);

    await section(page, "Rooms and devices");
    await expect(page.getByRole("cell", { name: names.room, exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Add a room or device" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: `Rename ${names.room}` })).toHaveCount(0);

    await section(page, "Practitioners");
    const card = page.getByTestId("practitioner-card").filter({ hasText: names.first });
    await card.getByRole("button", { name: `Hours of ${names.first}` }).click();
    await expect(card.getByLabel("Monday 1 starts")).toBeDisabled();
    await expect(card.getByRole("button", { name: "Save weekly hours" })).toHaveCount(0);
    await expect(card.getByRole("button", { name: /^Delete / })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Add a practitioner" })).toHaveCount(0);

    await section(page, "Closures");
    await expect(
      page.getByTestId("closure-row").filter({ hasText: names.closure, visible: true }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Add closure" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Delete closure/ })).toHaveCount(0);

    await section(page, "Booking rules");
    await expect(page.getByLabel("Minimum notice (minutes)")).toBeDisabled();
    await expect(page.getByRole("button", { name: "Save booking rules" })).toHaveCount(0);
  });
});
