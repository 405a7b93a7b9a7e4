import { expect, test } from "@playwright/test";

import { ADMIN, signIn, testCall } from "./helpers";

test("an admin sees the generated Vapi configuration and the measured reply times", async ({ page, baseURL }) => {
  const call = testCall(baseURL!);
  const t = Date.now();
  await call.status("in-progress");
  await call.send("speech-update", { role: "user", status: "stopped", turn: 1, timestamp: t });
  await call.send("speech-update", { role: "assistant", status: "started", turn: 2, timestamp: t + 1250 });

  await signIn(page, ADMIN, "/admin/assistant");
  const json = page.getByTestId("assistant-json");
  await expect(json).toContainText('"name": "Voxanne · Harbour Aesthetics"');
  await expect(json).toContainText('"name": "hold_slot"');
  await expect(json).toContainText('"waitSeconds": 0.4');
  await expect(page.getByTestId("latency-summary")).toContainText(/\d+ turns · p50 \d+ ms/);
  await expect(page.getByRole("button", { name: "Download" })).toBeVisible();
});
