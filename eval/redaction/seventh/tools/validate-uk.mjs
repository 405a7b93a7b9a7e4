// Checks uk.jsonl and uk-context.json (the seventh set, UK half) and prints the counts the README
// quotes: the checks every set shares (../../tools/checks.mjs), then this half's own.
// Run: node eval/redaction/seventh/tools/validate-uk.mjs
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { checkCards, DIGIT_WORDS, digitsOf, loadHalf, mod11, report } from "../../tools/checks.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const half = loadHalf(root, "uk", {
  locales: ["UK", "US"],
  callIds: /^v0(0[1-9]|[1-3][0-9]|4[0-5])$/,
});
const { turns, context, errors } = half;
const cardsChecked = checkCards(turns, errors);

// NHS numbers must pass the mod-11 check: once a turn of a call mentions "NHS", the digits of the
// caller's next ID values are joined (across consecutive turns) until they number ten.
const digitsOnly = (value) =>
  value
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .every(
      (token) =>
        /^[0-9]+$/.test(token) || token in DIGIT_WORDS || token === "double" || token === "triple",
    );
let nhsChecked = 0;
{
  let call = null;
  let pending = "";
  let cue = false;
  for (const turn of turns) {
    if (turn.call !== call) [call, pending, cue] = [turn.call, "", false];
    if (/\bNHS\b/i.test(turn.text)) cue = true;
    if (!cue || turn.role !== "caller") continue;
    // Only ID values made of digits (written or spoken) count: a National Insurance number or a
    // file number given after an NHS cue (a caller mixing them up) is not an NHS number.
    for (const entity of turn.entities.filter((e) => e.type === "ID" && digitsOnly(e.value))) {
      pending += digitsOf(entity.value);
      if (pending.length < 10) continue;
      nhsChecked++;
      if (pending.length > 10 || !mod11(pending))
        errors.push(`${turn.call}#${turn.turn}: NHS number fails mod-11: ${pending}`);
      [pending, cue] = ["", false];
    }
  }
}

// Phones must come from Ofcom's drama ranges: every PHONE value that is a whole number (10 or 11
// digits, written or read back) must be 07700 900xxx, 029 2018 0xxx, 01632 960xxx, 020 7946 0xxx
// 0191 498 0xxx (Tyneside) or 01xx 496 0xxx. Spoken fragments ("nine hundred") are checked through Voxanne's read-backs.
const DRAMA =
  /^(07700900\d{3}|02920180\d{3}|01632960\d{3}|02079460\d{3}|01914980\d{3}|01\d{2}4960\d{3})$/;
let phonesChecked = 0;
for (const turn of turns)
  for (const entity of turn.entities) {
    if (entity.type !== "PHONE" || /hundred/i.test(entity.value)) continue;
    const digits = digitsOf(entity.value);
    if (digits.length < 10) continue;
    phonesChecked++;
    if (!DRAMA.test(digits))
      errors.push(`${turn.call}#${turn.turn}: phone outside the drama ranges: ${entity.value}`);
  }

// Record numbers: every written ID value starting OBA must match the clinic's pattern rule.
{
  const rule = Object.values(context)
    .find((c) => typeof c === "object")
    ?.rules?.find((r) => r.kind === "pattern");
  const pattern = new RegExp(rule.value);
  for (const turn of turns)
    for (const entity of turn.entities)
      if (entity.type === "ID" && /^OBA\b/.test(entity.value) && !pattern.test(entity.value))
        errors.push(
          `${turn.call}#${turn.turn}: record number does not match ${rule.value}: ${entity.value}`,
        );
}

report(half, {
  summary: `full card numbers Luhn-checked: ${cardsChecked}; NHS numbers mod-11-checked: ${nhsChecked}; whole phones range-checked: ${phonesChecked}`,
  nameWords:
    "may|grace|will|bill|rose|april|june|mark|hope|faith|summer|dawn|jack|joy|robin|sunny|heather|holly|pearl|ruby|iris|hazel|carol|frank|glen|ivy|pat|crystal|chase|sterling|bonnie|amber|angel|sky|precious|patience|comfort|blessing",
  tallies: [
    ["style", (t) => t.style],
    ["locale", (t) => t.locale],
    ["role", (t) => t.role],
  ],
});
