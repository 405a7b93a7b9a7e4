import type { LiveTranscriptLine } from "./types";

/** What the live transcript shows: lines, and marks where the connection dropped. */
export type TranscriptItem = ({ kind: "line" } & LiveTranscriptLine) | { kind: "gap" };

/** Enough for a long call on screen; older lines scroll away (the stored transcript has them all). */
export const MAX_ITEMS = 300;

const sameLine = (item: TranscriptItem, line: LiveTranscriptLine) =>
  item.kind === "line" && item.role === line.role && item.at === line.at;

/**
 * Adds a broadcast line: a repeat (same role and time, as the server dedupes) is ignored, and a
 * line that arrives late is moved before later lines, but never across a gap mark.
 */
export function addLine(items: TranscriptItem[], line: LiveTranscriptLine): TranscriptItem[] {
  if (items.some((item) => sameLine(item, line))) return items;
  const next: TranscriptItem[] = [...items, { kind: "line", ...line }];
  for (let index = next.length - 1; index > 0; index--) {
    const before = next[index - 1]!;
    if (before.kind !== "line" || Date.parse(before.at) <= Date.parse(line.at)) break;
    [next[index - 1], next[index]] = [next[index]!, before];
  }
  return next.slice(-MAX_ITEMS);
}

/** Marks that lines may be missing here (a reconnect): one mark, however many reconnects. */
export function addGap(items: TranscriptItem[]): TranscriptItem[] {
  return items.at(-1)?.kind === "gap"
    ? items
    : [...items, { kind: "gap" as const }].slice(-MAX_ITEMS);
}

/** A broadcast payload that is a line of this call, or null. */
export function asLine(payload: unknown, callId: string): LiveTranscriptLine | null {
  const line = payload as Partial<LiveTranscriptLine> | null;
  if (!line || line.callId !== callId || (line.role !== "user" && line.role !== "assistant"))
    return null;
  if (typeof line.text !== "string" || typeof line.at !== "string") return null;
  return { callId, role: line.role, text: line.text, at: line.at };
}
