import { expect, test } from "./fixtures";
import { ADMIN, signIn, testCall } from "./helpers";

test("an admin sees the generated Vapi configuration and the measured reply times", async ({
  page,
  baseURL,
}) => {
  const call = testCall(baseURL!);
  const t = Date.now();
  await call.status("in-progress");
  await call.send("speech-update", { role: "user", status: "stopped", turn: 1, timestamp: t });
  await call.send("speech-update", {
    role: "assistant",
    status: "started",
    turn: 2,
    timestamp: t + 1250,
  });

  await signIn(page, ADMIN, "/admin/assistant");
  // The summary in words first; the JSON behind its disclosure.
  const summary = page.getByTestId("assistant-summary");
  await expect(summary).toContainText("Thank you for calling Harbour Aesthetics");
  await expect(summary).toContainText("Sarah, a voice from ElevenLabs");
  await expect(summary).toContainText("Rhinoplasty");
  await expect(summary).toContainText("Holds a time for 90 seconds");
  const json = page.getByTestId("assistant-json");
  await expect(json).toBeHidden();
  await page.getByText("Technical configuration (Vapi JSON)").click();
  await expect(json).toContainText('"name": "Voxanne · Harbour Aesthetics"');
  await expect(json).toContainText('"name": "hold_slot"');
  await expect(json).toContainText('"waitSeconds": 0.4');
  await expect(page.getByTestId("latency-summary")).toContainText(
    /Half of Voxanne's replies start within [\d.]+ seconds/,
  );
  await expect(page.getByTestId("latency-summary")).not.toContainText(" ms");
  await expect(page.getByRole("button", { name: "Download" })).toBeVisible();
});

test("slow replies bring the 700 ms advice, and the admin applies the low-latency profile after seeing the diff", async ({
  page,
  baseURL,
}) => {
  // One call whose report shows 20 turns answered after 950 ms: p95 over 700 ms on the standard profile.
  const call = testCall(baseURL!);
  const t = Date.now() - 120_000;
  const messages = Array.from({ length: 20 }, (_, i) => [
    {
      role: "user",
      message: "Is there a facelift consultation free?",
      time: t + i * 5000,
      endTime: t + i * 5000 + 1000,
    },
    { role: "bot", message: "Let me check.", time: t + i * 5000 + 1950 },
  ]).flat();
  await call.status("in-progress");
  await call.send("end-of-call-report", {
    endedReason: "customer-ended-call",
    artifact: { messages },
  });

  await signIn(page, ADMIN, "/latency");
  await expect(page.getByTestId("latency-advice")).toContainText("above the 700 ms target");
  await page.getByRole("link", { name: "review and apply it" }).click();
  await expect(page).toHaveURL(/\/admin\/assistant$/);
  await expect(page.getByTestId("latency-advice")).toContainText("longer than 0.7 seconds");
  await expect(page.getByTestId("latency-summary")).toContainText("Standard profile");

  await page.getByRole("button", { name: "Use the low-latency profile" }).click();
  const diff = page.getByTestId("profile-diff");
  await expect(diff).toContainText(
    "Pause before Voxanne starts her reply: 0.4 seconds → 0.1 seconds",
  );
  await expect(diff).toContainText("Longest single answer: about 188 words → about 113 words");
  await diff.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("Applied. Calls use it from the next call on.")).toBeVisible();
  await expect(page.getByTestId("latency-summary")).toContainText("Low-latency profile");
  await expect(page.getByTestId("assistant-summary")).toContainText(
    "tuned to start speaking sooner",
  );
  await expect(page.getByTestId("latency-advice")).toContainText(
    "still slow on the low-latency profile",
  );

  // Back to standard, as the other tests expect.
  await page.getByRole("button", { name: "Back to the standard profile" }).click();
  await page.getByTestId("profile-diff").getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("latency-summary")).toContainText("Standard profile");
});
