import type { Vapi } from "@vapi-ai/server-sdk";

import type { AssistantSource } from "@/lib/db/assistant";
import { describeWeek } from "@/lib/hours/opening";
import { DEFAULT_PRIVACY } from "@/lib/privacy/settings";

/**
 * The clinic's assistant in the words an admin uses: what Voxanne says first, how she sounds,
 * what she offers and how she behaves. The Vapi JSON stays behind a disclosure; this is read
 * from the same built config, so the two never disagree.
 */
export interface AssistantSummary {
  greeting: string;
  voice: string;
  hearing: string;
  procedures: { name: string; alsoHeardAs: string[]; appointments: string[] }[];
  behaviour: string[];
}

const VOICE_PROVIDERS: Record<string, string> = {
  "11labs": "ElevenLabs",
  openai: "OpenAI",
  azure: "Microsoft Azure",
  cartesia: "Cartesia",
  deepgram: "Deepgram",
  playht: "PlayHT",
  vapi: "Vapi",
};

const AFTER_HOURS: Record<"message" | "book" | "both", string> = {
  message: "takes a message for the team",
  book: "books appointments",
  both: "books appointments or takes a message, as the caller prefers",
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function summariseAssistant(
  assistant: Vapi.CreateAssistantDto,
  source: AssistantSource,
): AssistantSummary {
  const privacy = source.privacy ?? DEFAULT_PRIVACY;
  const voice = assistant.voice as { provider?: string; voiceId?: string } | undefined;
  const transcriber = assistant.transcriber as
    { provider?: string; language?: string; keyterm?: string[] } | undefined;
  const profile = String(assistant.metadata?.latencyProfile ?? "standard");
  const minutes = Math.round((assistant.maxDurationSeconds ?? 600) / 60);
  const hours = describeWeek(source.openingHours);
  const clinic = source.clinic;
  return {
    greeting: assistant.firstMessage ?? "",
    voice: voice?.voiceId
      ? `${capitalise(voice.voiceId)}, a voice from ${VOICE_PROVIDERS[voice.provider ?? ""] ?? voice.provider ?? "Vapi"}${
          profile === "low_latency" ? ", tuned to start speaking sooner" : ""
        }.`
      : "The voice set in Vapi.",
    hearing: `${transcriber?.language === "en" ? "English" : (transcriber?.language ?? "English")} speech, transcribed by ${
      VOICE_PROVIDERS[transcriber?.provider ?? ""] ?? transcriber?.provider ?? "Vapi"
    }; listens out for your ${transcriber?.keyterm?.length ? `${transcriber.keyterm.length} procedure names and synonyms` : "procedure names"}.`,
    procedures: source.procedures.map((procedure) => ({
      name: procedure.name,
      alsoHeardAs: procedure.synonyms,
      appointments: procedure.appointments ?? [],
    })),
    behaviour: [
      `Answers questions about your procedures and checks real free times in the diary; offers at most three.`,
      `Holds a time for 90 seconds while the caller decides, then books it under the caller's name.`,
      `Moves and cancels appointments only for the number calling and the name the caller gives${
        clinic.cancellationPolicy?.trim() ? ", and reads your cancellation policy first" : ""
      }.`,
      hours
        ? `Puts callers through to the front desk while it is open (${hours}).`
        : "Puts callers through to the front desk while it is open.",
      `While the front desk is closed, ${AFTER_HOURS[clinic.afterHoursMode ?? "both"]}.`,
      `Urgent concerns after a procedure go to the clinician on call; callers with emergency signs are told to hang up and call ${
        clinic.emergencyNumber ?? "911"
      }. Never gives medical advice.`,
      privacy.recordingEnabled
        ? "Calls are recorded (you turned recording on in Privacy)."
        : "Calls are not recorded.",
      `Calls end after ${minutes} minutes at most.`,
    ],
  };
}

/** One setting a profile change alters, in words, with the technical values for the details. */
export interface ChangeInWords {
  setting: string;
  now: string;
  after: string;
  path: string;
}

const seconds = (value: number) =>
  `${Number(value.toFixed(2))} ${value === 1 ? "second" : "seconds"}`;

const KNOWN_CHANGES: Record<
  string,
  { setting: string; say: (value: unknown) => string | undefined }
> = {
  "transcriber.endpointing": {
    setting: "How long a silence means the caller has finished",
    say: (value) => (typeof value === "number" ? seconds(value / 1000) : undefined),
  },
  "startSpeakingPlan.waitSeconds": {
    setting: "Pause before Voxanne starts her reply",
    say: (value) => (typeof value === "number" ? seconds(value) : undefined),
  },
  "model.maxTokens": {
    setting: "Longest single answer",
    say: (value) =>
      typeof value === "number" ? `about ${Math.round(value * 0.75)} words` : undefined,
  },
  "voice.optimizeStreamingLatency": {
    setting: "Voice start-up",
    say: (value) =>
      typeof value === "number"
        ? value >= 4
          ? "fastest (the first words may sound a little flatter)"
          : value >= 2
            ? "balanced"
            : "most natural"
        : undefined,
  },
  "metadata.latencyProfile": {
    setting: "Profile",
    say: (value) =>
      value === "low_latency" ? "low latency" : value === "standard" ? "standard" : undefined,
  },
};

export function changesInWords(
  diff: { path: string; from: unknown; to: unknown }[],
): ChangeInWords[] {
  return diff.map(({ path, from, to }) => {
    const known = KNOWN_CHANGES[path];
    const now = known?.say(from);
    const after = known?.say(to);
    if (known && now !== undefined && after !== undefined)
      return { setting: known.setting, now, after, path };
    const plain = (value: unknown) =>
      value === undefined ? "not set" : typeof value === "string" ? value : JSON.stringify(value);
    return { setting: "Another setting", now: plain(from), after: plain(to), path };
  });
}

/** Reply times in seconds, the way staff say them ("half within 0.6 s" is not how people talk). */
export function replyTimeInWords(latency: {
  turns: number;
  p50: number | null;
  p95: number | null;
}): string {
  if (latency.turns === 0 || latency.p50 === null || latency.p95 === null)
    return "No replies measured in the last 7 days yet.";
  const s = (ms: number) => `${Number((ms / 1000).toFixed(1))} seconds`;
  return `Half of Voxanne's replies start within ${s(latency.p50)}; 1 in 20 takes longer than ${s(latency.p95)}.`;
}
