import { randomUUID } from "node:crypto";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ownerClient } from "../helpers/db";
import { postRaw, statusMessage, type Credential } from "../helpers/vapi";

let db: Client;
beforeAll(async () => {
  db = await ownerClient();
});
afterAll(async () => {
  await db.end();
});

async function storedRows(vapiCallId: string) {
  const { rows } = await db.query<{ calls: number; events: number }>(
    `select (select count(*)::int from public.calls where vapi_call_id = $1) as calls,
            (select count(*)::int from public.webhook_events where external_call_id = $1) as events`,
    [vapiCallId],
  );
  return rows[0]!;
}

describe("POST /api/webhooks/vapi authentication", () => {
  const accepted: [string, Credential | ((body: string) => Credential)][] = [
    ["HMAC with a millisecond timestamp", { kind: "hmac" }],
    [
      "HMAC with a second timestamp",
      { kind: "hmac", timestamp: String(Math.floor(Date.now() / 1000)) },
    ],
    ["a bearer token", { kind: "bearer" }],
    ["the legacy x-vapi-secret header", { kind: "legacy" }],
  ];
  it.each(accepted)("accepts %s", async (_label, credential) => {
    const callId = `auth-ok-${randomUUID()}`;
    const body = JSON.stringify(statusMessage(callId, "ringing"));
    const response = await postRaw(
      body,
      typeof credential === "function" ? credential(body) : credential,
    );
    expect(response.status).toBe(200);
    expect(await storedRows(callId)).toEqual({ calls: 1, events: 1 });
  });

  const rejected: [string, Credential][] = [
    ["no credential", { kind: "none" }],
    ["a signature made with another secret", { kind: "hmac", secret: "not-the-secret-at-all-000" }],
    ["a signature over a different body", { kind: "hmac", signedBody: "{}" }],
    [
      "a replayed timestamp six minutes old",
      { kind: "hmac", timestamp: String(Date.now() - 6 * 60_000) },
    ],
    ["a timestamp from the future", { kind: "hmac", timestamp: String(Date.now() + 6 * 60_000) }],
    ["a malformed timestamp", { kind: "hmac", timestamp: "yesterday" }],
    ["a wrong bearer token", { kind: "bearer", secret: "wrong-secret-wrong-secret" }],
    ["a wrong legacy secret", { kind: "legacy", secret: "wrong-secret-wrong-secret" }],
  ];
  it.each(rejected)("rejects %s with 401 and stores nothing", async (_label, credential) => {
    const callId = `auth-bad-${randomUUID()}`;
    const response = await postRaw(JSON.stringify(statusMessage(callId, "ringing")), credential);
    expect(response.status).toBe(401);
    expect(response.json).toEqual({ error: "Unauthorized", code: "unauthorized" });
    expect(await storedRows(callId)).toEqual({ calls: 0, events: 0 });
  });

  it("rejects a bad signature even when a valid bearer token is also sent", async () => {
    const callId = `auth-mixed-${randomUUID()}`;
    const body = JSON.stringify(statusMessage(callId, "ringing"));
    const response = await postRaw(
      body,
      { kind: "hmac", secret: "not-the-secret-at-all-000" },
      { authorization: "Bearer integration-webhook-secret-0123456789" },
    );
    expect(response.status).toBe(401);
  });
});

describe("bad input gets a clear error and changes nothing", () => {
  const cases: [string, (callId: string) => string, number, RegExp][] = [
    ["a body that is not JSON", () => "{not json", 400, /not valid JSON/],
    ["JSON without a message", () => JSON.stringify({ hello: "world" }), 422, /message/],
    [
      "a message without a type",
      (id) => JSON.stringify({ message: { call: { id } } }),
      422,
      /type/,
    ],
    [
      "a status update without a status",
      (id) =>
        JSON.stringify({
          message: { type: "status-update", call: { id }, phoneNumber: { number: "+15555550199" } },
        }),
      422,
      /status/,
    ],
    [
      "a status that is a number",
      (id) =>
        JSON.stringify({
          message: {
            type: "status-update",
            status: 7,
            call: { id },
            phoneNumber: { number: "+15555550199" },
          },
        }),
      422,
      /status/,
    ],
    [
      "a status update without a call id",
      () =>
        JSON.stringify({
          message: {
            type: "status-update",
            status: "ringing",
            phoneNumber: { number: "+15555550199" },
          },
        }),
      422,
      /call\.id/,
    ],
    [
      "tool calls with no calls in them",
      (id) =>
        JSON.stringify({
          message: {
            type: "tool-calls",
            toolCallList: [],
            call: { id },
            phoneNumber: { number: "+15555550199" },
          },
        }),
      422,
      /tool calls/,
    ],
    [
      "a timestamp that is not a time",
      (id) =>
        JSON.stringify({
          message: {
            type: "status-update",
            status: "ringing",
            timestamp: "soon",
            call: { id },
            phoneNumber: { number: "+15555550199" },
          },
        }),
      422,
      /timestamp/,
    ],
    ["an array instead of an object", () => "[]", 422, /expected object/],
  ];
  it.each(cases)(
    "answers %s with a 4xx and a message, storing nothing",
    async (_label, makeBody, status, message) => {
      const callId = `bad-${randomUUID()}`;
      const response = await postRaw(makeBody(callId));
      expect(response.status).toBe(status);
      expect(String(response.json?.error)).toMatch(message);
      expect(response.text).not.toMatch(/at \w+ \(|node_modules|stack/i);
      expect(await storedRows(callId)).toEqual({ calls: 0, events: 0 });
    },
  );

  it("refuses bodies over 1 MiB with 413", async () => {
    const callId = `big-${randomUUID()}`;
    const body = JSON.stringify(
      statusMessage(callId, "ringing", { padding: "x".repeat(1024 * 1024) }),
    );
    const response = await postRaw(body);
    expect(response.status).toBe(413);
    expect(await storedRows(callId)).toEqual({ calls: 0, events: 0 });
  });

  it("acknowledges message types it does not use, and stores nothing", async () => {
    const callId = `unknown-${randomUUID()}`;
    const response = await postRaw(
      JSON.stringify({ message: { type: "model-output", output: "hi", call: { id: callId } } }),
    );
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ ignored: "model-output" });
    expect(await storedRows(callId)).toEqual({ calls: 0, events: 0 });
  });

  it("accepts unknown statuses without moving the call", async () => {
    const callId = `odd-${randomUUID()}`;
    expect((await postRaw(JSON.stringify(statusMessage(callId, "teleporting")))).status).toBe(200);
    const { rows } = await db.query("select state from public.calls where vapi_call_id = $1", [
      callId,
    ]);
    expect(rows[0]?.state).toBe("idle");
  });
});

describe("clinic resolution", () => {
  it("rejects a message for a number that is not a clinic with 404 and stores nothing", async () => {
    const callId = `nowhere-${randomUUID()}`;
    const response = await postRaw(
      JSON.stringify(statusMessage(callId, "ringing", { phoneNumber: { number: "+15550000000" } })),
    );
    expect(response.status).toBe(404);
    expect(String(response.json?.error)).toMatch(/Unknown clinic/);
    expect(await storedRows(callId)).toEqual({ calls: 0, events: 0 });
  });

  it("finds the clinic from the assistant's metadata when no number is given", async () => {
    const callId = `meta-${randomUUID()}`;
    const body = {
      message: {
        type: "status-update",
        status: "ringing",
        call: { id: callId },
        assistant: { metadata: { clinicId: "c1a1c000-0000-4000-8000-000000000002" } },
      },
    };
    expect((await postRaw(JSON.stringify(body))).status).toBe(200);
    const { rows } = await db.query("select clinic_id from public.calls where vapi_call_id = $1", [
      callId,
    ]);
    expect(rows[0]?.clinic_id).toBe("c1a1c000-0000-4000-8000-000000000002");
  });

  it("gives tool calls for an unknown clinic an error the assistant can say", async () => {
    const body = {
      message: {
        type: "tool-calls",
        call: { id: `nowhere-${randomUUID()}` },
        phoneNumber: { number: "+15550000000" },
        toolCallList: [
          { id: "tc1", type: "function", function: { name: "check_availability", arguments: {} } },
        ],
      },
    };
    const response = await postRaw(JSON.stringify(body));
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      results: [
        {
          toolCallId: "tc1",
          name: "check_availability",
          error: expect.stringMatching(/call back/),
        },
      ],
    });
  });

  it("answers assistant-request with the clinic's assistant, tools and server", async () => {
    const response = await postRaw(
      JSON.stringify({
        message: {
          type: "assistant-request",
          call: { id: `ar-${randomUUID()}` },
          phoneNumber: { number: "+15555550199" },
        },
      }),
    );
    expect(response.status).toBe(200);
    type Tool = { type: string; function?: { name: string; parameters: unknown } };
    const assistant = response.json?.assistant as {
      firstMessage: string;
      metadata: unknown;
      model: { tools: Tool[] };
      server: { url: string };
    };
    expect(assistant.firstMessage).toMatch(/Harbour Aesthetics/);
    expect(assistant.metadata).toEqual({
      clinicId: "c1a1c000-0000-4000-8000-000000000001",
      latencyProfile: "standard",
    });
    const functions = assistant.model.tools.filter((tool) => tool.type === "function");
    expect(functions.map((tool) => tool.function?.name)).toEqual([
      "check_availability",
      "hold_slot",
      "confirm_booking",
      "release_slot",
      "lookup_procedure",
      "identify_caller",
      "find_appointments",
      "reschedule_appointment",
      "cancel_appointment",
      "join_waitlist",
      "take_message",
    ]);
    expect(
      functions.find((tool) => tool.function?.name === "hold_slot")?.function?.parameters,
    ).toMatchObject({ type: "object", required: ["slotId"] });
    expect(assistant.model.tools.some((tool) => tool.type === "transferCall")).toBe(true);
    expect(assistant.server.url).toMatch(/\/api\/webhooks\/vapi$/);
  });

  it("tells Vapi politely when a number has no clinic", async () => {
    const response = await postRaw(
      JSON.stringify({
        message: {
          type: "assistant-request",
          call: { id: `ar-${randomUUID()}` },
          phoneNumber: { number: "+15550000000" },
        },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ error: expect.stringMatching(/not set up/) });
  });
});
