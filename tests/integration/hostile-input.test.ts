import { createHmac } from "node:crypto";
import fc from "fast-check";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { HARBOUR, ownerClient } from "../helpers/db";
import { CLINIC_NUMBER, newCall, postRaw } from "../helpers/vapi";

// Thousands of generated hostile requests against every webhook and the patient link route:
// never a 5xx, never a stack trace, never a stored row. Fixed seeds keep a failure reproducible.
const SEED = 20261122;
const FUZZ_PREFIX = "fuzz-";
// Tables only requests like these could write to. Earlier suites' work still runs in the
// background (follow-up deliveries, the Twilio double's signed status callbacks), so webhook
// receipts are counted for Vapi only; the unsigned Twilio and agent requests are each asserted 401.
const GUARDED = ["logs", "turn_latencies", "speech_events", "bookings", "handoffs"] as const;

let db: Client;
let before: Record<string, number>;

const counts = async () => {
  const result = await db.query<Record<string, number>>(
    `select (select count(*)::int from public.webhook_events where source = 'vapi') as vapi_webhook_events,
            ${GUARDED.map((t) => `(select count(*)::int from public.${t}) as ${t}`).join(", ")}`,
  );
  return result.rows[0]!;
};

function expectSafe(
  response: { status: number; text: string },
  allowed: (status: number) => boolean = (s) => s >= 400 && s < 500,
) {
  expect(response.status, response.text.slice(0, 300)).toSatisfy(allowed);
  expect(response.text).not.toMatch(/\n\s+at\s|node_modules|\.tsx?:\d+/);
}

beforeAll(async () => {
  db = await ownerClient();
  before = await counts();
});
afterAll(async () => {
  await db.end();
});

const callOf = (id: string) => ({
  id,
  customer: { number: "+15550009999" },
  phoneNumber: { number: CLINIC_NUMBER },
});
const templates: Record<string, (id: string) => Record<string, unknown>> = {
  "assistant-request": (id) => ({ call: callOf(id), phoneNumber: { number: CLINIC_NUMBER } }),
  "status-update": (id) => ({ status: "in-progress", call: callOf(id), timestamp: Date.now() }),
  "speech-update": (id) => ({
    role: "user",
    status: "stopped",
    turn: 1,
    call: callOf(id),
    timestamp: Date.now(),
  }),
  "tool-calls": (id) => ({
    call: callOf(id),
    toolCallList: [
      { id: "tc1", type: "function", function: { name: "check_availability", arguments: {} } },
    ],
  }),
  "end-of-call-report": (id) => ({
    call: callOf(id),
    endedReason: "customer-ended-call",
    artifact: { messages: [{ role: "user", message: "hi", time: 1 }] },
  }),
  hang: (id) => ({ call: callOf(id) }),
  "conversation-update": (id) => ({ call: callOf(id), messages: [] }),
  transcript: (id) => ({
    call: callOf(id),
    role: "user",
    transcriptType: "final",
    transcript: "hello",
  }),
};

const IGNORED = new Set(["conversation-update", "transcript"]);
const hex = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength, maxLength });

// Values that are never a valid call id.
const badCallId = fc.oneof(
  fc.integer(),
  fc.constant(""),
  fc.string({ minLength: 201, maxLength: 400 }).map((s) => s.padEnd(201, "x")),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
  fc.constant(null),
  fc.boolean(),
);

describe("hostile input to POST /api/webhooks/vapi", () => {
  it("answers signed garbage (not JSON, not an envelope) with a 4xx", async () => {
    const notJson = fc.string({ maxLength: 200 }).filter((s) => {
      try {
        JSON.parse(s);
        return false;
      } catch {
        return true;
      }
    });
    const notEnvelope = fc
      .oneof(
        fc
          .jsonValue()
          .filter(
            (v) => typeof v !== "object" || v === null || Array.isArray(v) || !("message" in v),
          ),
        fc
          .record({
            message: fc.oneof(
              fc.jsonValue(),
              fc.record({
                type: fc.oneof(
                  fc.integer(),
                  fc.constant(""),
                  fc.constant(null),
                  fc.string({ minLength: 101, maxLength: 150 }).map((s) => s.padEnd(101, "t")),
                ),
              }),
            ),
          })
          .filter(
            (v) =>
              typeof v.message !== "object" ||
              v.message === null ||
              Array.isArray(v.message) ||
              typeof (v.message as { type?: unknown }).type !== "string" ||
              (v.message as { type: string }).type.length === 0 ||
              (v.message as { type: string }).type.length > 100,
          ),
      )
      .map((v) => JSON.stringify(v));
    await fc.assert(
      fc.asyncProperty(fc.oneof(notJson, notEnvelope), async (body) => {
        expectSafe(await postRaw(body));
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it("answers every message type with a wrongly-typed call or fields with a 4xx, storing nothing", async () => {
    const message = fc.record({
      type: fc.constantFrom(...Object.keys(templates)),
      n: fc.nat(),
      badId: badCallId,
      extra: fc.dictionary(
        fc.constantFrom(
          "timestamp",
          "status",
          "role",
          "turn",
          "toolCallList",
          "artifact",
          "endedReason",
        ),
        fc.oneof(fc.jsonValue(), fc.constant(-1), fc.constant("not a time")),
        { maxKeys: 3 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(message, async ({ type, n, badId, extra }) => {
        const body: Record<string, unknown> = {
          ...templates[type]!(`${FUZZ_PREFIX}${n}`),
          ...extra,
          type,
        };
        (body.call as Record<string, unknown>).id = badId;
        const response = await postRaw(JSON.stringify({ message: body }));
        // Types we only acknowledge, and transcripts of no call (`call: null`), are answered 200 { ignored }
        // without touching the database; the rest are parsed and refused.
        if (IGNORED.has(type) && response.status === 200)
          expect(response.json).toEqual({ ok: true, ignored: expect.any(String) });
        else expectSafe(response);
      }),
      { numRuns: 800, seed: SEED },
    );
  });

  it("refuses unsigned, mis-signed and replayed requests with 401, whatever the body", async () => {
    const credential = fc.oneof(
      fc.constant({ kind: "none" as const }),
      fc
        .string({ minLength: 1, maxLength: 40 })
        .map((secret) => ({ kind: "hmac" as const, secret: `wrong-${secret}` })),
      fc
        .string({ minLength: 1, maxLength: 40 })
        .map((secret) => ({ kind: "bearer" as const, secret: `wrong-${secret}` })),
      fc.constant({ kind: "hmac" as const, timestamp: String(Date.now() - 3_600_000) }),
      fc
        .string({ maxLength: 20 })
        .map((timestamp) => ({ kind: "hmac" as const, timestamp: `x${timestamp}` })),
    );
    const body = fc.oneof(
      fc
        .constantFrom(...Object.keys(templates))
        .map((type) =>
          JSON.stringify({ message: { ...templates[type]!(`${FUZZ_PREFIX}signed`), type } }),
        ),
      fc.string({ maxLength: 100 }),
    );
    await fc.assert(
      fc.asyncProperty(credential, body, async (cred, raw) => {
        const response = await postRaw(raw, cred);
        expectSafe(response, (s) => s === 401);
      }),
      { numRuns: 400, seed: SEED },
    );
  });

  it("refuses oversized bodies with 413 before reading them all", async () => {
    const big = JSON.stringify({
      message: { type: "transcript", transcript: "a".repeat(1_100_000) },
    });
    expectSafe(await postRaw(big), (s) => s === 413);
    expectSafe(await postRaw(big, { kind: "none" }), (s) => s === 401 || s === 413);
  });
});

describe("hostile input to the Twilio webhooks, the internal agents and the patient link", () => {
  const form = fc.dictionary(
    fc.constantFrom(
      "MessageSid",
      "MessageStatus",
      "CallSid",
      "CallStatus",
      "From",
      "To",
      "Body",
      "ErrorCode",
      "AccountSid",
    ),
    fc.string({ maxLength: 60 }),
    { maxKeys: 6 },
  );
  const signature = fc.oneof(
    fc.constant(undefined),
    fc.base64String({ maxLength: 40 }),
    fc.string({ maxLength: 40 }),
  );

  it("refuses unsigned or mis-signed Twilio callbacks with 401", async () => {
    const route = fc.constantFrom("sms-status", "call-status", "inbound-sms");
    await fc.assert(
      fc.asyncProperty(route, form, signature, async (path, params, sig) => {
        const headers: Record<string, string> = {
          "content-type": "application/x-www-form-urlencoded",
        };
        if (sig !== undefined) headers["x-twilio-signature"] = sig;
        const response = await fetch(`${inject("appUrl")}/api/webhooks/twilio/${path}`, {
          method: "POST",
          headers,
          body: new URLSearchParams(params).toString(),
        });
        expectSafe({ status: response.status, text: await response.text() }, (s) => s === 401);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it("refuses unsigned or mis-signed calls to the follow-up agent and the cron", async () => {
    const target = fc.constantFrom("/api/agents/follow-up", "/api/cron/follow-ups");
    const auth = fc.oneof(
      fc.constant(undefined),
      fc.string({ maxLength: 50 }).map((s) => `Bearer ${s}`),
      hex(64, 64),
    );
    await fc.assert(
      fc.asyncProperty(target, auth, fc.jsonValue(), async (path, authorization, json) => {
        const body = JSON.stringify(json);
        const headers: Record<string, string> = {
          "content-type": "application/json",
          "x-timestamp": String(Date.now()),
        };
        if (authorization?.startsWith("Bearer")) headers.authorization = authorization;
        else if (authorization)
          headers["x-signature"] = createHmac("sha256", "not-the-secret")
            .update(body)
            .digest("hex");
        const method = path.startsWith("/api/cron") ? "GET" : "POST";
        const response = await fetch(`${inject("appUrl")}${path}`, {
          method,
          headers,
          body: method === "POST" ? body : undefined,
        });
        expectSafe({ status: response.status, text: await response.text() }, (s) => s === 401);
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it("answers made-up patient links with the friendly page, never an error", async () => {
    const token = fc.oneof(
      fc.string({ minLength: 1, maxLength: 300 }),
      fc.base64String({ minLength: 1, maxLength: 64 }),
      hex(1, 128),
    );
    await fc.assert(
      fc.asyncProperty(token, async (value) => {
        const response = await fetch(`${inject("appUrl")}/a/${encodeURIComponent(value)}`, {
          redirect: "manual",
        });
        const text = await response.text();
        // The link's own page says it was not found (never a clinic: the token named none).
        // (A value with a slash may reach the PDF download, which sends it back to a page: 303.)
        expectSafe(
          { status: response.status, text },
          (s) => s === 200 || s === 303 || s === 404 || s === 400,
        );
        if (response.status === 200) expect(text).toMatch(/find that link|isn&#x27;t available/);
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});

describe("after the storm", () => {
  it("stored nothing", async () => {
    expect(await counts()).toEqual(before);
    const fuzzCalls = await db.query(
      "select count(*)::int as n from public.calls where vapi_call_id like $1",
      [`${FUZZ_PREFIX}%`],
    );
    expect(fuzzCalls.rows[0].n).toBe(0);
  });
});

describe("catastrophic patterns in a clinic's redaction rules", () => {
  it("cannot hang the server: a report full of near-matches is redacted and stored", async () => {
    const evil = ["(a+)+$", "^(\\w+\\s?)*$", "(x|x|xx)*y"];
    const rules = await db.query<{ id: string }>(
      "insert into public.redaction_rules (clinic_id, kind, value, category) select $1, 'pattern', unnest($2::text[]), 'CUSTOM' returning id",
      [HARBOUR, evil],
    );
    try {
      const call = newCall();
      await call.status("in-progress");
      const nearMiss = `${"a".repeat(10_000)}! ${"word ".repeat(1_500)}! ${"x".repeat(5_000)}`;
      // With backtracking regexes this would run for longer than the universe; re2js is linear.
      const sent = await call.report("customer-ended-call", [{ role: "user", message: nearMiss }]);
      expect(sent.status).toBe(200);
      const stored = await db.query<{ n: number }>(
        "select count(*)::int as n from public.logs l join public.calls c on c.id = l.call_id where c.vapi_call_id = $1",
        [call.id],
      );
      expect(stored.rows[0]!.n).toBe(1);
    } finally {
      await db.query("delete from public.redaction_rules where id = any($1::uuid[])", [
        rules.rows.map((r) => r.id),
      ]);
    }
  });
});
