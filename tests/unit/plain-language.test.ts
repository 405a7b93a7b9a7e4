import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Vapi } from "@vapi-ai/server-sdk";
import { describe, expect, it } from "vitest";

import { CALL_OUTCOMES } from "@/types/call-outcomes";
import { CALL_STATES } from "@/types/call-states";
import { CALL_EVENT_TYPES } from "@/lib/call-flow/machine";
import {
  describeEnding,
  EVENT_WORDS,
  LOST_ENDED_REASON,
  OUTCOME_WORDS,
  STATE_WORDS,
  TOOL_WORDS,
} from "@/lib/calls/plain-language";
import { TOOL_DEFINITIONS } from "@/lib/vapi/tool-definitions";

// The SDK's own lists (runtime objects of @vapi-ai/server-sdk's Fern-generated types): every
// reason Vapi can send in a status update, an end-of-call report or a call object. A code a
// newer SDK adds that no rule in lib/calls/plain-language.ts knows fails here.
const SDK_REASONS = [
  ...new Set([
    ...Object.values(Vapi.CallEndedReason),
    ...Object.values(Vapi.ServerMessageStatusUpdateEndedReason),
    ...Object.values(Vapi.ServerMessageEndOfCallReportEndedReason),
  ]),
] as string[];

/** Words a receptionist reads: a sentence, no code, no vendor jargon. */
function expectPlain(words: string) {
  expect(words).toMatch(/^[A-Z]/);
  expect(words).not.toMatch(/[_{}]|\b\w+[.-]\w+[.-]\w+|\bms\b|vapi|pipeline|sip|llm|error/i);
}

describe("Vapi's ended reasons in words", () => {
  it("reads the SDK's full list (hundreds of codes)", () => {
    expect(SDK_REASONS.length).toBeGreaterThan(500);
  });

  it.each(SDK_REASONS)("maps %s to words a receptionist uses", (code) => {
    const ending = describeEnding(code)!;
    expect(ending.known).toBe(true);
    expectPlain(ending.words);
    if (/[.-]/.test(code)) expect(ending.words).not.toContain(code);
  });

  it("says who ended the common calls", () => {
    expect(describeEnding("customer-ended-call")?.words).toBe("Caller hung up");
    expect(describeEnding("pipeline-error-openai-llm-failed")?.words).toBe(
      "Voxanne had a technical problem",
    );
    expect(describeEnding("assistant-forwarded-call")?.kind).toBe("transferred");
    expect(describeEnding("call.start.error-subscription-frozen")?.kind).toBe("account");
    expect(describeEnding("voicemail")?.kind).toBe("voicemail");
    expect(describeEnding(LOST_ENDED_REASON)?.kind).toBe("lost");
  });

  it("covers Twilio's ending statuses (twilio-<CallStatus>)", () => {
    for (const status of ["completed", "busy", "no-answer", "failed", "canceled"])
      expect(describeEnding(`twilio-${status}`)?.known).toBe(true);
  });

  it("marks an unknown code unknown and still says something plain", () => {
    const ending = describeEnding("some-new-code-2030")!;
    expect(ending.known).toBe(false);
    expectPlain(ending.words);
    expect(describeEnding(null)).toBeNull();
  });
});

describe("states, outcomes, events and tools in words", () => {
  it("names every call state", () => {
    for (const state of CALL_STATES) expectPlain(STATE_WORDS[state]);
  });

  it("names every outcome", () => {
    for (const outcome of CALL_OUTCOMES) expectPlain(OUTCOME_WORDS[outcome].label);
  });

  it("tells every state machine event as a line of the story", () => {
    for (const event of CALL_EVENT_TYPES) expectPlain(EVENT_WORDS[event]!);
  });

  it("tells every event the server writes beside the transitions", () => {
    // Every `event: "x.y"` a module under lib/ writes into call_events.
    const written = new Set<string>();
    for (const file of readdirSync("lib", { recursive: true, encoding: "utf8" }))
      if (file.endsWith(".ts"))
        for (const match of readFileSync(join("lib", file), "utf8").matchAll(
          /\bevent: "([a-z_]+\.[a-z_]+)"/g,
        ))
          written.add(match[1]!);
    expect(written.size).toBeGreaterThan(5);
    for (const event of written) expectPlain(EVENT_WORDS[event]!);
  });

  it("says what Voxanne did for every tool she has", () => {
    for (const tool of TOOL_DEFINITIONS) expectPlain(TOOL_WORDS[tool.name]!);
    expect(Object.keys(TOOL_WORDS).sort()).toEqual(TOOL_DEFINITIONS.map((t) => t.name).sort());
  });
});
