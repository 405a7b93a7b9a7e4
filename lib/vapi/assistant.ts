import type { Vapi } from "@vapi-ai/server-sdk";
import { z } from "zod";

import type { AssistantSource } from "@/lib/db/assistant";
import {
  CURRENCY_LABELS,
  formatAppointmentTime,
  isClinicCurrency,
  spokenPriceUnit,
} from "@/lib/format";
import { describeWeek } from "@/lib/hours/opening";
import { afterHoursOffer } from "@/lib/hours/routing";
import { DEFAULT_PRIVACY, firstMessageFor } from "@/lib/privacy/settings";

import { TOOL_DEFINITIONS } from "./tool-definitions";

/**
 * The longest a call may last: Vapi ends it then (`exceeded-max-duration`). A call still live
 * well past this has stopped sending messages, and the server closes it as lost
 * (lib/call-flow/lost-calls.ts).
 */
export const MAX_CALL_SECONDS = 900;

export const LATENCY_PROFILES = ["standard", "low_latency"] as const;
export type LatencyProfile = (typeof LATENCY_PROFILES)[number];

/**
 * Where the time between a caller's last word and Voxanne's first goes, per profile:
 * Deepgram endpointing, Vapi's smart endpointing, the model's first tokens, the voice, and
 * `waitSeconds` (applied last, after the voice is ready). The low-latency profile trims each.
 */
const PROFILE: Record<
  LatencyProfile,
  { endpointingMs: number; waitSeconds: number; maxTokens: number; streamingLatency: number }
> = {
  standard: { endpointingMs: 300, waitSeconds: 0.4, maxTokens: 250, streamingLatency: 2 },
  low_latency: { endpointingMs: 150, waitSeconds: 0.1, maxTokens: 150, streamingLatency: 4 },
};

/**
 * Template variables Vapi fills in per call (LiquidJS, `assistantOverrides.variableValues`),
 * answered by assistant-request from the clock and the clinic's hours at that moment, so the
 * assistant's configuration itself never depends on the time.
 */
export const CALL_VARIABLES = {
  clinicStatus: "{{clinicStatus}}",
  specialHours: "{{specialHours}}",
} as const;

/**
 * How Voxanne words dates, times and prices: the clinic's locale and currency (lib/format), so a
 * London clinic's assistant says "Tuesday 1 December at 2:30 pm" and "pounds", New York's
 * "Tuesday, December 1 at 2:30 PM" and "dollars". The tools' labels are worded the same way.
 */
function localeLine(clinic: AssistantSource["clinic"]): string {
  const format = {
    locale: clinic.locale ?? "en-US",
    currency: clinic.currency ?? "USD",
    timezone: clinic.timezone,
  };
  const example = formatAppointmentTime(new Date("2026-12-01T14:30:00Z"), {
    ...format,
    timezone: "UTC",
  });
  return `Say dates and times the way the clinic does (${format.locale}), like "${example}", always in the clinic's time zone. Prices are in ${isClinicCurrency(format.currency) ? CURRENCY_LABELS[format.currency] : format.currency}: say amounts in ${spokenPriceUnit(format)}.`;
}

function systemPrompt({ clinic, procedures, openingHours }: AssistantSource): string {
  return [
    `You are Voxanne, the receptionist of ${clinic.name}, an aesthetic clinic. Be warm, brief and precise; this is a phone call.`,
    localeLine(clinic),
    `Front desk opening hours (${clinic.timezone}): ${openingHours.length ? describeWeek(openingHours, clinic.locale) : "not set"}. Special hours on coming dates (instead of that weekday's): ${CALL_VARIABLES.specialHours}. Right now the front desk is: ${CALL_VARIABLES.clinicStatus}. Say so when a caller asks for a person or whether you are open.`,
    `Procedures offered:\n${procedures
      .map((procedure) => {
        const bookable =
          procedure.appointments === undefined
            ? ""
            : procedure.appointments.length
              ? `; bookable: ${procedure.appointments.join(", ")}`
              : "; not bookable by phone";
        return `- ${procedure.name} (also: ${procedure.synonyms.join(", ") || "none"}${bookable})`;
      })
      .join("\n")}`,
    "Answer questions about procedures only with lookup_procedure results; never give medical advice or invent facts. If it has no answer, offer a call back from the clinical team, or transfer the caller.",
    "To book: first ask which procedure the caller wants, then check_availability with it (and the practitioner, day or part of day they ask for). Times depend on the procedure: its consultation is offered first when one is needed, and each time is with a named practitioner. Offer at most three of the times it returns, never a time it did not return. hold_slot the chosen one (it is held for 90 seconds), ask for the caller's name, then confirm_booking. If they change their mind, release_slot. Read out any note it returns: confirm_booking's note says whether the time is confirmed now or the team will confirm it.",
    "Ask the caller's full name early in the call if they have not given it (never suggest one), then identify_caller with it. Only if it says recognised, call them by the first name it returns and do not ask their name again; otherwise carry on as with a new caller without saying whether the number or name is known.",
    "To move or cancel an appointment: ask for the caller's full name (never say a name or an appointment before they have given theirs), then find_appointments with it. It only returns appointments booked under the number they are calling from and that name; never read out or confirm anyone else's appointment. If it returns none, offer to text a link to manage the appointment to the number on file, and call find_appointments again with sendManageLink true if they agree. To move one, check_availability for the same treatment, let the caller choose, then reschedule_appointment with the appointmentId and slotId (no hold_slot needed). Before cancel_appointment, read the caller the clinic's cancellation policy and ask them to confirm. If they would like an earlier time than any free now, offer join_waitlist for that appointment.",
    `To reach a person, call transferCall (no number needed): the server puts the caller through to the front desk while it is open, or to the clinician on call for an urgent post-operative concern after hours. If it answers with an instruction instead of transferring, follow it. If a transfer is not answered you are back on the call: take a message with take_message.`,
    `While the front desk is closed, ${afterHoursOffer(clinic.afterHoursMode ?? "both")}. To take a message: ask for the caller's name and briefly what it is about, then take_message.`,
    `Urgent post-operative concerns: if a caller mentions bleeding, fever, severe or worsening pain, difficulty breathing, a wound opening, or chest pain after a procedure, it is urgent. Never give medical advice. If they have difficulty breathing, chest pain, heavy bleeding that will not stop, or feel faint, first tell them to hang up and call ${clinic.emergencyNumber ?? "911"} now. Otherwise call transferCall at once; if nobody can take it, take_message with urgent true.`,
    clinic.cancellationPolicy?.trim()
      ? `Cancellation policy (read it before cancelling): ${clinic.cancellationPolicy.trim()}`
      : "",
    clinic.settings.booking_rules ? `Booking rules: ${String(clinic.settings.booking_rules)}` : "",
    "Never read back card numbers or medical details.",
  ]
    .filter(Boolean)
    .join("\n");
}

/** A tool's JSON-schema parameters, from the same zod schema its handler validates with. */
function parameters(schema: z.ZodType): Vapi.OpenAiFunctionParameters {
  const json = z.toJSONSchema(schema, { io: "input" }) as {
    properties?: Record<string, Vapi.JsonSchema>;
    required?: string[];
  };
  return {
    type: "object",
    properties: json.properties ?? {},
    ...(json.required?.length ? { required: json.required } : {}),
  };
}

/**
 * The full Vapi assistant for a clinic, built from the database and never from patient data.
 * Typed against the Vapi SDK's CreateAssistantDto, so a wrong field fails the typecheck.
 */
export function buildAssistant(
  source: AssistantSource,
  options: { serverUrl: string; credentialId?: string; profile?: LatencyProfile },
): Vapi.CreateAssistantDto {
  const { clinic, procedures } = source;
  const privacy = source.privacy ?? DEFAULT_PRIVACY;
  const profileName = options.profile ?? "standard";
  const profile = PROFILE[profileName];
  const server = {
    url: options.serverUrl,
    timeoutSeconds: 20,
    // Vapi retries a failed delivery (our 503 while the database restarts, a timeout) before
    // giving up; every message is idempotent here (docs/call-flow.md, de-duplication). The SDK
    // types `type` as an object, but Vapi's API takes the name ("fixed" | "exponential").
    backoffPlan: {
      type: "exponential" as unknown as Record<string, unknown>,
      maxRetries: 3,
      baseDelaySeconds: 1,
    },
    ...(options.credentialId ? { credentialId: options.credentialId } : {}),
  };
  return {
    name: `Voxanne · ${clinic.name}`.slice(0, 40),
    // The disclosure (issue 16): Voxanne, the clinic's AI assistant, and the recording when
    // there is one, in the clinic's wording when it says all of that (lib/privacy/settings.ts).
    // Spoken first and heard in full: interruptions of the first message are off.
    firstMessage: firstMessageFor(clinic.name, privacy),
    firstMessageMode: "assistant-speaks-first",
    firstMessageInterruptionsEnabled: false,
    // Privacy (issue 16, docs/data-flow.md). Field names and defaults from the installed SDK's
    // types (@vapi-ai/server-sdk dist/cjs/api/types: CompliancePlan, ArtifactPlan, MonitorPlan,
    // DeepgramTranscriber, AnalysisPlan, SummaryPlan, StructuredDataPlan, SuccessEvaluationPlan)
    // and docs.vapi.ai/security-and-privacy/hipaa. Each is set explicitly, since Vapi's
    // defaults record the call, allow unauthenticated live listening and run analysis models
    // over the raw transcript.
    // HIPAA mode: HIPAA-compliant storage and providers only (Deepgram, OpenAI and ElevenLabs
    // are on Vapi's list); honoured when the Vapi organization has HIPAA mode with a BAA.
    compliancePlan: { hipaaEnabled: privacy.hipaaEnabled },
    // No recording unless the clinic turns it on (Vapi's default is true); no SIP packet capture
    // (it holds the call's audio; default true). With HIPAA mode a recording needs the clinic's
    // own S3/GCP bucket on Vapi's Provider Credentials page.
    artifactPlan: { recordingEnabled: privacy.recordingEnabled, pcapEnabled: false },
    // Live listen and live control off (both default true, unauthenticated by default), and
    // authenticated should anyone enable them on the assistant in Vapi's dashboard.
    monitorPlan: {
      listenEnabled: false,
      listenAuthenticationEnabled: true,
      controlEnabled: false,
      controlAuthenticationEnabled: true,
    },
    transcriber: {
      provider: "deepgram",
      model: "nova-2",
      language: "en",
      smartFormat: true,
      endpointing: profile.endpointingMs,
      // Out of Deepgram's Model Improvement Program (mip_opt_out=true on every request): the
      // SDK notes it applies only with the clinic's own Deepgram key, docs/data-flow.md.
      mipOptOut: true,
      keyterm: procedures
        .flatMap((procedure) => [procedure.name, ...procedure.synonyms])
        .slice(0, 50),
    },
    model: {
      provider: "openai",
      model: "gpt-4o-mini",
      temperature: 0,
      maxTokens: profile.maxTokens,
      messages: [{ role: "system", content: systemPrompt(source) }],
      tools: [
        ...TOOL_DEFINITIONS.map((tool) => ({
          type: "function" as const,
          function: {
            name: tool.name,
            description: tool.description,
            parameters: parameters(tool.args),
          },
          server,
        })),
        // No fixed destination: Vapi asks our server (transfer-destination-request), which
        // chooses the front desk or the clinician on call at that moment, or says why not.
        { type: "transferCall" as const },
      ],
    },
    voice: {
      provider: "11labs",
      voiceId: "sarah",
      optimizeStreamingLatency: profile.streamingLatency,
    },
    server,
    // Final transcript lines only (no partials): redacted and shown live to staff, never stored.
    serverMessages: [
      "status-update",
      "speech-update",
      "tool-calls",
      "end-of-call-report",
      "hang",
      "transfer-update",
      "transfer-destination-request",
      "user-interrupted",
      'transcript[transcriptType="final"]',
    ],
    startSpeakingPlan: {
      waitSeconds: profile.waitSeconds,
      smartEndpointingPlan: { provider: "vapi" },
    },
    stopSpeakingPlan: { numWords: 0, voiceSeconds: 0.2, backoffSeconds: 1 },
    maxDurationSeconds: MAX_CALL_SECONDS,
    // No post-call analysis at Vapi: each plan would feed the raw transcript (names, numbers,
    // medical details our redaction removes) to another model and keep its output at Vapi. The
    // hand-off's procedures come from the transcript on our side (lib/call-flow/handoff.ts).
    analysisPlan: {
      summaryPlan: { enabled: false },
      structuredDataPlan: { enabled: false },
      successEvaluationPlan: { enabled: false },
    },
    metadata: { clinicId: clinic.id, latencyProfile: profileName },
  };
}

/** The clinic's assistant as deployed: its chosen latency profile, our webhook, our credential. */
export function assistantFor(
  source: AssistantSource,
  env: { APP_URL: string; VAPI_CREDENTIAL_ID?: string },
): Vapi.CreateAssistantDto {
  const profile =
    LATENCY_PROFILES.find((name) => name === source.clinic.settings.latency_profile) ?? "standard";
  return buildAssistant(source, {
    serverUrl: `${env.APP_URL.replace(/\/$/, "")}/api/webhooks/vapi`,
    credentialId: env.VAPI_CREDENTIAL_ID,
    profile,
  });
}
