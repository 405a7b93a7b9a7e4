import { z } from "zod";

import { TOOL_DEFINITIONS } from "@/lib/call-flow/tools/definitions";
import type { AssistantSource } from "@/lib/db/assistant";

/**
 * The Vapi assistant for a clinic, built from the database (never from patient data). Used to
 * answer `assistant-request` when the clinic has no assistant id in Vapi yet.
 */
export function buildAssistant(source: AssistantSource, options: { serverUrl: string; credentialId?: string }) {
  const { clinic, procedures } = source;
  const hours = clinic.settings.hours as Record<string, [string, string]> | undefined;
  const hoursText = hours
    ? Object.entries(hours)
        .map(([day, [open, close]]) => `${day} ${open}-${close}`)
        .join(", ")
    : "ask the caller to call back during business hours";
  const procedureText = procedures.map((procedure) => `- ${procedure.name} (also: ${procedure.synonyms.join(", ") || "none"})`).join("\n");

  return {
    name: `Voxanne · ${clinic.name}`.slice(0, 40),
    firstMessage: `Thank you for calling ${clinic.name}, this is Voxanne. How can I help you today?`,
    transcriber: { provider: "deepgram", model: "nova-2", language: "en", keyterm: procedures.map((procedure) => procedure.name) },
    model: {
      provider: "openai",
      model: "gpt-4o-mini",
      temperature: 0,
      messages: [
        {
          role: "system",
          content: [
            `You are Voxanne, the receptionist of ${clinic.name}, an aesthetic clinic. Be warm, brief and precise.`,
            `Opening hours (${clinic.timezone}): ${hoursText}.`,
            `Procedures offered:\n${procedureText}`,
            "Answer questions about procedures only with lookup_procedure results; never give medical advice or invent facts.",
            "To book: check_availability, offer at most three times, hold_slot the chosen one (held for 90 seconds),",
            "ask for the caller's name, then confirm_booking. If they change their mind, release_slot.",
            clinic.settings.booking_rules ? `Booking rules: ${String(clinic.settings.booking_rules)}` : "",
          ]
            .filter(Boolean)
            .join("\n"),
        },
      ],
      tools: [
        ...TOOL_DEFINITIONS.map((tool) => ({
          type: "function" as const,
          function: { name: tool.name, description: tool.description, parameters: toParameters(tool.args) },
          server: { url: options.serverUrl },
        })),
        ...(clinic.frontDeskNumber
          ? [{ type: "transferCall" as const, destinations: [{ type: "number" as const, number: clinic.frontDeskNumber, message: "Connecting you to our front desk now." }] }]
          : []),
      ],
    },
    voice: { provider: "11labs", voiceId: "sarah" },
    server: { url: options.serverUrl, timeoutSeconds: 20, ...(options.credentialId ? { credentialId: options.credentialId } : {}) },
    serverMessages: ["status-update", "speech-update", "tool-calls", "end-of-call-report", "hang"],
    maxDurationSeconds: 900,
    metadata: { clinicId: clinic.id },
  };
}

function toParameters(schema: z.ZodType) {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io: "input" }) as Record<string, unknown>;
  return json;
}
