import { readFileSync } from "node:fs";
import type { Vapi } from "@vapi-ai/server-sdk";
import { describe, expect, it } from "vitest";

import type { AssistantSource } from "@/lib/db/assistant";
import {
  DEFAULT_PRIVACY,
  missingDisclosure,
  RETENTION,
  RETENTION_KINDS,
  standardGreeting,
  type PrivacySettings,
} from "@/lib/privacy/settings";
import { privacySettingsProblems, privacySettingsSchema } from "@/lib/validations/privacy";
import { buildAssistant } from "@/lib/vapi/assistant";

// The assistant's privacy settings as Vapi receives them (issue 16, docs/data-flow.md): every
// setting in the generated JSON, for the defaults and for each clinic choice, and the
// disclosure in every first message.

const source = (privacy?: Partial<PrivacySettings>): AssistantSource => ({
  clinic: {
    id: "c1a1c000-0000-4000-8000-000000000001",
    name: "Harbour Aesthetics",
    timezone: "America/New_York",
    frontDeskNumber: null,
    settings: {},
  },
  procedures: [{ name: "Facelift", synonyms: [], description: "Lifts the face." }],
  openingHours: [],
  ...(privacy ? { privacy: { ...DEFAULT_PRIVACY, ...privacy } } : {}),
});
const build = (privacy?: Partial<PrivacySettings>) =>
  JSON.parse(
    JSON.stringify(
      buildAssistant(source(privacy), { serverUrl: "https://app.test/api/webhooks/vapi" }),
    ),
  ) as Vapi.CreateAssistantDto;
const CLINIC = { clinicName: "Harbour Aesthetics" };

/** The test the issue asks for: a generated config whose first message lacks the disclosure fails. */
function expectDisclosure(config: Vapi.CreateAssistantDto) {
  const recording = config.artifactPlan?.recordingEnabled === true;
  expect(config.firstMessage).toBeTruthy();
  expect(config.firstMessageMode).toBe("assistant-speaks-first");
  expect(config.firstMessageInterruptionsEnabled).toBe(false);
  expect(
    missingDisclosure(config.firstMessage!, { ...CLINIC, recordingEnabled: recording }),
  ).toEqual([]);
  if (recording) expect(config.firstMessage).toMatch(/record/i);
}

describe("the assistant's privacy settings", () => {
  it("defaults to HIPAA mode on, no recording, no live listen or control, no analysis at Vapi", () => {
    for (const config of [build(), build({})]) {
      expect(config.compliancePlan).toEqual({ hipaaEnabled: true });
      expect(config.artifactPlan).toEqual({ recordingEnabled: false, pcapEnabled: false });
      expect(config.monitorPlan).toEqual({
        listenEnabled: false,
        listenAuthenticationEnabled: true,
        controlEnabled: false,
        controlAuthenticationEnabled: true,
      });
      expect(config.transcriber).toMatchObject({ provider: "deepgram", mipOptOut: true });
      expect(config.analysisPlan).toEqual({
        summaryPlan: { enabled: false },
        structuredDataPlan: { enabled: false },
        successEvaluationPlan: { enabled: false },
      });
      expect(config.firstMessage).toBe(
        "Thank you for calling Harbour Aesthetics. This is Voxanne, the clinic's AI assistant. How can I help you today?",
      );
      expectDisclosure(config);
    }
  });

  it("follows the clinic's choices: HIPAA mode off, recording on (and then says so)", () => {
    expect(build({ hipaaEnabled: false }).compliancePlan).toEqual({ hipaaEnabled: false });
    const recorded = build({ recordingEnabled: true });
    expect(recorded.artifactPlan).toEqual({ recordingEnabled: true, pcapEnabled: false });
    expect(recorded.firstMessage).toBe(standardGreeting("Harbour Aesthetics", true));
    expect(recorded.firstMessage).toContain("This call is recorded.");
    expectDisclosure(recorded);
    // Recording never turns live listening on.
    expect(recorded.monitorPlan?.listenEnabled).toBe(false);
  });

  it("speaks the clinic's own wording, with {clinic} filled in", () => {
    const config = build({
      greeting:
        "Hello, {clinic}. Voxanne here, the AI assistant of the clinic. What can I do for you?",
    });
    expect(config.firstMessage).toBe(
      "Hello, Harbour Aesthetics. Voxanne here, the AI assistant of the clinic. What can I do for you?",
    );
    expectDisclosure(config);
    const recorded = build({
      recordingEnabled: true,
      greeting: "{clinic}, Voxanne speaking, an AI assistant. We are recording this call.",
    });
    expect(recorded.firstMessage).toBe(
      "Harbour Aesthetics, Voxanne speaking, an AI assistant. We are recording this call.",
    );
    expectDisclosure(recorded);
  });

  it("falls back to the standard wording when the clinic's lacks a required part", () => {
    for (const [greeting, recordingEnabled] of [
      ["Hi, this is Voxanne at {clinic}. How can I help?", false], // no "AI"
      ["Hi, the {clinic} AI assistant here. How can I help?", false], // no Voxanne
      ["Voxanne, an AI assistant. How can I help?", false], // no clinic
      ["{clinic}, Voxanne, an AI assistant. How can I help?", true], // recording unsaid
    ] as const) {
      const config = build({ greeting, recordingEnabled });
      expect(config.firstMessage).toBe(standardGreeting("Harbour Aesthetics", recordingEnabled));
      expectDisclosure(config);
    }
  });

  it("fails the disclosure check on a first message without it", () => {
    expect(
      missingDisclosure("Thank you for calling Harbour Aesthetics, this is Voxanne.", {
        ...CLINIC,
        recordingEnabled: true,
      }),
    ).toEqual(['that Voxanne is an AI assistant (say "AI")', "that the call is recorded"]);
    // "said" and "maid" are not "AI"; "recorder" is not "recorded".
    expect(
      missingDisclosure("Harbour Aesthetics, Voxanne said the maid has a recorder", {
        ...CLINIC,
        recordingEnabled: true,
      }),
    ).toHaveLength(2);
  });
});

describe("the privacy form's validation", () => {
  const valid = {
    hipaaEnabled: true,
    recordingEnabled: false,
    greeting: "",
    transcriptDays: 365,
    callEventDays: "365",
    handoffDays: 90,
    smsDays: 365,
    webhookDays: 30,
  };

  it("accepts the defaults and treats an empty greeting as the standard one", () => {
    const parsed = privacySettingsSchema.parse(valid);
    expect(parsed).toEqual(DEFAULT_PRIVACY);
    expect(privacySettingsProblems(parsed, "Harbour Aesthetics")).toEqual({});
  });

  it.each(
    RETENTION_KINDS.flatMap(
      (kind) =>
        [
          [kind, RETENTION[kind].min - 1],
          [kind, RETENTION[kind].max + 1],
          [kind, 45.5],
          [kind, "soon"],
        ] as const,
    ),
  )("refuses %s = %s with a message naming the range", (kind, value) => {
    const result = privacySettingsSchema.safeParse({ ...valid, [kind]: value });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path).toEqual([kind]);
    expect(issue.message).toContain(
      `between ${RETENTION[kind].min} and ${RETENTION[kind].max} days`,
    );
  });

  it("refuses a greeting without the disclosure, and one that leaves out a recording that is on", () => {
    const parse = (input: object) => privacySettingsSchema.parse({ ...valid, ...input });
    expect(
      privacySettingsProblems(parse({ greeting: "Hello, how can I help?" }), "Harbour Aesthetics")
        .greeting,
    ).toBe(
      'The first message must say the name Voxanne, that Voxanne is an AI assistant (say "AI"), the clinic\'s name (Harbour Aesthetics, or {clinic}).',
    );
    const quiet = "{clinic}: Voxanne, the AI assistant. How can I help?";
    expect(privacySettingsProblems(parse({ greeting: quiet }), "Harbour Aesthetics")).toEqual({});
    expect(
      privacySettingsProblems(
        parse({ greeting: quiet, recordingEnabled: true }),
        "Harbour Aesthetics",
      ).greeting,
    ).toBe("The first message must say that the call is recorded.");
    expect(privacySettingsSchema.safeParse({ ...valid, greeting: "x".repeat(401) }).success).toBe(
      false,
    );
  });

  it("has the migration's column defaults", () => {
    const sql = readFileSync("supabase/migrations/20261201000800_privacy.sql", "utf8");
    const column = (name: string) =>
      new RegExp(
        `\\b${name} integer not null default (\\d+) check \\(${name} between (\\d+) and (\\d+)\\)`,
      ).exec(sql);
    const columns = {
      transcriptDays: "transcript_days",
      callEventDays: "call_event_days",
      handoffDays: "handoff_days",
      smsDays: "sms_days",
      webhookDays: "webhook_days",
    } as const;
    for (const kind of RETENTION_KINDS) {
      const match = column(columns[kind]);
      expect(match, columns[kind]).not.toBeNull();
      expect(match!.slice(1).map(Number)).toEqual([
        RETENTION[kind].defaultDays,
        RETENTION[kind].min,
        RETENTION[kind].max,
      ]);
    }
    expect(sql).toMatch(/hipaa_enabled boolean not null default true/);
    expect(sql).toMatch(/recording_enabled boolean not null default false/);
  });
});
