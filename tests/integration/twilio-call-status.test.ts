import type { Client } from "pg";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { ownerClient } from "../helpers/db";
import { newCall } from "../helpers/vapi";
import { TWILIO_AUTH_TOKEN } from "./global-setup";

let db: Client;
beforeAll(async () => {
  db = await ownerClient();
});
afterAll(async () => {
  await db.end();
});

// Twilio signs the URL it was configured with: APP_URL + path.
function post(params: Record<string, string>, token = TWILIO_AUTH_TOKEN) {
  const url = `${inject("appUrl")}/api/webhooks/twilio/call-status`;
  const signature = twilio.getExpectedTwilioSignature(token, url, params);
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": signature,
    },
    body: new URLSearchParams(params).toString(),
  });
}

describe("POST /api/webhooks/twilio/call-status", () => {
  it("ends a call Twilio reports completed and frees its hold at once", async () => {
    const call = newCall();
    await call.status("in-progress");
    const slot = (await call.tool("check_availability", { procedure: "facelift" })).result!
      .slots[0]!.slotId;
    expect((await call.tool("hold_slot", { slotId: slot })).result!.held).toBe(true);

    const response = await post({
      CallSid: call.twilioSid,
      CallStatus: "completed",
      AccountSid: `AC${"1".repeat(32)}`,
    });
    expect(response.status).toBe(200);
    const row = await db.query(
      `select c.state, c.ended_reason,
              case when exists (select 1 from public.reservations r where r.offer_id = $2) then 'held' else 'open' end as status
         from public.calls c where c.vapi_call_id = $1`,
      [call.id, slot],
    );
    expect(row.rows[0]).toEqual({
      state: "abandoned",
      ended_reason: "twilio-completed",
      status: "open",
    });

    expect(
      await (await post({ CallSid: call.twilioSid, CallStatus: "completed" })).json(),
    ).toMatchObject({ duplicate: true });
  });

  it("rejects an unsigned or wrongly signed callback with 401", async () => {
    const call = newCall();
    await call.status("in-progress");
    expect(
      (
        await post(
          { CallSid: call.twilioSid, CallStatus: "completed" },
          "some-other-auth-token-000",
        )
      ).status,
    ).toBe(401);
    const unsigned = await fetch(`${inject("appUrl")}/api/webhooks/twilio/call-status`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `CallSid=${call.twilioSid}&CallStatus=completed`,
    });
    expect(unsigned.status).toBe(401);
    expect(
      (await db.query("select state from public.calls where vapi_call_id = $1", [call.id])).rows[0]
        .state,
    ).toBe("connected");
  });

  it("answers a signed but malformed callback with 422", async () => {
    const response = await post({ CallSid: "not-a-sid", CallStatus: "completed" });
    expect(response.status).toBe(422);
  });

  it("ignores progress statuses and unknown calls", async () => {
    expect(
      await (await post({ CallSid: `CA${"a".repeat(32)}`, CallStatus: "ringing" })).json(),
    ).toMatchObject({ ignored: "ringing" });
    expect(
      await (await post({ CallSid: `CA${"b".repeat(32)}`, CallStatus: "completed" })).json(),
    ).toMatchObject({ ignored: "unknown call" });
  });
});
