import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { configDiff, pushAssistant } from "@/lib/vapi/push";

import { startVapiDouble } from "../doubles/vapi";

let vapi: Awaited<ReturnType<typeof startVapiDouble>>;
beforeAll(async () => {
  vapi = await startVapiDouble("vapi-test-key");
});
afterAll(() => vapi.close());

describe("pushing an assistant through the Vapi SDK", () => {
  const assistant = { name: "Voxanne · Test", firstMessage: "Hello", metadata: { clinicId: "c1" } };

  it("creates it the first time and updates it after", async () => {
    const created = await pushAssistant(assistant, {
      apiKey: "vapi-test-key",
      baseUrl: vapi.url,
      existingId: null,
    });
    expect(created.created).toBe(true);
    const updated = await pushAssistant(
      { ...assistant, firstMessage: "Hi" },
      { apiKey: "vapi-test-key", baseUrl: vapi.url, existingId: created.id },
    );
    expect(updated).toEqual({ id: created.id, created: false });
    expect(vapi.received.map((request) => [request.method, request.path])).toEqual([
      ["POST", "/assistant"],
      ["PATCH", `/assistant/${created.id}`],
    ]);
    expect(vapi.received[1]!.body).toMatchObject({ firstMessage: "Hi" });
  });

  it("fails loudly on a wrong key", async () => {
    await expect(
      pushAssistant(assistant, { apiKey: "wrong", baseUrl: vapi.url, existingId: null }),
    ).rejects.toThrow();
  });
});

describe("configDiff", () => {
  it("lists changed paths with before and after", () => {
    expect(
      configDiff(
        { a: 1, b: { c: 0.4, d: [1] }, e: "same" },
        { a: 1, b: { c: 0.1, d: [1, 2] }, e: "same" },
      ),
    ).toEqual([
      { path: "b.c", from: 0.4, to: 0.1 },
      { path: "b.d", from: [1], to: [1, 2] },
    ]);
  });
});
