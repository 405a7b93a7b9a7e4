import { describe, expect, it } from "vitest";

import { describeDestination } from "@/lib/vapi/destination";
import { withoutNulls } from "@/lib/vapi/nulls";
import {
  reportMessages,
  reportStructuredData,
  reportTimes,
  reportTranscriptText,
} from "@/lib/vapi/report";
import {
  assistantRequestSchema,
  endOfCallReportSchema,
  envelopeSchema,
  statusUpdateSchema,
  toolCallsSchema,
} from "@/lib/vapi/schemas";
import { normalizeToolCalls } from "@/lib/vapi/tool-calls";

// Shapes from Vapi's docs and SDK types (node_modules/@vapi-ai/server-sdk/dist/cjs/api/types):
// ServerMessageAssistantRequest, ServerMessageToolCalls (+ToolWithToolCallListItem), ToolCall,
// ServerMessageEndOfCallReport, Artifact, TransferDestinationNumber/Assistant/Sip.

describe("null means absent", () => {
  it("drops null properties at every depth and keeps null array entries", () => {
    expect(withoutNulls({ a: null, b: { c: null, d: 1 }, e: [null, { f: null }] })).toEqual({
      b: { d: 1 },
      e: [null, {}],
    });
  });

  it("stops at a fixed depth instead of overflowing on hostile nesting", () => {
    let deep: unknown = { leaf: null };
    for (let i = 0; i < 10_000; i++) deep = { next: deep };
    expect(() => withoutNulls(deep)).not.toThrow();
  });

  it("accepts a real null-laden assistant-request (unset call fields are null)", () => {
    const message = {
      type: "assistant-request",
      timestamp: 1732800000000,
      phoneNumber: { id: "pn_1", number: "+15555550199", name: null, credentialId: null },
      customer: { number: "+15550001111", name: null },
      call: {
        id: "call_1",
        orgId: "org_1",
        assistantId: null,
        squadId: null,
        workflowId: null,
        phoneCallProviderId: null,
        customer: { number: "+15550001111", name: null },
        metadata: null,
        assistantOverrides: null,
        startedAt: null,
      },
      assistant: null,
    };
    const parsed = assistantRequestSchema.parse(message);
    expect(parsed.call?.assistantId).toBeUndefined();
    expect(parsed.call?.metadata).toBeUndefined();
    expect(envelopeSchema.parse({ message }).message.type).toBe("assistant-request");
  });

  it("treats null on every optional field of a status update and a report as absent", () => {
    expect(
      statusUpdateSchema.parse({
        type: "status-update",
        status: "ended",
        endedReason: null,
        timestamp: null,
        call: { id: "c" },
      }).endedReason,
    ).toBeUndefined();
    const report = endOfCallReportSchema.parse({
      type: "end-of-call-report",
      endedReason: "customer-ended-call",
      startedAt: null,
      endedAt: null,
      cost: null,
      messages: null,
      artifact: {
        messages: null,
        transcript: null,
        structuredOutputs: null,
        performanceMetrics: null,
      },
      analysis: { summary: null, structuredData: null },
      call: { id: "c", customer: null },
    });
    expect(report.artifact?.messages).toBeUndefined();
    expect(report.cost).toBeUndefined();
  });
});

describe("tool calls in every shape", () => {
  it("reads the SDK shape with object or JSON-string arguments", () => {
    expect(
      normalizeToolCalls({
        toolCallList: [
          {
            id: "t1",
            type: "function",
            function: { name: "hold_slot", arguments: { slotId: "s" } },
          },
          {
            id: "t2",
            type: "function",
            function: { name: "check_availability", arguments: '{"partOfDay":"morning"}' },
          },
        ],
      }),
    ).toEqual([
      { ok: true, id: "t1", name: "hold_slot", args: { slotId: "s" } },
      { ok: true, id: "t2", name: "check_availability", args: { partOfDay: "morning" } },
    ]);
  });

  it("reads the flat shape of Vapi's current docs, with arguments or parameters", () => {
    expect(
      normalizeToolCalls({
        toolCallList: [
          { id: "t1", name: "lookup_procedure", arguments: { procedure: "facelift" } },
          { id: "t2", name: "release_slot", parameters: { slotId: "s" } },
        ],
      }),
    ).toEqual([
      { ok: true, id: "t1", name: "lookup_procedure", args: { procedure: "facelift" } },
      { ok: true, id: "t2", name: "release_slot", args: { slotId: "s" } },
    ]);
  });

  it("reads toolWithToolCallList alone, and fills a name only it carries", () => {
    const wrapped = [
      {
        type: "function",
        function: { name: "hold_slot" },
        toolCall: { id: "t1", parameters: { slotId: "s" } },
      },
    ];
    expect(normalizeToolCalls({ toolWithToolCallList: wrapped })).toEqual([
      { ok: true, id: "t1", name: "hold_slot", args: { slotId: "s" } },
    ]);
    expect(
      normalizeToolCalls({
        toolCallList: [{ id: "t1", arguments: { slotId: "s" } }],
        toolWithToolCallList: wrapped,
      }),
    ).toEqual([{ ok: true, id: "t1", name: "hold_slot", args: { slotId: "s" } }]);
  });

  it("reads legacy toolCalls", () => {
    expect(
      normalizeToolCalls({ toolCalls: [{ id: "t1", function: { name: "check_availability" } }] }),
    ).toEqual([{ ok: true, id: "t1", name: "check_availability", args: {} }]);
  });

  it("turns a malformed entry into an error for that entry alone", () => {
    const calls = normalizeToolCalls({
      toolCallList: [
        { id: "good", name: "check_availability", arguments: {} },
        { id: "no-name", arguments: {} },
        { id: "bad-json", name: "hold_slot", arguments: "{slotId:" },
        { id: "array-args", name: "hold_slot", arguments: [1, 2] },
        "not an object",
        null,
      ],
    });
    expect(calls.map((call) => [call.id, call.ok])).toEqual([
      ["good", true],
      ["no-name", false],
      ["bad-json", false],
      ["array-args", false],
      ["malformed-4", false],
      ["malformed-5", false],
    ]);
    expect(
      toolCallsSchema.parse({
        type: "tool-calls",
        toolCallList: [null, { id: "x", name: "check_availability" }],
      }).toolCalls,
    ).toHaveLength(2);
  });

  it("still refuses a message with no tool calls at all", () => {
    expect(toolCallsSchema.safeParse({ type: "tool-calls", toolCallList: [] }).success).toBe(false);
  });
});

describe("end-of-call reports of every vintage", () => {
  const lines = [
    { role: "bot", message: "Hello", time: 1000 },
    { role: "user", message: "Hi", time: 2000, endTime: 2500 },
  ];

  it("uses artifact.messages when it has lines, else the top-level messages of 2024 reports", () => {
    expect(reportMessages({ artifact: { messages: lines } })).toBe(lines);
    expect(reportMessages({ artifact: { messages: [] }, messages: lines })).toBe(lines);
    expect(reportMessages({})).toEqual([]);
    expect(reportTranscriptText({ artifact: { transcript: "" }, transcript: "AI: Hello" })).toBe(
      "AI: Hello",
    );
  });

  it("merges structured outputs over the legacy structured data", () => {
    expect(
      reportStructuredData({
        analysis: { structuredData: { proceduresOfInterest: ["botox"], bookingIntent: false } },
        artifact: {
          structuredOutputs: {
            "so-1": { name: "callFacts", result: { proceduresOfInterest: ["facelift"] } },
            "so-2": { name: "booked", result: true },
          },
        },
      }),
    ).toEqual({
      proceduresOfInterest: ["facelift"],
      bookingIntent: false,
      callFacts: { proceduresOfInterest: ["facelift"] },
      booked: true,
    });
  });

  it("works out the start from the end and the duration, and never puts the start after the end", () => {
    const endedAt = new Date("2026-11-30T10:01:00Z");
    expect(reportTimes({ endedAt, durationSeconds: 58 })).toEqual({
      startedAt: new Date("2026-11-30T10:00:02Z"),
      endedAt,
      durationMs: 58_000,
    });
    expect(reportTimes({ startedAt: new Date("2026-11-30T10:02:00Z"), endedAt }).endedAt).toEqual(
      new Date("2026-11-30T10:02:00Z"),
    );
    expect(reportTimes({ startedAt: new Date("2026-11-30T10:00:00Z"), endedAt }).durationMs).toBe(
      60_000,
    );
    expect(reportTimes({ durationMs: 1234.4 }).durationMs).toBe(1234);
  });
});

describe("transfer destinations", () => {
  it("names who took the call in staff's words", () => {
    expect(
      describeDestination({ type: "number", number: "+15555550100", description: "Front desk" }),
    ).toBe("Front desk");
    expect(describeDestination({ type: "number", number: "+15555550100", extension: "12" })).toBe(
      "+15555550100 ext. 12",
    );
    expect(describeDestination({ type: "assistant", assistantName: "Billing" })).toBe("Billing");
    expect(describeDestination({ type: "sip", sipUri: "sip:desk@clinic.example" })).toBe(
      "sip:desk@clinic.example",
    );
    expect(describeDestination(null)).toBeNull();
    expect(describeDestination({ type: "number" })).toBeNull();
  });
});
