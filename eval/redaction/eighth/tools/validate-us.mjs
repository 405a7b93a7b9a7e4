// Checks us.jsonl and us-context.json (the eighth set's US half) and prints the counts
// us-README.md quotes: the checks every set shares (../../tools/checks.mjs), then this half's
// own. Run: node eval/redaction/eighth/tools/validate-us.mjs
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { alnumOf, checkCards, digitsOf, loadHalf, report } from "../../tools/checks.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const half = loadHalf(root, "us", { locales: ["US"], callIds: /^y0(0[1-9]|[1-3][0-9]|40)$/ });
const { turns, errors, context } = half;
const cardsChecked = checkCards(turns, errors);

// Raw caller turns are Deepgram without smart_format: lower case, words only, no punctuation
// other than apostrophes, no digits.
let rawChecked = 0;
for (const turn of turns) {
  if (turn.style !== "raw" || turn.role !== "caller") continue;
  rawChecked++;
  if (!/^[a-z' ]+$/.test(turn.text))
    errors.push(`${turn.call}#${turn.turn}: raw caller turn not lowercase words: ${turn.text}`);
}

// Medicare MBIs must have the MBI shape (11 characters: digit 1-9, letter, letter or digit,
// digit, letter, letter or digit, digit, letter, letter, digit, digit; no S L O I B Z). Any ID
// value (or a caller's split MBI joined across turns) in a call that mentions Medicare and
// normalises to 11 characters with a letter is checked.
const MBI_LETTER = "[AC-HJKMNP-RT-Y]";
const MBI = new RegExp(
  `^[1-9]${MBI_LETTER}(${MBI_LETTER}|[0-9])[0-9]${MBI_LETTER}(${MBI_LETTER}|[0-9])[0-9]${MBI_LETTER}{2}[0-9]{2}$`,
);
const medicareCalls = new Set(turns.filter((t) => /medicare/i.test(t.text)).map((t) => t.call));
let mbiChecked = 0;
const mbiRuns = {};
for (const turn of turns) {
  if (!medicareCalls.has(turn.call)) continue;
  for (const entity of turn.entities) {
    if (entity.type !== "ID") continue;
    let candidate = alnumOf(entity.value);
    if (turn.role === "caller" && candidate.length < 11) {
      const run = (mbiRuns[turn.call] ??= []);
      if (entity.class !== "split") run.length = 0;
      run.push(candidate);
      candidate = run.join("");
      if (candidate.length !== 11) continue;
    }
    if (candidate.length !== 11 || /^[0-9]+$/.test(candidate)) continue;
    mbiChecked++;
    if (!MBI.test(candidate))
      errors.push(`${turn.call}#${turn.turn}: not an MBI shape: ${entity.value} (${candidate})`);
  }
}

// Phones must be fictional: every PHONE value, written or spoken, is a 555-01xx number.
let phonesChecked = 0;
for (const turn of turns)
  for (const entity of turn.entities) {
    if (entity.type !== "PHONE") continue;
    const digits = digitsOf(entity.value);
    if (digits.length !== 10) continue;
    phonesChecked++;
    if (!/^[2-9]\d\d55501\d\d$/.test(digits))
      errors.push(`${turn.call}#${turn.turn}: phone outside 555-01xx: ${entity.value}`);
  }

// Caller fragments of an all-digit ID joined across consecutive turns (a "context" or
// "identifiers" fragment followed by "split" ones), in calls whose text matches `cue`.
function digitRuns(cue, visit) {
  const calls = new Set(turns.filter((t) => cue.test(t.text)).map((t) => t.call));
  const runs = {};
  for (const turn of turns) {
    if (!calls.has(turn.call) || turn.role !== "caller") continue;
    for (const entity of turn.entities) {
      if (entity.type !== "ID") continue;
      const digits = digitsOf(entity.value);
      if (!digits || digits.length !== alnumOf(entity.value).length) continue;
      const run = (runs[turn.call] ??= []);
      if (entity.class !== "split") run.length = 0;
      run.push(digits);
      visit(turn, entity, run.join(""));
    }
  }
}

// SSNs must be in ranges the SSA never issues (area 000, 666 or 900-999): in a call that says
// "social" or "SSN", every 9-digit caller ID value, or fragments joined to 9 digits, is checked.
let ssnChecked = 0;
digitRuns(/social|\bssn\b|s s n/i, (turn, entity, joined) => {
  if (joined.length !== 9) return;
  ssnChecked++;
  if (!/^(000|666|9\d\d)/.test(joined))
    errors.push(`${turn.call}#${turn.turn}: SSN in an issued range: ${entity.value} (${joined})`);
});

// Georgia driver's licences are 9 digits: in a call that says "license" or "licence" (and no
// SSN), a caller's all-digit ID, joined across split turns, must come to exactly 9 digits.
let licencesChecked = 0;
const licenceEnds = {};
digitRuns(/licen[cs]e/i, (turn, entity, joined) => {
  if (turns.some((t) => t.call === turn.call && /social|\bssn\b/i.test(t.text))) return;
  licenceEnds[turn.call] = joined;
});
for (const [call, digits] of Object.entries(licenceEnds)) {
  licencesChecked++;
  if (digits.length !== 9) errors.push(`${call}: Georgia licence is not 9 digits: ${digits}`);
}

// Chart numbers: a written ID starting PGA must match the clinic's pattern rule; a spoken one
// ("p g a four one …", continued by "split" fragments) must come to five digits.
const pattern = context["peachtree-glow"].rules.find((r) => r.kind === "pattern");
const chartRule = new RegExp(pattern.value);
let chartsChecked = 0;
const chartRuns = {};
for (const turn of turns)
  for (const entity of turn.entities) {
    if (entity.type !== "ID") continue;
    if (/^PGA\b|^PGA-/.test(entity.value)) {
      chartsChecked++;
      if (turn.role === "caller" && !chartRule.test(entity.value) && entity.value.length > 3)
        errors.push(`${turn.call}#${turn.turn}: chart number misses the pattern: ${entity.value}`);
      if (entity.value === "PGA") chartRuns[turn.call] = "";
    } else if (/^p g a\b/.test(entity.value)) chartRuns[turn.call] = digitsOf(entity.value);
    else if (entity.class === "split" && chartRuns[turn.call] !== undefined)
      chartRuns[turn.call] += digitsOf(entity.value);
  }
for (const [call, digits] of Object.entries(chartRuns)) {
  chartsChecked++;
  if (digits.length !== 5) errors.push(`${call}: spoken chart number is not PGA + 5: ${digits}`);
}

report(half, {
  summary: `full card numbers Luhn-checked: ${cardsChecked}; MBIs shape-checked: ${mbiChecked}; whole 10-digit phones checked: ${phonesChecked}; SSNs range-checked: ${ssnChecked}; GA licences checked: ${licencesChecked}; chart numbers checked: ${chartsChecked}; raw caller turns checked: ${rawChecked}`,
  nameWords:
    "may|grace|will|bill|rose|april|june|mark|hope|faith|summer|dawn|jack|joy|chase|autumn|frank|love|king|sunny|precious|destiny|ivy|ginger|pearl|earl|crystal|heaven|mercedes|dale|august|sugar|honey|ray|sterling|angel|dixie|patience|charity|major|sonny",
  tallies: [
    ["style", (t) => t.style],
    ["role/style", (t) => `${t.role}/${t.style}`],
    ["role", (t) => t.role],
  ],
});
