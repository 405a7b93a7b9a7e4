import { VapiClient } from "@vapi-ai/server-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { transferWentUnanswered, UNANSWERED_TRANSFER_REASONS } from "@/lib/hours/routing";
import { explainVapiError, phoneNumberFor, pushPhoneNumber } from "@/lib/vapi/phone-number";

import { startVapiDouble } from "../doubles/vapi";

// Importing the clinic's Twilio number into Vapi through the official SDK, against a double of
// Vapi's phone-number API (tests/doubles/vapi.ts: the documented endpoints and validation).
const KEY = "vapi-unit-key";
const TWILIO = { accountSid: `AC${"1".repeat(32)}`, authToken: "unit-twilio-token-0123456789" };
let vapi: Awaited<ReturnType<typeof startVapiDouble>>;
beforeAll(async () => {
  vapi = await startVapiDouble(KEY, { twilio: TWILIO });
});
afterAll(() => vapi.close());
beforeEach(() => {
  vapi.phoneNumbers.clear();
  vapi.received.length = 0;
});

const clinic = {
  name: "Harbour Aesthetics",
  phoneNumber: "+15555550199",
  frontDeskNumber: "+15555550100",
};
const number = (frontDeskNumber = clinic.frontDeskNumber) =>
  phoneNumberFor(
    { ...clinic, frontDeskNumber },
    { serverUrl: "https://app.example.com/api/webhooks/vapi", twilio: TWILIO },
  );

describe("pushPhoneNumber", () => {
  it("imports the number once, then updates it: re-running never adds a second", async () => {
    const first = await pushPhoneNumber(number(), {
      apiKey: KEY,
      baseUrl: vapi.url,
      existingId: null,
    });
    expect(first).toMatchObject({ action: "created", fallback: "+15555550100" });
    const second = await pushPhoneNumber(number("+15555550123"), {
      apiKey: KEY,
      baseUrl: vapi.url,
      existingId: first.id,
    });
    expect(second).toEqual({ id: first.id, action: "updated", fallback: "+15555550123" });
    expect(vapi.phoneNumbers.size).toBe(1);
    expect(vapi.received.map((request) => `${request.method} ${request.path}`)).toEqual([
      "GET /phone-number",
      "POST /phone-number",
      `PATCH /phone-number/${first.id}`,
    ]);
    // What Vapi holds: our webhook with retries, the front desk as fallback, no assistantId.
    const held = await new VapiClient({ token: KEY, baseUrl: vapi.url }).phoneNumbers.get({
      id: first.id,
    });
    expect(held).toMatchObject({
      provider: "twilio",
      number: "+15555550199",
      twilioAccountSid: TWILIO.accountSid,
      server: { url: "https://app.example.com/api/webhooks/vapi", timeoutSeconds: 20 },
      fallbackDestination: { type: "number", number: "+15555550123" },
    });
    expect(held).not.toHaveProperty("assistantId");
    expect(held).not.toHaveProperty("twilioAuthToken");
  });

  it("adopts the number Vapi already holds when no id is stored, or the stored one is gone", async () => {
    const first = await pushPhoneNumber(number(), {
      apiKey: KEY,
      baseUrl: vapi.url,
      existingId: null,
    });
    const adopted = await pushPhoneNumber(number(), {
      apiKey: KEY,
      baseUrl: vapi.url,
      existingId: "5b0e1c7e-0000-4000-8000-000000000000",
    });
    expect(adopted).toMatchObject({ id: first.id, action: "updated" });
    expect(vapi.phoneNumbers.size).toBe(1);
  });

  it("fails with Vapi's reasons, explained: wrong key, wrong Twilio account, invalid fallback", async () => {
    const wrongKey = await pushPhoneNumber(number(), {
      apiKey: "public-key",
      baseUrl: vapi.url,
      existingId: null,
    }).catch((error: unknown) => error);
    expect(explainVapiError(wrongKey)).toMatch(/Vapi refused the API key\. Set VAPI_API_KEY/);
    const wrongTwilio = await pushPhoneNumber(
      { ...number(), twilioAuthToken: "not-the-token-0123456789" },
      { apiKey: KEY, baseUrl: vapi.url, existingId: null },
    ).catch((error: unknown) => error);
    expect(explainVapiError(wrongTwilio)).toBe(
      "Vapi refused the number: Twilio Error: Authentication failed. Check your Twilio Account SID and Auth Token..",
    );
    const badFallback = await pushPhoneNumber(number("555-0100"), {
      apiKey: KEY,
      baseUrl: vapi.url,
      existingId: null,
    }).catch((error: unknown) => error);
    expect(explainVapiError(badFallback)).toMatch(
      /fallbackDestination\.number must be a valid phone number in E\.164 format/,
    );
    expect(vapi.phoneNumbers.size).toBe(0);
    const unreachable = await pushPhoneNumber(number(), {
      apiKey: KEY,
      baseUrl: "http://127.0.0.1:9",
      existingId: null,
    }).catch((error: unknown) => error);
    expect(explainVapiError(unreachable)).toMatch(/^Could not reach Vapi/);
  });

  it("the double refuses a second import of the same number and unknown fields, as Vapi does", async () => {
    const client = new VapiClient({ token: KEY, baseUrl: vapi.url });
    await client.phoneNumbers.create({ provider: "twilio", ...number() });
    await expect(
      client.phoneNumbers.create({ provider: "twilio", ...number() }),
    ).rejects.toMatchObject({
      statusCode: 400,
    });
    await expect(
      client.phoneNumbers.create({ provider: "twilio", ...number(), colour: "red" } as never),
    ).rejects.toMatchObject({
      statusCode: 400,
      body: { message: ["property colour should not exist"] },
    });
  });
});

describe("transferWentUnanswered", () => {
  it("is true when a chosen transfer did not end the call by putting it through", () => {
    for (const endedReason of UNANSWERED_TRANSFER_REASONS)
      expect(transferWentUnanswered({ transferOutcome: "transferred", endedReason })).toBe(true);
    expect(
      transferWentUnanswered({ transferOutcome: "requested", endedReason: "customer-ended-call" }),
    ).toBe(true);
  });

  it("is false for a call put through, no transfer, one already unanswered, or no reason yet", () => {
    expect(
      transferWentUnanswered({
        transferOutcome: "transferred",
        endedReason: "assistant-forwarded-call",
      }),
    ).toBe(false);
    expect(
      transferWentUnanswered({ transferOutcome: null, endedReason: "customer-ended-call" }),
    ).toBe(false);
    expect(
      transferWentUnanswered({ transferOutcome: "refused", endedReason: "customer-ended-call" }),
    ).toBe(false);
    expect(
      transferWentUnanswered({ transferOutcome: "unanswered", endedReason: "customer-ended-call" }),
    ).toBe(false);
    expect(transferWentUnanswered({ transferOutcome: "requested", endedReason: null })).toBe(false);
  });
});
