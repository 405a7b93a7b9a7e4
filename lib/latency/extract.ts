/**
 * User-end to assistant-start delay per turn, from what Vapi sends. Pure functions over
 * tolerant inputs: times as epoch ms (floats), seconds or ISO strings; metrics often absent.
 */

import type { SpeechEvent, TurnLatency } from "@/types/latency";

/** Epoch milliseconds (fractions kept: Vapi sends floats) from ms, seconds or an ISO string. */
export function toMs(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value))
    return value < 1e12 ? value * 1000 : value;
  if (typeof value === "string" && value.trim()) {
    const numeric = Number(value);
    const ms = Number.isFinite(numeric)
      ? numeric < 1e12
        ? numeric * 1000
        : numeric
      : Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

export function toDate(value: unknown): Date | null {
  const ms = toMs(value);
  return ms === null ? null : new Date(ms);
}

const round = (ms: number) => Math.round(ms * 10) / 10;
// A measured gap outside this range is a clock or payload problem, not a latency.
const plausible = (ms: number) => ms >= 0 && ms < 60_000;

interface ArtifactMessage {
  role?: unknown;
  message?: unknown;
  time?: unknown;
  endTime?: unknown;
}

/**
 * From the end-of-call report's `artifact.messages`: each user turn's `endTime` to the next
 * spoken assistant message's `time`. Tool calls and results in between count (the caller
 * waits through them); when the caller speaks twice in a row, the later turn is the one answered.
 */
export function fromArtifactMessages(messages: ArtifactMessage[] | undefined): TurnLatency[] {
  const turns: TurnLatency[] = [];
  let userEnd: number | null = null;
  for (const message of messages ?? []) {
    const role = String(message.role ?? "");
    if (role === "user") {
      userEnd = toMs(message.endTime) ?? toMs(message.time);
    } else if (
      (role === "bot" || role === "assistant") &&
      typeof message.message === "string" &&
      message.message.trim() &&
      userEnd !== null
    ) {
      const started = toMs(message.time);
      if (started !== null && plausible(started - userEnd)) {
        turns.push({
          turn: turns.length,
          latencyMs: round(started - userEnd),
          userEndedAt: new Date(userEnd),
          assistantStartedAt: new Date(started),
          breakdown: {},
        });
      }
      userEnd = null;
    }
  }
  return turns;
}

const COMPONENTS = [
  "modelLatency",
  "voiceLatency",
  "transcriberLatency",
  "endpointingLatency",
  "fromTransportLatency",
  "toTransportLatency",
] as const;

/** From `artifact.performanceMetrics.turnLatencies` (milliseconds), when Vapi sends them. */
export function fromPerformanceMetrics(metrics: unknown): TurnLatency[] {
  const list = (metrics as { turnLatencies?: unknown } | undefined)?.turnLatencies;
  if (!Array.isArray(list)) return [];
  const turns: TurnLatency[] = [];
  for (const [index, entry] of list.entries()) {
    const value = (entry as Record<string, unknown>)?.turnLatency;
    if (typeof value !== "number" || !plausible(value)) continue;
    const breakdown: Record<string, number> = {};
    for (const name of COMPONENTS) {
      const component = (entry as Record<string, unknown>)[name];
      if (typeof component === "number" && Number.isFinite(component))
        breakdown[name.replace(/Latency$/, "")] = round(component);
    }
    turns.push({
      turn: index,
      latencyMs: round(value),
      userEndedAt: null,
      assistantStartedAt: null,
      breakdown,
    });
  }
  return turns;
}

/** From a pair of speech-update messages: the user stopped at `userStopped`, the assistant started at `assistantStarted`. */
export function fromSpeechPair(
  userStopped: Date,
  assistantStarted: Date,
  turn: number,
): TurnLatency | null {
  const gap = assistantStarted.getTime() - userStopped.getTime();
  return plausible(gap)
    ? {
        turn,
        latencyMs: round(gap),
        userEndedAt: userStopped,
        assistantStartedAt: assistantStarted,
        breakdown: {},
      }
    : null;
}

/**
 * A call's turns from its speech updates, paired by their own timestamps rather than by arrival
 * (Vapi may deliver them late or crossed): each assistant start answers the caller's latest stop
 * before it, once; an assistant start with no caller stop since the last reply measures nothing.
 */
export function fromSpeechEvents(events: SpeechEvent[]): TurnLatency[] {
  const turns: TurnLatency[] = [];
  let userStop: SpeechEvent | null = null;
  const byTime = [...events].sort(
    (a, b) => a.at.getTime() - b.at.getTime() || (a.role === "user" ? -1 : 1),
  );
  for (const event of byTime) {
    if (event.role === "user") {
      userStop = event;
    } else if (userStop) {
      const turn = fromSpeechPair(
        userStop.at,
        event.at,
        event.turn ?? userStop.turn ?? turns.length,
      );
      if (turn) turns.push(turn);
      userStop = null;
    }
  }
  return turns;
}
