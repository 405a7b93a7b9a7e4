import { describeEnding } from "@/lib/calls/plain-language";
import type { OutcomeByReason } from "@/lib/db/insights";

/** An ended reason as staff read it; calls still on the line are grouped as such. */
const endingWords = (code: string) =>
  code === "in progress" ? "Still in progress" : (describeEnding(code)?.words ?? "The call ended");

/** Outcomes in the order they stack, with their labels and colours. */
export const OUTCOMES = [
  { key: "booked", label: "Booked", color: "var(--chart-1)" },
  { key: "follow_up", label: "Follow-up", color: "var(--chart-2)" },
  { key: "information", label: "Information", color: "var(--chart-3)" },
  { key: "transferred", label: "Transferred", color: "var(--chart-5)" },
  { key: "abandoned", label: "Caller hung up", color: "var(--chart-4)" },
  { key: "failed", label: "Technical problem", color: "var(--destructive)" },
  { key: "lost", label: "Lost", color: "var(--destructive)" },
  { key: "none", label: "No outcome", color: "var(--muted-foreground)" },
] as const;

export type OutcomeKey = (typeof OUTCOMES)[number]["key"];
export type ReasonRow = { endedReason: string; total: number } & Record<OutcomeKey, number>;

const empty = () =>
  Object.fromEntries(OUTCOMES.map((outcome) => [outcome.key, 0])) as Record<OutcomeKey, number>;
const isOutcome = (key: string): key is OutcomeKey =>
  OUTCOMES.some((outcome) => outcome.key === key);

/** The `limit` most common ways calls ended (in words: many codes read the same), each with a count per outcome, for the stacked chart. */
export function pivotByReason(rows: OutcomeByReason[], limit = 8): ReasonRow[] {
  const byReason = new Map<string, ReasonRow>();
  for (const row of rows) {
    const words = endingWords(row.endedReason);
    const entry = byReason.get(words) ?? {
      endedReason: words,
      total: 0,
      ...empty(),
    };
    entry[isOutcome(row.outcome) ? row.outcome : "none"] += row.calls;
    entry.total += row.calls;
    byReason.set(words, entry);
  }
  return [...byReason.values()]
    .sort((a, b) => b.total - a.total || a.endedReason.localeCompare(b.endedReason))
    .slice(0, limit);
}

/** Calls per outcome over the same calls, most first, leaving out outcomes no call had. */
export function outcomeTotals(
  rows: OutcomeByReason[],
): { key: OutcomeKey; label: string; calls: number }[] {
  const totals = empty();
  for (const row of rows) totals[isOutcome(row.outcome) ? row.outcome : "none"] += row.calls;
  return OUTCOMES.map((outcome) => ({
    key: outcome.key,
    label: outcome.label,
    calls: totals[outcome.key],
  }))
    .filter((outcome) => outcome.calls > 0)
    .sort((a, b) => b.calls - a.calls);
}
