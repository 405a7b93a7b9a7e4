import { randomBytes, randomUUID } from "node:crypto";
import type { Client } from "pg";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { SimulatedCall } from "@/lib/simulator/client";

import { ownerClient } from "../helpers/db";
import { CLINIC_NUMBER, postRaw, simulator } from "../helpers/vapi";
import { TWILIO_AUTH_TOKEN } from "./global-setup";

// What real Vapi traffic does that our own simulator never did: nulls for unset fields, tool
// calls in the documented flat shape, 2024 end-of-call reports, a call first seen at its report,
// a CallSid shared by two Vapi calls, transfers and barge-ins, and a Twilio status racing the
// report for a call that holds a slot. Shapes from Vapi's SDK types and docs (see
// tests/fixtures/SOURCES.md); each test owns its calls, and the race owns its clinic and slot.

let db: Client;
beforeAll(async () => {
  db = await ownerClient();
});
afterAll(async () => {
  await db.end();
});

const callId = () => `rw-${randomUUID()}`;
const sid = () => `CA${randomBytes(16).toString("hex")}`;
const post = (message: Record<string, unknown>) => postRaw(JSON.stringify({ message }));
const callRow = async (vapiCallId: string) =>
  (await db.query("select * from public.calls where vapi_call_id = $1", [vapiCallId])).rows[0] as
    Record<string, unknown> | undefined;

function base(id: string, extra: Record<string, unknown> = {}) {
  return {
    timestamp: Date.now(),
    phoneNumber: {
      id: "pn-1",
      number: CLINIC_NUMBER,
      name: null,
      credentialId: null,
      fallbackDestination: null,
    },
    customer: { number: "+15550002222", name: null, extension: null },
    call: {
      id,
      orgId: "org-1",
      type: "inboundPhoneCall",
      assistantId: null,
      squadId: null,
      workflowId: null,
      phoneNumberId: "pn-1",
      phoneCallProvider: "twilio",
      phoneCallProviderId: null,
      customer: { number: "+15550002222", name: null },
      metadata: null,
      assistantOverrides: null,
      startedAt: null,
      endedAt: null,
      ...((extra.call as object) ?? {}),
    },
    assistant: null,
    artifact: null,
    ...Object.fromEntries(Object.entries(extra).filter(([key]) => key !== "call")),
  };
}

function signTwilio(path: string, params: Record<string, string>) {
  const url = `${inject("appUrl")}${path}`;
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilio.getExpectedTwilioSignature(TWILIO_AUTH_TOKEN, url, params),
    },
    body: new URLSearchParams(params).toString(),
  });
}

describe("nulls for unset fields", () => {
  it("answers a null-laden assistant-request with the assistant", async () => {
    const id = callId();
    const response = await post({ type: "assistant-request", ...base(id) });
    expect(response.status).toBe(200);
    expect(response.json?.error).toBeUndefined();
    expect(response.json?.assistant ?? response.json?.assistantId).toBeTruthy();
    expect(await callRow(id)).toMatchObject({ state: "incoming", assistant_id: null });
  });

  it("takes every message of a call whose fields are null", async () => {
    const id = callId();
    for (const status of ["ringing", "in-progress"]) {
      expect(
        (await post({ type: "status-update", status, endedReason: null, ...base(id) })).status,
      ).toBe(200);
    }
    expect(
      (await post({ type: "speech-update", role: "user", status: "started", turn: 0, ...base(id) }))
        .status,
    ).toBe(200);
    expect((await post({ type: "hang", ...base(id) })).status).toBe(200);
    expect(
      (
        await post({
          type: "conversation-update",
          messages: [],
          messagesOpenAIFormatted: [],
          ...base(id),
        })
      ).status,
    ).toBe(200);
    expect(await callRow(id)).toMatchObject({ state: "on_hold" });
  });
});

describe("tool calls as Vapi documents them", () => {
  it("answers every shape in one message, and a malformed entry with an error for it alone", async () => {
    const id = callId();
    await post({ type: "status-update", status: "in-progress", ...base(id) });
    const response = await post({
      type: "tool-calls",
      ...base(id),
      toolCallList: [
        { id: "flat", name: "lookup_procedure", arguments: { query: "facelift" } },
        { id: "flat-params", name: "check_availability", parameters: {} },
        {
          id: "sdk",
          type: "function",
          function: { name: "check_availability", arguments: '{"partOfDay":"morning"}' },
        },
        { id: "broken", type: "function", function: { name: "hold_slot", arguments: "{slotId:" } },
        { id: "nameless", arguments: {} },
      ],
      toolWithToolCallList: [
        {
          type: "function",
          function: { name: "lookup_procedure" },
          toolCall: { id: "flat", parameters: { query: "facelift" } },
        },
      ],
    });
    expect(response.status).toBe(200);
    const results = (
      response.json as {
        results: { toolCallId: string; name?: string; result?: string; error?: string }[];
      }
    ).results;
    expect(results.map((result) => result.toolCallId)).toEqual([
      "flat",
      "flat-params",
      "sdk",
      "broken",
      "nameless",
    ]);
    expect(
      results.slice(0, 3).every((result) => typeof result.result === "string" && !result.error),
    ).toBe(true);
    expect(JSON.parse(results[0]!.result!)).toMatchObject({ found: true });
    expect(results[3]!.error).toMatch(/hold_slot/);
    expect(results[4]!.error).toMatch(/name/);
  });

  it("answers toolWithToolCallList alone", async () => {
    const id = callId();
    await post({ type: "status-update", status: "in-progress", ...base(id) });
    const response = await post({
      type: "tool-calls",
      ...base(id),
      toolWithToolCallList: [
        {
          type: "function",
          function: { name: "check_availability", parameters: {} },
          toolCall: { id: "only", parameters: {} },
        },
      ],
    });
    expect(response.status).toBe(200);
    expect(
      (response.json as { results: { toolCallId: string; result?: string }[] }).results,
    ).toEqual([expect.objectContaining({ toolCallId: "only", result: expect.any(String) })]);
  });
});

describe("end-of-call reports", () => {
  it("stores the redacted transcript and the turn latencies of a 2024-shaped report", async () => {
    const id = callId();
    await post({ type: "status-update", status: "in-progress", ...base(id) });
    const t0 = Date.now() - 60_000;
    const report = await post({
      type: "end-of-call-report",
      ...base(id),
      endedReason: "customer-ended-call",
      artifact: { messages: [], transcript: null, recordingUrl: null },
      messages: [
        { role: "system", message: "You are Voxanne", time: t0, secondsFromStart: 0 },
        {
          role: "bot",
          message: "Thank you for calling Harbour Aesthetics.",
          time: t0 + 500,
          endTime: t0 + 2500,
          secondsFromStart: 0.5,
        },
        {
          role: "user",
          message: "Hi, my number is 555 867 5309 and I want a facelift",
          time: t0 + 3000,
          endTime: t0 + 6000,
          secondsFromStart: 3,
        },
        {
          role: "bot",
          message: "Of course, let me check.",
          time: t0 + 6650,
          endTime: t0 + 8000,
          secondsFromStart: 6.65,
        },
      ],
      transcript:
        "AI: Thank you for calling Harbour Aesthetics.\nUser: Hi, my number is 555 867 5309 and I want a facelift\nAI: Of course, let me check.",
      summary: "Caller asked about a facelift.",
    });
    expect(report.status).toBe(200);
    const call = await callRow(id);
    const logs = (
      await db.query("select speaker, text from public.logs where call_id = $1 order by seq", [
        call!.id,
      ])
    ).rows;
    expect(logs).toHaveLength(3);
    expect(logs[1].text).not.toContain("867");
    expect(logs[1].text).toContain("facelift");
    const latencies = (
      await db.query(
        "select latency_ms from public.turn_latencies where call_id = $1 and source = 'artifact_messages'",
        [call!.id],
      )
    ).rows;
    expect(latencies.map((row) => Number(row.latency_ms))).toEqual([650]);
  });

  it("falls back to the transcript text when a report has no timed lines", async () => {
    const id = callId();
    await post({ type: "status-update", status: "in-progress", ...base(id) });
    await post({
      type: "end-of-call-report",
      ...base(id),
      endedReason: "customer-ended-call",
      artifact: { messages: [], transcript: "AI: Hello there.\nUser: Bye." },
    });
    const call = await callRow(id);
    expect(
      (await db.query("select count(*)::int as n from public.logs where call_id = $1", [call!.id]))
        .rows[0].n,
    ).toBe(2);
  });

  it("files a call first seen at its report from the report's own times and content", async () => {
    const id = callId();
    const startedAt = new Date(Date.now() - 120_000);
    const endedAt = new Date(startedAt.getTime() + 58_000);
    const t = startedAt.getTime();
    const response = await post({
      type: "end-of-call-report",
      ...base(id),
      endedReason: "customer-ended-call",
      startedAt: startedAt.toISOString(),
      endedAt: endedAt.toISOString(),
      durationSeconds: 58,
      durationMs: 58_000,
      cost: 0.1234,
      costs: [{ type: "transcriber", cost: 0.01 }],
      artifact: {
        messages: [
          {
            role: "bot",
            message: "Harbour Aesthetics, how can I help?",
            time: t + 1000,
            endTime: t + 3000,
            secondsFromStart: 1,
          },
          {
            role: "user",
            message: "What does a facelift cost?",
            time: t + 4000,
            endTime: t + 6000,
            secondsFromStart: 4,
          },
          {
            role: "bot",
            message: "A consultation is the first step.",
            time: t + 6700,
            endTime: t + 9000,
            secondsFromStart: 6.7,
          },
        ],
        structuredOutputs: {
          "so-1": { name: "callFacts", result: { proceduresOfInterest: ["facelift"] } },
        },
        performanceMetrics: { turnLatencies: [{ turnLatency: 700, modelLatency: 300 }] },
      },
      analysis: { summary: null, structuredData: null, successEvaluation: null },
    });
    expect(response.status).toBe(200);
    const call = await callRow(id);
    expect(call).toMatchObject({ state: "ended", outcome: "information", duration_ms: 58_000 });
    // numeric arrives as text or as a number depending on whether lib/db/pool (which parses it)
    // is loaded in this process: files share modules (vitest.config.ts).
    expect(Number(call!.cost_usd)).toBe(0.1234);
    expect((call!.started_at as Date).getTime()).toBe(startedAt.getTime());
    expect((call!.ended_at as Date).getTime()).toBe(endedAt.getTime());
    expect((call!.answered_at as Date).getTime()).toBe(startedAt.getTime());
    const handoff = (
      await db.query(
        "select cardinality(procedure_ids) as n from public.handoffs where call_id = $1",
        [call!.id],
      )
    ).rows[0];
    expect(handoff.n).toBe(1);
  });

  it("never files a call as starting after it ended when the report has only an end", async () => {
    const id = callId();
    const endedAt = new Date(Date.now() - 30_000);
    await post({
      type: "end-of-call-report",
      ...base(id),
      endedReason: "silence-timed-out",
      endedAt: endedAt.toISOString(),
    });
    const call = await callRow(id);
    expect((call!.started_at as Date).getTime()).toBeLessThanOrEqual(
      (call!.ended_at as Date).getTime(),
    );
  });
});

describe("transfers, barge-ins and shared CallSids", () => {
  it("records who took a transferred call and counts barge-ins once each", async () => {
    const id = callId();
    await post({ type: "status-update", status: "in-progress", ...base(id) });
    await post({ type: "speech-update", role: "user", status: "started", turn: 0, ...base(id) });
    const interrupted = {
      type: "user-interrupted",
      ...base(id),
      turnId: "turn-1",
      timestamp: Date.now(),
    };
    expect((await post(interrupted)).status).toBe(200);
    expect((await post(interrupted)).status).toBe(200);
    expect(
      (await post({ ...interrupted, turnId: "turn-2", timestamp: Date.now() + 1 })).status,
    ).toBe(200);
    const transfer = await post({
      type: "transfer-update",
      ...base(id),
      destination: {
        type: "number",
        number: "+15555550100",
        message: "Connecting you now",
        description: "Front desk",
        extension: null,
        transferPlan: null,
      },
      toAssistant: null,
      fromAssistant: null,
    });
    expect(transfer.status).toBe(200);
    expect(await callRow(id)).toMatchObject({
      state: "transferring",
      transferred_to: "Front desk",
      interruptions: 2,
    });
  });

  it("accepts two Vapi calls on one CallSid, and Twilio's status ends both", async () => {
    const shared = sid();
    const [first, second] = [callId(), callId()];
    for (const id of [first, second]) {
      const response = await post({
        type: "status-update",
        status: "in-progress",
        ...base(id, { call: { phoneCallProviderId: shared } }),
      });
      expect(response.status).toBe(200);
    }
    const response = await signTwilio("/api/webhooks/twilio/call-status", {
      CallSid: shared,
      CallStatus: "completed",
      AccountSid: `AC${"0".repeat(32)}`,
    });
    expect(response.status).toBe(200);
    for (const id of [first, second])
      expect(await callRow(id)).toMatchObject({ state: "ended", twilio_call_sid: shared });
  });
});

describe("one lock order", () => {
  const CLINIC = "c1a1c000-0000-4000-8000-0000000000dd";
  const NUMBER = "+15555550421";
  let practitionerId: string;
  let offerFor: (vapiCallId: string) => Promise<string>;

  beforeAll(async () => {
    await db.query(
      `insert into public.clinics (id, slug, name, timezone, phone_number) values ($1, 'lock-order-clinic', 'Lock Order Clinic', 'UTC', $2)
       on conflict do nothing`,
      [CLINIC, NUMBER],
    );
    const practitioner = await db.query(
      `insert into public.practitioners (clinic_id, name) values ($1, 'Dr Lock ' || gen_random_uuid()) returning id`,
      [CLINIC],
    );
    const type = await db.query(
      `with proc as (insert into public.procedures (clinic_id, name) values ($1, 'Lock test ' || gen_random_uuid()) returning id)
       insert into public.appointment_types (clinic_id, procedure_id, kind, name, duration_minutes)
       select $1, id, 'consultation', 'Lock test consultation', 30 from proc returning id, procedure_id`,
      [CLINIC],
    );
    offerFor = async (vapiCallId: string) => {
      // The call's row and its offer exist before its first message (the hold): the webhook's
      // upsert then records the call's CallSid on it, as on a fresh call.
      const offer = await db.query(
        `with call as (insert into public.calls (clinic_id, vapi_call_id) values ($1, $2) returning id)
         insert into public.slot_offers (clinic_id, call_id, appointment_type_id, procedure_id, practitioner_id, starts_at, ends_at, occupied)
         select $1, call.id, $3, $4, $5, date_trunc('hour', now()) + interval '5 days', date_trunc('hour', now()) + interval '5 days 30 minutes',
                tstzrange(date_trunc('hour', now()) + interval '5 days', date_trunc('hour', now()) + interval '5 days 30 minutes')
           from call returning id`,
        [CLINIC, vapiCallId, type.rows[0].id, type.rows[0].procedure_id, practitionerId],
      );
      return offer.rows[0].id as string;
    };
    practitionerId = practitioner.rows[0].id;
  });

  it("ends a call that holds a slot from Twilio and Vapi at once, 250 times, without an error", async () => {
    const options = { ...simulator(), clinicNumber: NUMBER };
    const statuses: number[] = [];
    for (let round = 0; round < 250; round++) {
      // The hold's tool call is the call's first message: it records the call and its CallSid.
      const call = new SimulatedCall(options);
      const held = await call.tool("hold_slot", { slotId: await offerFor(call.id) });
      expect(held.result?.held).toBe(true);
      const [twilioStatus, report] = await Promise.all([
        signTwilio("/api/webhooks/twilio/call-status", {
          CallSid: call.twilioSid,
          CallStatus: "completed",
        }).then((response) => response.status),
        call
          .report("customer-ended-call", [{ role: "bot", message: "Goodbye." }])
          .then((sent) => sent.status),
      ]);
      statuses.push(twilioStatus, report);
    }
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    const held = await db.query(
      "select count(*)::int as n from public.reservations where clinic_id = $1 and kind = 'hold'",
      [CLINIC],
    );
    expect(held.rows[0].n).toBe(0);
    const live = await db.query(
      "select count(*)::int as n from public.calls where clinic_id = $1 and state not in ('completed', 'ended', 'failed', 'abandoned')",
      [CLINIC],
    );
    expect(live.rows[0].n).toBe(0);
  }, 240_000);
});
