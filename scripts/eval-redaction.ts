/**
 * `npm run eval:redaction [-- --verbose]` — scores the redactor on the labelled evaluation set
 * (eval/redaction/turns.jsonl): recall per category and the share of non-sensitive words kept.
 * Exits non-zero below the targets.
 */
import { readFileSync } from "node:fs";

import { evaluateRedaction, meetsTargets, type LabelledTurn } from "../lib/redaction/evaluate";
import { createRedactor } from "../lib/redaction/redact";

// The demo clinic's business words, as the intercept would allow them.
const ALLOW = [
  "Facelift",
  "face lift",
  "rhytidectomy",
  "Rhinoplasty",
  "nose job",
  "Blepharoplasty",
  "eyelid surgery",
  "Botox",
  "Tummy tuck",
  "abdominoplasty",
  "Breast augmentation",
  "breast implants",
  "boob job",
  "Amara Okafor",
  "James Whitfield",
  "Harbour Aesthetics",
  "Voxanne",
];

const turns: LabelledTurn[] = readFileSync("eval/redaction/turns.jsonl", "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line));
const evaluation = evaluateRedaction(createRedactor({ allow: ALLOW }), turns);

console.log(`Redaction evaluation: ${evaluation.turns} labelled turns\n`);
console.log(
  `${"category".padEnd(10)} ${"labelled".padStart(8)} ${"caught".padStart(7)} ${"recall".padStart(8)}`,
);
for (const [type, stats] of Object.entries(evaluation.perType)) {
  if (stats.total === 0) continue;
  console.log(
    `${type.padEnd(10)} ${String(stats.total).padStart(8)} ${String(stats.caught).padStart(7)} ${(stats.recall * 100).toFixed(1).padStart(7)}%`,
  );
}
console.log(
  `\nnon-sensitive words kept: ${evaluation.wordsKept.kept} of ${evaluation.wordsKept.total} (${(evaluation.wordsKept.share * 100).toFixed(1)}%)`,
);
if (process.argv.includes("--verbose")) {
  for (const leak of evaluation.leaks)
    console.log(`leak      ${leak.id} ${leak.type}: ${JSON.stringify(leak.value)}`);
  for (const word of evaluation.overRedacted)
    console.log(`redacted  ${word.id}: ${JSON.stringify(word.word)}`);
}
const verdict = meetsTargets(evaluation);
console.log(
  verdict.ok ? "\nAll targets met." : `\nBelow target:\n  ${verdict.failures.join("\n  ")}`,
);
process.exit(verdict.ok ? 0 : 1);
