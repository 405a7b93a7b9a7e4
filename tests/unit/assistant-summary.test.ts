import { describe, expect, it } from "vitest";

import { changesInWords, replyTimeInWords, summariseAssistant } from "@/lib/assistant/summary";
import type { AssistantSource } from "@/lib/db/assistant";
import { buildAssistant } from "@/lib/vapi/assistant";
import { configDiff } from "@/lib/vapi/push";

const source: AssistantSource = {
  clinic: {
    id: "c1a1c000-0000-4000-8000-000000000009",
    name: "Elm Street Skin",
    timezone: "Europe/London",
    frontDeskNumber: "+442079460123",
    settings: {},
    cancellationPolicy: "48 hours' notice, or the deposit is kept.",
    afterHoursMode: "message",
    emergencyNumber: "999",
  },
  procedures: [
    {
      name: "Profhilo",
      synonyms: ["pro filo"],
      description: "",
      appointments: ["treatment 30 min"],
    },
    { name: "Chemical peel", synonyms: [], description: "" },
  ],
  openingHours: [{ weekday: 2, opens: "09:00", closes: "17:30" }],
};
const build = (profile: "standard" | "low_latency") =>
  buildAssistant(source, { serverUrl: "https://app.test/api/webhooks/vapi", profile });

describe("the assistant in words", () => {
  it("says what Voxanne says, how she sounds, what she offers and how she behaves", () => {
    const summary = summariseAssistant(build("standard"), source);
    expect(summary.greeting).toContain("Thank you for calling Elm Street Skin");
    expect(summary.voice).toBe("Sarah, a voice from ElevenLabs.");
    expect(summary.hearing).toContain("listens out for your 3 procedure names and synonyms");
    expect(summary.procedures).toEqual([
      { name: "Profhilo", alsoHeardAs: ["pro filo"], appointments: ["treatment 30 min"] },
      { name: "Chemical peel", alsoHeardAs: [], appointments: [] },
    ]);
    const behaviour = summary.behaviour.join("\n");
    expect(behaviour).toContain("reads your cancellation policy first");
    expect(behaviour).toContain("Tuesday 09:00–17:30");
    expect(behaviour).toContain("While the front desk is closed, takes a message for the team.");
    expect(behaviour).toContain("hang up and call 999");
    expect(behaviour).toContain("Calls are not recorded.");
    expect(behaviour).toContain("Calls end after 15 minutes at most.");
    // No tool names, field names or milliseconds.
    expect(JSON.stringify(summary)).not.toMatch(/hold_slot|transferCall|endpointing|\bms\b/);
  });

  it("says a profile change in words, keeping the field names for the details", () => {
    const changes = changesInWords(configDiff(build("standard"), build("low_latency")));
    expect(changes).toContainEqual({
      setting: "How long a silence means the caller has finished",
      now: "0.3 seconds",
      after: "0.15 seconds",
      path: "transcriber.endpointing",
    });
    expect(changes.map((change) => change.setting)).toContain(
      "Pause before Voxanne starts her reply",
    );
    expect(changes.every((change) => change.setting !== "Another setting")).toBe(true);
    expect(changesInWords([{ path: "x.y", from: undefined, to: 2 }])).toEqual([
      { setting: "Another setting", now: "not set", after: "2", path: "x.y" },
    ]);
  });

  it("gives reply times in seconds, or says none were measured", () => {
    expect(replyTimeInWords({ turns: 0, p50: null, p95: null })).toBe(
      "No replies measured in the last 7 days yet.",
    );
    expect(replyTimeInWords({ turns: 40, p50: 640, p95: 1250 })).toBe(
      "Half of Voxanne's replies start within 0.6 seconds; 1 in 20 takes longer than 1.3 seconds.",
    );
  });
});
