import { expect, test } from "./fixtures";
import { RECEPTIONIST, signIn, testCall } from "./helpers";

// Issue 20: a receptionist rings and texts patients back from where they are listed (call-backs,
// bookings), with the full number the data layer lets their role see. (The aftercare link's
// branded page, at a phone's width: e2e/follow-up.spec.ts.) Each test's caller is its own.
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

    const row = page.getByTestId("booking-row").filter({ hasText: "Noor Booker", visible: true });
    await expect(row).toBeVisible();
    await expect(row.getByTestId("call-link")).toHaveAttribute("href", `tel:${booker}`);
    // Text opens that patient's conversation in Messages.
    await row.getByTestId("text-link").click();
    await expect(page).toHaveURL(/\/messages\?patient=[0-9a-f-]{36}$/);
    await expect(page.getByTestId("thread-title")).toHaveText("Noor Booker");
  });
});
