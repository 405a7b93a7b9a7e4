import { describe, expect, it } from "vitest";

import type { AssistantSource } from "@/lib/db/assistant";
import { buildAssistant } from "@/lib/vapi/assistant";
import { phoneNumberFor } from "@/lib/vapi/phone-number";

const source: AssistantSource = {
  clinic: {
    id: "c1a1c000-0000-4000-8000-000000000001",
    name: "Harbour Aesthetics",
    timezone: "America/New_York",
    frontDeskNumber: "+15555550100",
    settings: {
      booking_rules: "Consultations are 30 minutes.",
    },
  },
  procedures: [
    { name: "Facelift", synonyms: ["face lift", "rhytidectomy"], description: "Lifts the face." },
    {
      name: "Botox",
      synonyms: [],
      description: "Anti-wrinkle injections.",
      appointments: ["treatment 20 min"],
    },
    { name: "Peel", synonyms: [], description: "A chemical peel.", appointments: [] },
  ],
  openingHours: [
    { weekday: 1, opens: "09:00", closes: "13:00" },
    { weekday: 1, opens: "14:00", closes: "17:00" },
    { weekday: 3, opens: "10:00", closes: "16:00" },
  ],
};

describe("the assistant configuration", () => {
  const standard = buildAssistant(source, {
    serverUrl: "https://app.test/api/webhooks/vapi",
    credentialId: "cred_1",
  });
  const fast = buildAssistant(source, {
    serverUrl: "https://app.test/api/webhooks/vapi",
    profile: "low_latency",
  });

  it("speaks in the clinic's name and knows its procedures, hours and rules", () => {
    expect(standard.firstMessage).toBe(
      "Thank you for calling Harbour Aesthetics. This is Voxanne, the clinic's AI assistant. How can I help you today?",
    );
    const model = standard.model as { messages: { content: string }[]; temperature: number };
    expect(model.temperature).toBe(0);
    const prompt = model.messages[0]!.content;
    for (const fact of [
      "Facelift (also: face lift, rhytidectomy)",
      "Botox (also: none; bookable: treatment 20 min)",
      "Peel (also: none; not bookable by phone)",
      "check_availability with it",
      "Monday 09:00–13:00 and 14:00–17:00; Tuesday closed; Wednesday 10:00–16:00",
      "(America/New_York)",
      "Right now the front desk is: {{clinicStatus}}.",
      "Consultations are 30 minutes",
      "never give medical advice",
    ]) {
      expect(prompt).toContain(fact);
    }
    expect(standard.transcriber).toMatchObject({
      provider: "deepgram",
      model: "nova-2",
      keyterm: ["Facelift", "face lift", "rhytidectomy", "Botox", "Peel"],
    });
  });

  it("declares the eleven tools with JSON-schema parameters and our server, plus a transfer the server routes", () => {
    const tools = (
      standard.model as {
        tools: {
          type: string;
          function?: { name: string; parameters: { required?: string[] } };
          server?: { url: string };
          destinations?: { number: string }[];
        }[];
      }
    ).tools;
    expect(
      tools
        .filter((tool) => tool.type === "function")
        .map((tool) => [tool.function!.name, tool.function!.parameters.required ?? []]),
    ).toEqual([
      ["check_availability", []],
      ["hold_slot", ["slotId"]],
      ["confirm_booking", ["slotId", "patientName"]],
      ["release_slot", ["slotId"]],
      ["lookup_procedure", ["query"]],
      ["identify_caller", ["patientName"]],
      ["find_appointments", ["patientName"]],
      ["reschedule_appointment", ["appointmentId", "slotId"]],
      ["cancel_appointment", ["appointmentId"]],
      ["join_waitlist", ["appointmentId"]],
      ["take_message", ["message"]],
    ]);
    expect(
      tools.every(
        (tool) =>
          tool.type !== "function" || tool.server?.url === "https://app.test/api/webhooks/vapi",
      ),
    ).toBe(true);
    // No fixed destination: the server chooses one per call (transfer-destination-request).
    expect(tools.filter((tool) => tool.type === "transferCall")).toEqual([
      { type: "transferCall" },
    ]);
  });

  it("subscribes to the messages we handle, with our credential, a 20 s timeout and retries", () => {
    expect(standard.serverMessages).toEqual([
      "status-update",
      "speech-update",
      "tool-calls",
      "end-of-call-report",
      "hang",
      "transfer-update",
      "transfer-destination-request",
      "user-interrupted",
      'transcript[transcriptType="final"]',
    ]);
    expect(standard.server).toEqual({
      url: "https://app.test/api/webhooks/vapi",
      timeoutSeconds: 20,
      backoffPlan: { type: "exponential", maxRetries: 3, baseDelaySeconds: 1 },
      credentialId: "cred_1",
    });
  });

  it("trims every stage of the turn in the low-latency profile", () => {
    expect(standard.startSpeakingPlan?.waitSeconds).toBe(0.4);
    expect(fast.startSpeakingPlan?.waitSeconds).toBe(0.1);
    expect((fast.transcriber as { endpointing: number }).endpointing).toBeLessThan(
      (standard.transcriber as { endpointing: number }).endpointing,
    );
    expect((fast.model as { maxTokens: number }).maxTokens).toBeLessThan(
      (standard.model as { maxTokens: number }).maxTokens,
    );
    expect(fast.metadata).toEqual({ clinicId: source.clinic.id, latencyProfile: "low_latency" });
  });

  it("carries no patient data", () => {
    expect(JSON.stringify(standard)).not.toMatch(/patient(Name|Phone)?"\s*:\s*"[A-Z]/);
    expect(Object.keys(standard.metadata ?? {})).toEqual(["clinicId", "latencyProfile"]);
  });
});

describe("the clinic's number in Vapi (failover)", () => {
  it("falls back to the front desk when our server cannot answer, with retries first", () => {
    const number = phoneNumberFor(
      { name: "Harbour Aesthetics", phoneNumber: "+15555550199", frontDeskNumber: "+15555550100" },
      { serverUrl: "https://app.test/api/webhooks/vapi", credentialId: "cred_1" },
    );
    expect(number.fallbackDestination).toMatchObject({ type: "number", number: "+15555550100" });
    expect(number.server).toMatchObject({
      url: "https://app.test/api/webhooks/vapi",
      credentialId: "cred_1",
      backoffPlan: { type: "exponential", maxRetries: 3 },
    });
    expect(number.twilioAuthToken).toBe("<TWILIO_AUTH_TOKEN>");
  });

  it("has no fallback without a front desk number", () => {
    expect(
      phoneNumberFor(
        { name: "Marlow", phoneNumber: "+15555550142", frontDeskNumber: null },
        { serverUrl: "https://app.test/api/webhooks/vapi" },
      ).fallbackDestination,
    ).toBeUndefined();
  });
});
