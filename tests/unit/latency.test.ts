import { describe, expect, it } from "vitest";

import type { SpeechEvent } from "@/types/latency";
import {
  fromArtifactMessages,
  fromPerformanceMetrics,
  fromSpeechEvents,
  fromSpeechPair,
  toDate,
} from "@/lib/latency/extract";

const T = 1_763_800_000_000; // epoch ms

describe("latency from artifact.messages", () => {
  it("measures each user end to the next spoken assistant message, with float epoch ms", () => {
    const turns = fromArtifactMessages([
      { role: "system", message: "You are Voxanne", time: T },
      { role: "bot", message: "Thank you for calling.", time: T + 100.5 },
      { role: "user", message: "Hi, a facelift?", time: T + 2000, endTime: T + 3400.25 },
      { role: "bot", message: "Of course.", time: T + 4012.75 },
      { role: "user", message: "Next week?", time: T + 6000, endTime: T + 7000 },
      { role: "tool_calls", time: T + 7300 },
      { role: "tool_call_result", time: T + 7450 },
      { role: "bot", message: "Tuesday at ten works.", time: T + 7900 },
    ]);
    expect(turns.map((turn) => turn.latencyMs)).toEqual([612.5, 900]);
    expect(turns[0]!.userEndedAt).toEqual(new Date(T + 3400));
  });

  it("answers the later of two user turns when the caller speaks twice (an interruption)", () => {
    const turns = fromArtifactMessages([
      { role: "user", message: "Hello?", endTime: T },
      { role: "user", message: "Hello, anyone there?", endTime: T + 2000 },
      { role: "bot", message: "Yes, hi!", time: T + 2500 },
    ]);
    expect(turns.map((turn) => turn.latencyMs)).toEqual([500]);
  });

  it("accepts seconds and ISO strings, and ignores missing or impossible timings", () => {
    expect(
      fromArtifactMessages([
        { role: "user", endTime: T / 1000 },
        { role: "bot", message: "Hi", time: new Date(T + 700).toISOString() },
      ]).map((t) => t.latencyMs),
    ).toEqual([700]);
    expect(
      fromArtifactMessages([{ role: "user" }, { role: "bot", message: "Hi", time: T }]),
    ).toEqual([]);
    expect(
      fromArtifactMessages([
        { role: "user", endTime: T },
        { role: "bot", message: "Hi", time: T - 5 },
      ]),
    ).toEqual([]);
    expect(fromArtifactMessages(undefined)).toEqual([]);
  });
});

describe("latency from performanceMetrics", () => {
  it("reads turnLatencies with their breakdown, and tolerates their absence", () => {
    const turns = fromPerformanceMetrics({
      turnLatencies: [
        {
          turnLatency: 1310,
          modelLatency: 610.2,
          voiceLatency: 300,
          transcriberLatency: 150,
          endpointingLatency: 250,
        },
        { turnLatency: "n/a" },
        { turnLatency: 640 },
      ],
    });
    expect(turns.map((turn) => [turn.turn, turn.latencyMs])).toEqual([
      [0, 1310],
      [2, 640],
    ]);
    expect(turns[0]!.breakdown).toEqual({
      model: 610.2,
      voice: 300,
      transcriber: 150,
      endpointing: 250,
    });
    expect(fromPerformanceMetrics(undefined)).toEqual([]);
    expect(fromPerformanceMetrics({})).toEqual([]);
  });
});

describe("latency from speech-update pairs", () => {
  it("measures user stopped to assistant started", () => {
    expect(fromSpeechPair(new Date(T), new Date(T + 820), 3)).toMatchObject({
      turn: 3,
      latencyMs: 820,
    });
    expect(fromSpeechPair(new Date(T), new Date(T - 1), 3)).toBeNull();
  });
  // The caller stops at 0 and 5000, the assistant answers at 640 and 5910 and speaks again (no caller turn) at 3000.
  const call: SpeechEvent[] = [
    { role: "user", at: new Date(T), turn: 1 },
    { role: "assistant", at: new Date(T + 640), turn: 2 },
    { role: "assistant", at: new Date(T + 3000), turn: 3 },
    { role: "user", at: new Date(T + 5000), turn: 4 },
    { role: "assistant", at: new Date(T + 5910), turn: 5 },
  ];
  const measured = (events: SpeechEvent[]) =>
    fromSpeechEvents(events).map((turn) => [turn.turn, turn.latencyMs]);
  it.each([
    ["in order", [0, 1, 2, 3, 4]],
    ["a reply before the stop it answers", [1, 0, 2, 3, 4]],
    ["the first stop after everything", [1, 2, 3, 4, 0]],
    ["backwards", [4, 3, 2, 1, 0]],
  ])("pairs each stop with the first reply after it by time, delivered %s", (_label, order) => {
    expect(measured(order.map((index) => call[index]!))).toEqual([
      [2, 640],
      [5, 910],
    ]);
  });
  it("answers the caller's latest stop, and numbers turns without Vapi's turn by pair", () => {
    const untimed = call.map((event) => ({ ...event, turn: null }));
    expect(measured([{ role: "user", at: new Date(T - 400), turn: null }, ...untimed])).toEqual([
      [0, 640],
      [1, 910],
    ]);
  });
  it("parses Vapi's time formats", () => {
    expect(toDate("2026-11-22T10:00:00.000Z")?.toISOString()).toBe("2026-11-22T10:00:00.000Z");
    expect(toDate(T)?.getTime()).toBe(T);
    expect(toDate(T / 1000)?.getTime()).toBe(T);
    expect(toDate("soon")).toBeNull();
  });
});
