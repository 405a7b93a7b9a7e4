import { readFileSync } from "node:fs";

import { redactConversation, type Turn } from "../lib/redaction/conversation";
import { createRedactor } from "../lib/redaction/redact";
import type { RedactionConfig } from "../lib/redaction/types";
import { clinicConfig, loadCallSet } from "../scripts/lib/redaction-eval";

/**
 * Redacting a whole end-of-call report inside the webhook (Vapi waits up to 20 s): transcripts
 * of 10,000 and 40,000 words made of the evaluation set's calls, redacted as one conversation
 * with the Harbour clinic's configuration, with its rules alone and with three more custom
 * rules (a keyword, a keyword that removes its value, a pattern). Goal: 40,000 words under
 * 1 s. The baseline in the same run is the 10,000-word transcript: linear time means the cost
 * per 1,000 words stays the same (ratio ~1), where the old detectors grew with the square.
 */
export interface RedactionBench {
  cases: { rules: string; words: number; medianMs: number; msPer1kWords: number }[];
  linearity: { rules: string; ratio: number }[];
}

function transcript(words: number): Turn[] {
  const { turns } = loadCallSet();
  const result: Turn[] = [];
  let count = 0;
  for (let round = 0; count < words; round++)
    for (const turn of turns) {
      if (count >= words) break;
      result.push({ role: turn.role, text: turn.text });
      count += turn.text.split(/\s+/).length;
    }
  return result;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function benchRedaction(): RedactionBench {
  const contexts = JSON.parse(readFileSync("eval/redaction/calls/clinic-context.json", "utf8"));
  const base = clinicConfig(contexts["harbour-aesthetics"]);
  const extra: RedactionConfig = {
    ...base,
    rules: [
      ...(base.rules ?? []),
      { kind: "keyword", value: "loyalty number", category: "ID" },
      { kind: "keyword", value: "door code", category: "CUSTOM", redactFollowing: true },
      { kind: "pattern", value: "\\bMBR-?\\d{6,9}\\b", category: "ID" },
    ],
  };
  const cases: RedactionBench["cases"] = [];
  for (const [label, config] of [
    ["clinic rules", base],
    ["clinic rules + 3 custom", extra],
  ] as const) {
    const redactor = createRedactor(config);
    redactConversation(redactor, transcript(2_000)); // warm-up
    for (const words of [10_000, 40_000]) {
      const turns = transcript(words);
      const times: number[] = [];
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        redactConversation(redactor, turns);
        times.push(performance.now() - started);
      }
      const medianMs = median(times);
      cases.push({ rules: label, words, medianMs, msPer1kWords: medianMs / (words / 1000) });
    }
  }
  const linearity = [...new Set(cases.map((entry) => entry.rules))].map((rules) => {
    const [small, large] = cases.filter((entry) => entry.rules === rules);
    return { rules, ratio: large!.msPer1kWords / small!.msPer1kWords };
  });
  return { cases, linearity };
}

export function printRedaction(result: RedactionBench) {
  console.log("\nRedaction of a whole call (goal: 40,000 words < 1 s, linear)");
  for (const entry of result.cases)
    console.log(
      `  ${entry.rules.padEnd(24)} ${String(entry.words).padStart(6)} words  ${entry.medianMs.toFixed(0).padStart(5)} ms  (${entry.msPer1kWords.toFixed(1)} ms per 1,000 words)`,
    );
  for (const entry of result.linearity)
    console.log(
      `  ${entry.rules.padEnd(24)} cost per word at 40k / at 10k: ${entry.ratio.toFixed(2)}×`,
    );
}
