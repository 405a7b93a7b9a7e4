import { randomBytes, randomInt } from "node:crypto";
import fc from "fast-check";
import type { Client } from "pg";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { findAnywhere, HARBOUR, ownerClient } from "../helpers/db";
import { TWILIO_AUTH_TOKEN } from "./global-setup";

const CLINIC_NUMBER = "+15555550199"; // Harbour Aesthetics (supabase/seed.sql)
const ACCOUNT = `AC${"0".repeat(32)}`;

let db: Client;
beforeAll(async () => {
  db = await ownerClient();
});
afterAll(async () => {
  await db.end();
});

const messageSid = () => `SM${randomBytes(16).toString("hex")}`;
const patient = () => `+1555${randomInt(1_000_000, 10_000_000)}`;

/**
 * POSTs form params to a Twilio webhook route the way Twilio does: signed over the URL it was
 * configured with (APP_URL + path + query). `signedUrl` signs a different URL than the one called.
 */
function post(
  route: string,
  params: Record<string, string>,
  options: { query?: string; signedUrl?: string; token?: string } = {},
) {
  const url = `${inject("appUrl")}/api/webhooks/twilio/${route}${options.query ?? ""}`;
  const signature = twilio.getExpectedTwilioSignature(
    options.token ?? TWILIO_AUTH_TOKEN,
    options.signedUrl ?? url,
    params,
  );
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": signature,
    },
    body: new URLSearchParams(params).toString(),
  });
}

/** An inbound text as Twilio posts it to the clinic's number. */
function inbound(from: string, body: string, extra: Record<string, string> = {}) {
  const sid = extra.MessageSid ?? messageSid();
  return post("inbound-sms", {
    AccountSid: ACCOUNT,
    MessageSid: sid,
    SmsMessageSid: sid,
    SmsSid: sid,
    From: from,
    To: CLINIC_NUMBER,
    Body: body,
    NumMedia: "0",
    ...extra,
  });
}

async function optedOut(phone: string): Promise<string[]> {
  const { rows } = await db.query<{ source: string }>(
    "select source from public.sms_opt_outs where clinic_id = $1 and phone_number = $2",
    [HARBOUR, phone],
  );
  return rows.map((row) => row.source);
}

async function inboundRows(phone: string) {
  const { rows } = await db.query<{
    body: string;
    keyword: string | null;
    provider_sid: string | null;
    status: string;
    to_number: string;
  }>(
    "select body, keyword, provider_sid, status, to_number from public.sms_messages where direction = 'inbound' and from_number = $1 order by created_at",
    [phone],
  );
  return rows;
}

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

describe("inbound texts with Advanced Opt-Out", () => {
  it("opts out on OptOutType STOP whatever the word, and records the MessageSid", async () => {
    const phone = patient();
    const sid = messageSid();
    const response = await inbound(phone, "ARRET", { MessageSid: sid, OptOutType: "STOP" });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(EMPTY_TWIML);
    expect(await optedOut(phone)).toEqual(["keyword"]);
    expect(await inboundRows(phone)).toEqual([
      {
        body: "ARRET",
        keyword: "STOP",
        provider_sid: sid,
        status: "received",
        to_number: CLINIC_NUMBER,
      },
    ]);
  });

  it("opts back in on OptOutType START", async () => {
    const phone = patient();
    await inbound(phone, "stopp", { OptOutType: "STOP" });
    expect(await optedOut(phone)).toEqual(["keyword"]);
    expect((await inbound(phone, "DEMARRER", { OptOutType: "START" })).status).toBe(200);
    expect(await optedOut(phone)).toEqual([]);
    expect((await inboundRows(phone)).map((row) => [row.body, row.keyword])).toEqual([
      ["stopp", "STOP"],
      ["DEMARRER", "START"],
    ]);
  });

  it("answers OptOutType HELP with the clinic's help text", async () => {
    const response = await inbound(patient(), "AIDE", { OptOutType: "HELP" });
    expect(response.headers.get("content-type")).toBe("text/xml");
    expect(await response.text()).toContain(
      "<Message>Harbour Aesthetics: call us on (555) 555-0199. Reply STOP to opt out.</Message>",
    );
  });

  it("lets OptOutType decide over the default keywords", async () => {
    const phone = patient();
    await inbound(phone, "STOP", { OptOutType: "HELP" });
    expect(await optedOut(phone)).toEqual([]);
  });
});

describe("inbound texts without OptOutType", () => {
  it("match Twilio's default keywords on the whole trimmed body, any case", async () => {
    const phone = patient();
    await inbound(phone, "Stop texting me please");
    expect(await optedOut(phone)).toEqual([]);
    await inbound(phone, "  unsubscribe \n");
    expect(await optedOut(phone)).toEqual(["keyword"]);
    await inbound(phone, "Unstop");
    expect(await optedOut(phone)).toEqual([]);
    // Every text is kept as written for the inbox, with the keyword it was read as.
    expect((await inboundRows(phone)).map((row) => [row.body, row.keyword])).toEqual([
      ["Stop texting me please", null],
      ["  unsubscribe \n", "STOP"],
      ["Unstop", "START"],
    ]);
  });
});

describe("replayed inbound texts", () => {
  it("are stored once per MessageSid", async () => {
    const phone = patient();
    const sid = messageSid();
    expect((await inbound(phone, "hello", { MessageSid: sid })).status).toBe(200);
    expect((await inbound(phone, "hello", { MessageSid: sid })).status).toBe(200);
    expect(await inboundRows(phone)).toEqual([
      {
        body: "hello",
        keyword: null,
        provider_sid: sid,
        status: "received",
        to_number: CLINIC_NUMBER,
      },
    ]);
  });

  it("do not undo a later START when an earlier STOP is delivered again", async () => {
    const phone = patient();
    const stop = messageSid();
    await inbound(phone, "ARRET", { MessageSid: stop, OptOutType: "STOP" });
    await inbound(phone, "START", { OptOutType: "START" });
    const replay = await inbound(phone, "ARRET", { MessageSid: stop, OptOutType: "STOP" });
    expect(replay.status).toBe(200);
    expect(await optedOut(phone)).toEqual([]);
    expect((await inboundRows(phone)).map((row) => row.keyword)).toEqual(["STOP", "START"]);
  });

  it("answer HELP again, in case Twilio never got the first answer", async () => {
    const sid = messageSid();
    const first = await (await inbound(patient(), "HELP", { MessageSid: sid })).text();
    const again = await (await inbound(patient(), "HELP", { MessageSid: sid })).text();
    expect(again).toBe(first);
    expect(again).toContain("<Message>");
  });

  it("survive concurrent duplicates", async () => {
    const phone = patient();
    const sid = messageSid();
    const responses = await Promise.all(
      Array.from({ length: 4 }, () => inbound(phone, "STOP", { MessageSid: sid })),
    );
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    expect(await inboundRows(phone)).toHaveLength(1);
    expect(await optedOut(phone)).toEqual(["keyword"]);
  });
});

describe("every real inbound text is accepted", () => {
  it("accepts a picture message and keeps only how many attachments came", async () => {
    const phone = patient();
    const sid = `MM${randomBytes(16).toString("hex")}`;
    const response = await inbound(phone, "", {
      MessageSid: sid,
      NumMedia: "1",
      NumSegments: "1",
      MediaUrl0: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT}/Messages/${sid}/Media/ME${"1".repeat(32)}`,
      MediaContentType0: "image/jpeg",
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(EMPTY_TWIML);
    expect(await inboundRows(phone)).toEqual([
      { body: "", keyword: null, provider_sid: sid, status: "received", to_number: CLINIC_NUMBER },
    ]);
    const { rows } = await db.query<{ media_count: number }>(
      "select media_count from public.sms_messages where provider_sid = $1",
      [sid],
    );
    expect(rows).toEqual([{ media_count: 1 }]);
    // The media URL is stored nowhere.
    expect(await findAnywhere(db, [`Media/ME${"1".repeat(32)}`])).toEqual([]);
  });

  it("answers a text to a short code or to a number that is no clinic's with empty TwiML", async () => {
    const phone = patient();
    for (const to of ["12345", "898211", "+15550000001"]) {
      const response = await post("inbound-sms", {
        MessageSid: messageSid(),
        From: phone,
        To: to,
        Body: "STOP",
        OptOutType: "STOP",
      });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(EMPTY_TWIML);
    }
    expect(await inboundRows(phone)).toEqual([]);
    expect(await optedOut(phone)).toEqual([]);
  });

  it("accepts a text from a short code to the clinic", async () => {
    const from = String(randomInt(10_000, 1_000_000));
    const sid = messageSid();
    const response = await post("inbound-sms", {
      MessageSid: sid,
      From: from,
      To: CLINIC_NUMBER,
      Body: "Your code is 1234",
    });
    expect(response.status).toBe(200);
    const { rows } = await db.query(
      "select body from public.sms_messages where provider_sid = $1",
      [sid],
    );
    expect(rows).toEqual([{ body: "Your code is 1234" }]);
  });

  it("accepts a text from a channel address without storing it", async () => {
    const phone = patient();
    const response = await post("inbound-sms", {
      MessageSid: messageSid(),
      From: `whatsapp:${phone}`,
      To: CLINIC_NUMBER,
      Body: "STOP",
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(EMPTY_TWIML);
    expect(await optedOut(phone)).toEqual([]);
  });

  it("accepts a text without a MessageSid, storing it without one", async () => {
    const phone = patient();
    expect(
      (await post("inbound-sms", { From: phone, To: CLINIC_NUMBER, Body: "stop" })).status,
    ).toBe(200);
    expect(await inboundRows(phone)).toEqual([
      {
        body: "stop",
        keyword: "STOP",
        provider_sid: null,
        status: "received",
        to_number: CLINIC_NUMBER,
      },
    ]);
    expect(await optedOut(phone)).toEqual(["keyword"]);
  });

  it("refuses a malformed one with 422 and an unsigned one with 401, changing nothing", async () => {
    const phone = patient();
    expect((await post("inbound-sms", { To: CLINIC_NUMBER, Body: "STOP" })).status).toBe(422);
    expect(
      (
        await post("inbound-sms", {
          MessageSid: "not-a-sid",
          From: phone,
          To: CLINIC_NUMBER,
          Body: "STOP",
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await post(
          "inbound-sms",
          { MessageSid: messageSid(), From: phone, To: CLINIC_NUMBER, Body: "STOP" },
          { token: "not-the-auth-token-0123456789" },
        )
      ).status,
    ).toBe(401);
    expect(await inboundRows(phone)).toEqual([]);
    expect(await optedOut(phone)).toEqual([]);
  });
});

describe("delivery statuses", () => {
  /** An outbound text as the worker records it once Twilio accepted it. */
  async function outbound(status: string, sid = messageSid()) {
    await db.query(
      `insert into public.sms_messages (clinic_id, direction, to_number, from_number, body, provider, provider_sid, status)
       values ($1, 'outbound', $2, $3, 'Hi from Harbour', 'twilio', $4, $5)`,
      [HARBOUR, patient(), CLINIC_NUMBER, sid, status],
    );
    return sid;
  }
  const report = (sid: string, status: string, extra: Record<string, string> = {}) =>
    post("sms-status", {
      AccountSid: ACCOUNT,
      MessageSid: sid,
      MessageStatus: status,
      SmsStatus: status,
      ...extra,
    });
  async function stored(sid: string) {
    const { rows } = await db.query<{ status: string; delivered: boolean }>(
      "select status, delivered_at is not null as delivered from public.sms_messages where provider_sid = $1",
      [sid],
    );
    return rows[0];
  }

  it("stores read as final: a late sent or delivered does not move it back", async () => {
    const sid = await outbound("queued");
    expect((await report(sid, "sent")).status).toBe(200);
    expect((await report(sid, "read")).status).toBe(200);
    expect(await stored(sid)).toEqual({ status: "read", delivered: true });
    expect(await (await report(sid, "delivered")).json()).toEqual({ ok: true, duplicate: false });
    expect((await report(sid, "undelivered", { ErrorCode: "30005" })).status).toBe(200);
    expect(await stored(sid)).toEqual({ status: "read", delivered: true });
  });

  it("moves delivered on to read, never back to sent", async () => {
    const sid = await outbound("sent");
    await report(sid, "delivered");
    await report(sid, "sent");
    expect(await stored(sid)).toEqual({ status: "delivered", delivered: true });
    await report(sid, "read");
    expect(await stored(sid)).toEqual({ status: "read", delivered: true });
  });

  it("stores canceled as final for a scheduled text", async () => {
    const sid = await outbound("scheduled");
    expect((await report(sid, "canceled")).status).toBe(200);
    expect(await stored(sid)).toEqual({ status: "canceled", delivered: false });
    await report(sid, "queued");
    await report(sid, "sent");
    expect(await stored(sid)).toEqual({ status: "canceled", delivered: false });
  });

  it("acknowledges a status it does not track and a repeated report", async () => {
    const sid = await outbound("sent");
    expect(await (await report(sid, "partially_delivered")).json()).toEqual({
      ok: true,
      ignored: "untracked status",
    });
    expect(await stored(sid)).toEqual({ status: "sent", delivered: false });
    expect(await (await report(sid, "delivered")).json()).toEqual({ ok: true, duplicate: false });
    expect(await (await report(sid, "delivered")).json()).toEqual({ ok: true, duplicate: true });
  });

  it("keeps a report that came before its text was recorded, and applies it then", async () => {
    // Twilio calls back as soon as it has the text; our record of the send may commit later.
    const sid = messageSid();
    expect(await (await report(sid, "sent")).json()).toEqual({ ok: true, duplicate: false });
    expect((await report(sid, "delivered")).status).toBe(200);
    expect(await stored(sid)).toBeUndefined();
    await outbound("queued", sid);
    expect(await stored(sid)).toEqual({ status: "delivered", delivered: true });

    // Never backwards: a text recorded as failed stays failed.
    const failed = messageSid();
    await report(failed, "sent");
    await outbound("failed", failed);
    expect(await stored(failed)).toEqual({ status: "failed", delivered: false });
    const left = await db.query<{ n: number }>(
      "select count(*)::int as n from private.sms_status_early where provider_sid = any($1::text[])",
      [[sid, failed]],
    );
    expect(left.rows[0]!.n).toBe(0);
  });

  it("refuses an out-of-range ErrorCode with 422", async () => {
    const sid = await outbound("sent");
    expect((await report(sid, "failed", { ErrorCode: "99999999999" })).status).toBe(422);
    expect(await stored(sid)).toEqual({ status: "sent", delivered: false });
  });
});

describe("webhook URLs with a query string", () => {
  const cases: [string, Record<string, string>][] = [
    ["sms-status", { MessageSid: messageSid(), MessageStatus: "delivered" }],
    ["inbound-sms", { MessageSid: messageSid(), From: patient(), To: "12345", Body: "hi" }],
    ["call-status", { CallSid: `CA${randomBytes(16).toString("hex")}`, CallStatus: "ringing" }],
  ];

  it.each(cases)(
    "%s: signed over the full URL is accepted, signed without the query is refused",
    async (route, params) => {
      const query = "?clinic=harbour&v=2";
      expect((await post(route, params, { query })).status).toBe(200);
      const withoutQuery = `${inject("appUrl")}/api/webhooks/twilio/${route}`;
      expect((await post(route, params, { query, signedUrl: withoutQuery })).status).toBe(401);
      // And the other way round: a signature over a query the request does not carry.
      expect((await post(route, params, { signedUrl: `${withoutQuery}${query}` })).status).toBe(
        401,
      );
    },
  );

  it("refuses an unsigned request with 401", async () => {
    const response = await fetch(
      `${inject("appUrl")}/api/webhooks/twilio/sms-status?clinic=harbour`,
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          MessageSid: messageSid(),
          MessageStatus: "delivered",
        }).toString(),
      },
    );
    expect(response.status).toBe(401);
  });
});

describe("signed but odd input", () => {
  it("is answered 200 or 422, never a 5xx", async () => {
    // Senders are this test's own (a fresh number, a short code) so what it stores is its own.
    const odd = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom("", " ", "\u0000", "+1", "whatsapp:+15551230000", "-1", "1e3", "99999999999"),
    );
    const form = fc.record(
      {
        MessageSid: fc.oneof(
          odd,
          fc.constant(messageSid()),
          fc.constant(`MM${randomBytes(16).toString("hex")}`),
        ),
        SmsSid: odd,
        MessageStatus: fc.oneof(
          odd,
          fc.constantFrom("read", "canceled", "partially_delivered", "received"),
        ),
        From: fc.oneof(odd, fc.constantFrom(patient(), String(randomInt(10_000, 1_000_000)))),
        To: fc.oneof(odd, fc.constantFrom(CLINIC_NUMBER, "12345")),
        Body: fc.oneof(odd, fc.constantFrom("STOP", "help", "Start")),
        ErrorCode: odd,
        OptOutType: fc.oneof(odd, fc.constantFrom("STOP", "START", "HELP", "stop")),
        NumMedia: odd,
        MediaUrl0: odd,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("inbound-sms", "sms-status"),
        form,
        async (route, params) => {
          const response = await post(route, params);
          const text = await response.text();
          expect(response.status, text.slice(0, 300)).toSatisfy(
            (status: number) => status === 200 || status === 422,
          );
        },
      ),
      { numRuns: 150, seed: 20261130 },
    );
  });
});
