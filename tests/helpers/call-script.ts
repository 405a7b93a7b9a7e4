import type { SimulatedCall } from "@/lib/simulator/client";

import { newCall } from "./vapi";

/**
 * A realistic call as the list of webhooks Vapi sends for it, built up front so that a test can
 * deliver the very same bodies in any order, late or twice. `sync` marks the messages Vapi
 * waits on (assistant-request, tool calls): the call cannot go on until we answer, so they
 * arrive in order. Everything else is fire-and-forget and may arrive late.
 */
export interface Step {
  label: string;
  type: string;
  sync: boolean;
  payload: { message: Record<string, unknown> };
}

export interface CallScript {
  kind: ScriptKind;
  call: SimulatedCall;
  slotId: string;
  steps: Step[];
  /** When the call ended (epoch ms), as both the last status update and the report say. */
  endedAt: number;
}

export type ScriptKind = "books" | "enquires";

/** What the caller says that must never be stored as spoken (redaction and the ignored transcript types). */
export const SECRETS = ["4111 1111 1111 1111", "4 March 1971"];

const REPORT_LINES = {
  books: [
    {
      role: "bot",
      message: "Thank you for calling Harbour Aesthetics, this is Voxanne. How can I help?",
    },
    {
      role: "user",
      message:
        "Hi, I'd like to book a facelift consultation. My name is Jane Doe, born 4 March 1971.",
    },
    {
      role: "bot",
      message: "Lovely, Jane. I have Monday at nine with Dr Okafor. Shall I book it?",
    },
    { role: "user", message: "Yes please. Do I pay a deposit? My card is 4111 1111 1111 1111." },
    { role: "bot", message: "No card needed today. You're booked for Monday at nine." },
  ],
  enquires: [
    {
      role: "bot",
      message: "Thank you for calling Harbour Aesthetics, this is Voxanne. How can I help?",
    },
    {
      role: "user",
      message: "How long is recovery from a facelift? I was born 4 March 1971, is that too old?",
    },
    {
      role: "bot",
      message:
        "Most people are back to light activities in about two weeks. I can hold Monday at nine for you.",
    },
    {
      role: "user",
      message:
        "Actually let me think about it and call back. My card is 4111 1111 1111 1111 if you need it.",
    },
  ],
};

/** The canonical call: every message type we handle, timed one second apart (latency pairs closer). */
export function scriptCall(
  kind: ScriptKind,
  slotId: string,
  call: SimulatedCall = newCall(),
): CallScript {
  const steps: Step[] = [];
  let clock = Date.now() - 120_000;
  const started = clock;
  const add = (
    label: string,
    type: string,
    fields: Record<string, unknown> = {},
    options: { sync?: boolean; gapMs?: number } = {},
  ) => {
    clock += options.gapMs ?? 1000;
    steps.push({
      label,
      type,
      sync: options.sync ?? false,
      payload: call.envelope(type, { timestamp: clock, ...fields }),
    });
  };
  const status = (value: string, extra: Record<string, unknown> = {}) =>
    add(`status ${value}`, "status-update", { status: value, ...extra });
  const speech = (role: string, value: string, turn: number, gapMs?: number) =>
    add(`${role} ${value} ${turn}`, "speech-update", { role, status: value, turn }, { gapMs });
  const tool = (name: string, args: Record<string, unknown>) =>
    add(
      name,
      "tool-calls",
      {
        toolCallList: [{ id: `tc-${name}`, type: "function", function: { name, arguments: args } }],
      },
      { sync: true },
    );

  add("assistant-request", "assistant-request", {}, { sync: true });
  status("ringing");
  status("in-progress");
  speech("assistant", "started", 0);
  speech("user", "started", 1);
  add("transcript", "transcript", {
    role: "user",
    transcriptType: "final",
    transcript: `My card is ${SECRETS[0]}`,
  });
  speech("user", "stopped", 1);
  speech("assistant", "started", 2, 640);
  add("conversation-update", "conversation-update", {
    messages: [{ role: "user", message: `born ${SECRETS[1]}` }],
  });
  tool("lookup_procedure", { query: "How long is recovery from a facelift?" });
  tool("check_availability", { procedure: "facelift" });
  add("hang", "hang");
  speech("assistant", "started", 3);
  speech("user", "stopped", 4);
  tool("hold_slot", { slotId });
  speech("assistant", "started", 5, 820);
  if (kind === "books")
    tool("confirm_booking", { slotId, patientName: "Jane Doe", procedure: "facelift" });
  else tool("release_slot", { slotId });
  status("ended", { endedReason: "customer-ended-call" });
  const endedAt = clock;
  add("end-of-call-report", "end-of-call-report", report(kind, started, endedAt));
  return { kind, call, slotId, steps, endedAt };
}

function report(kind: ScriptKind, started: number, endedAt: number) {
  // Two seconds a line, replies 700 ms after the caller stops: fixed, so the measured turns are too.
  const messages = REPORT_LINES[kind].map((line, index) => {
    const time = started + index * 2700;
    return { ...line, time, endTime: time + 2000, secondsFromStart: (time - started) / 1000 };
  });
  return {
    endedReason: "customer-ended-call",
    startedAt: new Date(started).toISOString(),
    endedAt: new Date(endedAt).toISOString(),
    artifact: {
      messages,
      performanceMetrics: {
        turnLatencies: [{ turnLatency: 910, modelLatency: 420, voiceLatency: 230 }],
      },
    },
    analysis: {
      summary: `Caller asked about a facelift; gave card ${SECRETS[0]}.`,
      structuredData: { proceduresOfInterest: ["facelift"] },
    },
  };
}

/** Any order at all (Fisher-Yates). */
export function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let index = out.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [out[index], out[other]] = [out[other]!, out[index]!];
  }
  return out;
}

/**
 * The orders the network can really produce: messages Vapi waits on keep their order, every
 * other message is held back by a random delay (never sent before the moment it describes).
 */
export function delayRandomly(steps: Step[], random: () => number): Step[] {
  const keyed = steps.map((step, index) => ({
    step,
    key: step.sync ? index : index + random() * (steps.length - index),
  }));
  return keyed.sort((a, b) => a.key - b.key).map(({ step }) => step);
}
