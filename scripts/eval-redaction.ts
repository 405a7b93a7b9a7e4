/**
 * `npm run eval:redaction [-- --verbose]` — scores the redactor on both labelled sets:
 * - eval/redaction/turns.jsonl: single turns, recall per category and the share of
 *   non-sensitive words kept (the first targets);
 * - eval/redaction/calls: whole calls through the production path (the conversation with its
 *   context, each clinic's configuration), recall per category, per class and per transcript
 *   style, and the share of business words kept, for the half tuned on and the half held out.
 * - eval/redaction/fresh: a third whole-call set written blind to the redactor's code, after
 *   the fixes the first two sets led to: the honest figure for text nobody tuned on.
 * - eval/redaction/third, fourth, fifth, sixth, seventh, eighth, ninth, tenth, eleventh, twelfth,
 *   thirteenth, fourteenth, fifteenth, sixteenth and seventeenth: fifteen more blind sets (two
 *   new clinics each, UK and US), each written after the fixes the one before it led to.
 * Exits non-zero below the targets (whole calls: recall >= 99.5%, business words >= 97%).
 */
import { readFileSync } from "node:fs";

import {
  CALL_TARGETS,
  evaluateRedaction,
  meetsTargets,
  overallRecall,
  type CallEvaluation,
  type LabelledTurn,
} from "../lib/redaction/evaluate";
import { createRedactor } from "../lib/redaction/redact";
import { isHeldOut, loadCallSet, scoreCalls } from "./lib/redaction-eval";

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

// Whole calls: the half tuned on (odd call numbers) and the half held out (even).
const calls = loadCallSet();
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
const failures: string[] = [];
function report(label: string, result: CallEvaluation) {
  const overall = overallRecall(result);
  console.log(
    `\nWhole calls, ${label}: ${result.calls} calls, ${result.turns} turns; recall ${pct(overall.recall)} (${overall.caught}/${overall.total}), business words kept ${pct(result.business.share)} (${result.business.kept}/${result.business.total}); spans whose every word but grammar is removed ${pct(result.words.recall)} (${result.words.caught}/${result.words.total})`,
  );
  for (const [group, stats] of [
    ["type", result.perType],
    ["class", result.perClass],
    ["style", result.perStyle],
  ] as const)
    for (const [key, entry] of Object.entries(stats))
      console.log(
        `  ${group.padEnd(6)} ${key.padEnd(18)} ${String(entry.caught).padStart(4)}/${String(entry.total).padEnd(4)} ${pct(entry.recall).padStart(7)}`,
      );
  if (process.argv.includes("--verbose")) {
    for (const leak of result.leaks)
      console.log(
        `  leak   ${leak.call}#${leak.turn} ${leak.class} ${leak.type}: ${JSON.stringify(leak.value)}`,
      );
    for (const lost of result.lostBusiness)
      console.log(`  lost   ${lost.call}#${lost.turn}: ${JSON.stringify(lost.word)}`);
  }
  if (overall.recall < CALL_TARGETS.recall)
    failures.push(
      `whole calls (${label}): recall ${pct(overall.recall)} < ${pct(CALL_TARGETS.recall)}`,
    );
  if (result.business.share < CALL_TARGETS.businessKept)
    failures.push(
      `whole calls (${label}): business words kept ${pct(result.business.share)} < ${pct(CALL_TARGETS.businessKept)}`,
    );
}
/** A set's two halves: the odd calls may be read and tuned on, the even ones judge. */
function reportHalves(prefix: string, set: ReturnType<typeof loadCallSet>) {
  for (const heldOut of [false, true])
    report(
      `${prefix}${heldOut ? "held-out" : "tuned-on"} half`,
      scoreCalls(
        set.turns.filter((turn) => isHeldOut(turn.call) === heldOut),
        set.redactorFor,
      ),
    );
}
reportHalves("", calls);
// A third set, written blind to the redactor's code after the fixes above (eval/redaction/fresh).
// Its first run, before any fix, scored 88.0% recall over all 180 calls.
reportHalves("fresh set, ", loadCallSet("eval/redaction/fresh"));
// A fourth set, blind again (eval/redaction/third: two new clinics, written 2026-12-01). Its
// first run, before any fix it led to, scored 91.2% recall (618/678) and kept 97.7% of business
// words over all 120 calls.
reportHalves("third set, ", loadCallSet("eval/redaction/third"));
// A fifth, blind once more (eval/redaction/fourth: Glasgow and Houston), written after the fixes
// the third set led to: its first run scored 92.6% (499/539), business words 98.2%.
reportHalves("fourth set, ", loadCallSet("eval/redaction/fourth"));
// And a sixth (eval/redaction/fifth: Liverpool and Seattle), after the fixes the fourth led to:
// first run 90.9% (498/548), business words 98.0%.
reportHalves("fifth set, ", loadCallSet("eval/redaction/fifth"));
// And a seventh (eval/redaction/sixth: Cardiff and Chicago): first run 92.4% (685/741) on the code
// before it existed, 93.8% after that morning's changes made without it, business words 99.3%.
reportHalves("sixth set, ", loadCallSet("eval/redaction/sixth"));
// And an eighth (eval/redaction/seventh: Newcastle and Boston): first run 87.4% (601/688) on the
// code before it existed, 89.5% after that day's changes made without it, business words 98.5%.
reportHalves("seventh set, ", loadCallSet("eval/redaction/seventh"));
// And a ninth (eval/redaction/eighth: Belfast and Atlanta): first run 91.0% (548/602) on the
// code before it existed, business words 99.0%.
reportHalves("eighth set, ", loadCallSet("eval/redaction/eighth"));
// And a tenth (eval/redaction/ninth: Bristol and New Orleans): first run 93.3% (715/766) on the
// code before it existed (93.2% on that morning's code), business words 98.6%.
reportHalves("ninth set, ", loadCallSet("eval/redaction/ninth"));
// And an eleventh (eval/redaction/tenth: Birmingham and San Antonio): first run 92.5% (748/809)
// on the code before it existed (the same on that morning's code), business words 99.1%.
reportHalves("tenth set, ", loadCallSet("eval/redaction/tenth"));
// And a twelfth (eval/redaction/eleventh: Leicester and Philadelphia): first run 93.0% (721/775)
// on the code before it existed (92.5% on that morning's code), business words 99.3%.
reportHalves("eleventh set, ", loadCallSet("eval/redaction/eleventh"));
// And a thirteenth (eval/redaction/twelfth: Norwich and Miami): first run 94.1% (798/848) on the
// code before it existed (the same on that day's starting code), business words 98.9%.
reportHalves("twelfth set, ", loadCallSet("eval/redaction/twelfth"));
// And a fourteenth (eval/redaction/thirteenth: Plymouth and Minneapolis): first run 92.7%
// (798/861) on the code before it existed (91.2% on that day's starting code), business words
// 99.0%.
reportHalves("thirteenth set, ", loadCallSet("eval/redaction/thirteenth"));
// And a fifteenth (eval/redaction/fourteenth: Hull and Honolulu): first run 93.2% (796/854) on the
// code before it existed (91.9% on that day's starting code), business words 99.3%.
reportHalves("fourteenth set, ", loadCallSet("eval/redaction/fourteenth"));
// And a sixteenth (eval/redaction/fifteenth: Aberdeen and Albuquerque): first run 91.4% (868/950)
// on the code before it existed (90.0% on that day's starting code), business words 99.2%.
reportHalves("fifteenth set, ", loadCallSet("eval/redaction/fifteenth"));
// And a seventeenth (eval/redaction/sixteenth: Dudley and Pittsburgh): first run 92.5% (944/1021)
// on the code before it existed (90.1% on that day's starting code), business words 99.4%.
reportHalves("sixteenth set, ", loadCallSet("eval/redaction/sixteenth"));
// And an eighteenth (eval/redaction/seventeenth: Swansea and Baltimore, raw and smart calls in
// both halves): first run 91.1% (1022/1122) on the code before it existed (85.5% on that day's
// starting code), business words 99.3%.
reportHalves("seventeenth set, ", loadCallSet("eval/redaction/seventeenth"));
console.log(
  failures.length ? `\nBelow target:\n  ${failures.join("\n  ")}` : "\nWhole-call targets met.",
);
process.exit(verdict.ok && failures.length === 0 ? 0 : 1);
