import type { TranscriptLine } from "@/types/transcript";
import { toDate } from "@/lib/latency/extract";

import type { EndOfCallReport } from "./schemas";

/**
 * What an end-of-call report says, whatever its vintage. Pure functions over a parsed report:
 * - lines: `artifact.messages` when non-empty, else the top-level `messages` (2024 reports send
 *   `artifact.messages: []`), else the `artifact.transcript` / `transcript` text;
 * - structured data: `artifact.structuredOutputs` (Vapi's current recommendation, keyed by output
 *   id, each `{name, result}`) merged over the legacy `analysis.structuredData`;
 * - times: `startedAt`/`endedAt`, a duration from `durationMs`, `durationSeconds` or
 *   `durationMinutes`, and a start worked out from the end and the duration when only those came.
 */

type ReportMessage = NonNullable<EndOfCallReport["messages"]>[number];

/** The report's timed messages (user, bot, tool calls...), from wherever this vintage put them. */
export function reportMessages(
  report: Pick<EndOfCallReport, "artifact" | "messages">,
): ReportMessage[] {
  if (report.artifact?.messages?.length) return report.artifact.messages;
  return report.messages ?? [];
}

/** The report's transcript as one text ("AI: …\nUser: …"), current or 2024 placement. */
export function reportTranscriptText(
  report: Pick<EndOfCallReport, "artifact" | "transcript">,
): string {
  return report.artifact?.transcript || report.transcript || "";
}

/**
 * The report's transcript as lines: the timed messages when there are any, else the
 * transcript text. System and tool messages are not transcript.
 */
export function transcriptLines(
  report: Pick<EndOfCallReport, "artifact" | "messages" | "transcript">,
): TranscriptLine[] {
  const spoken = reportMessages(report).filter(
    (message) => ["user", "bot", "assistant"].includes(message.role) && message.message?.trim(),
  );
  if (spoken.length) {
    return spoken.map((message) => ({
      speaker: message.role === "user" ? "user" : "assistant",
      text: message.message!.trim(),
      at: toDate(message.time),
    }));
  }
  // "AI: ...\nUser: ..." as one string.
  return reportTranscriptText(report)
    .split("\n")
    .map((line) => /^(AI|Assistant|Bot|User|Customer):\s*(.+)$/i.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({
      speaker: /^(user|customer)$/i.test(match[1]!) ? "user" : "assistant",
      text: match[2]!,
      at: null,
    }));
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Structured data as one object: each structured output contributes its result under its name
 * (and, when its result is an object, that object's fields), over the legacy structuredData.
 */
export function reportStructuredData(
  report: Pick<EndOfCallReport, "artifact" | "analysis">,
): Record<string, unknown> {
  const merged: Record<string, unknown> = isObject(report.analysis?.structuredData)
    ? { ...report.analysis.structuredData }
    : {};
  const outputs = report.artifact?.structuredOutputs;
  if (!isObject(outputs)) return merged;
  for (const [id, output] of Object.entries(outputs)) {
    const named = isObject(output) && "result" in output;
    const result = named ? output.result : output;
    const name = named && typeof output.name === "string" && output.name ? output.name : id;
    if (isObject(result)) Object.assign(merged, result);
    merged[name] = result;
  }
  return merged;
}

export interface ReportTimes {
  startedAt?: Date;
  endedAt?: Date;
  durationMs?: number;
}

/** When the call started and ended and how long it lasted, as far as the report says. */
export function reportTimes(
  report: Pick<
    EndOfCallReport,
    "startedAt" | "endedAt" | "durationMs" | "durationSeconds" | "durationMinutes" | "call"
  >,
): ReportTimes {
  const durationMs =
    report.durationMs ??
    (report.durationSeconds !== undefined ? report.durationSeconds * 1000 : undefined) ??
    (report.durationMinutes !== undefined ? report.durationMinutes * 60_000 : undefined);
  const endedAt = report.endedAt ?? report.call?.endedAt;
  let startedAt = report.startedAt ?? report.call?.startedAt;
  if (!startedAt && endedAt && durationMs !== undefined)
    startedAt = new Date(endedAt.getTime() - durationMs);
  const measured = startedAt && endedAt ? endedAt.getTime() - startedAt.getTime() : undefined;
  return {
    startedAt,
    endedAt: startedAt && endedAt && endedAt < startedAt ? startedAt : endedAt,
    durationMs:
      durationMs !== undefined
        ? Math.round(durationMs)
        : measured !== undefined && measured >= 0
          ? measured
          : undefined,
  };
}
