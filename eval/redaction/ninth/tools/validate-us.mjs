// Checks us.jsonl and us-context.json (the ninth set's US half) and prints the counts
// us-README.md quotes: the checks every set shares (../../tools/checks.mjs), then this half's
// own. Run: node eval/redaction/ninth/tools/validate-us.mjs
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { alnumOf, checkCards, digitsOf, loadHalf, report } from "../../tools/checks.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLINIC = "magazine-street-aesthetics";
const half = loadHalf(root, "us", { locales: ["US"], callIds: /^u0(0[1-9]|[1-3][0-9]|40)$/ });
const { turns, errors, warnings, context } = half;
const cardsChecked = checkCards(turns, errors);

// Every turn belongs to this half's one clinic.
for (const turn of turns)
  if (turn.clinic !== CLINIC) errors.push(`${turn.call}#${turn.turn}: clinic ${turn.clinic}`);

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

// Phones must be fictional: every PHONE value, written or spoken, that comes to 10 digits is a
// 555-01xx number; a caller's phone fragments joined across turns are checked the same way.
let phonesChecked = 0;
const phoneRuns = {};
const checkPhone = (turn, value, digits) => {
  phonesChecked++;
  if (!/^[2-9]\d\d55501\d\d$/.test(digits))
    errors.push(`${turn.call}#${turn.turn}: phone outside 555-01xx: ${value} (${digits})`);
};
for (const turn of turns)
  for (const entity of turn.entities) {
    if (entity.type !== "PHONE") continue;
    const digits = digitsOf(entity.value);
    if (digits.length === 10) {
      checkPhone(turn, entity.value, digits);
      continue;
    }
    if (turn.role !== "caller") continue;
    if (entity.class !== "split") phoneRuns[turn.call] = "";
    phoneRuns[turn.call] = (phoneRuns[turn.call] ?? "") + digits;
    const joined = phoneRuns[turn.call];
    if (joined.length === 10) checkPhone(turn, `${entity.value} (joined)`, joined);
    else if (joined.length === 7 && entity.class === "split" && /^55501/.test(joined))
      phonesChecked++;
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

// Louisiana driver's licences here are 9 digits, invented: in a call that says "license" (and
// no SSN), a caller's all-digit ID, joined across split turns, must come to exactly 9 digits.
let licencesChecked = 0;
const licenceEnds = {};
digitRuns(/licen[cs]e/i, (turn, entity, joined) => {
  if (turns.some((t) => t.call === turn.call && /social|\bssn\b/i.test(t.text))) return;
  licenceEnds[turn.call] = joined;
});
for (const [call, digits] of Object.entries(licenceEnds)) {
  licencesChecked++;
  if (digits.length !== 9) errors.push(`${call}: Louisiana licence is not 9 digits: ${digits}`);
}

// Chart numbers: a written ID starting MSA must match the clinic's pattern rule; a spoken one
// ("m s a four one …", continued by "split" fragments) must come to five digits; and no written
// MSA number in any turn may be left unlabelled.
const pattern = context[CLINIC].rules.find((r) => r.kind === "pattern");
const chartRule = new RegExp(pattern.value);
let chartsChecked = 0;
const chartRuns = {};
for (const turn of turns) {
  for (const match of turn.text.matchAll(new RegExp(pattern.value, "g")))
    if (!turn.entities.some((e) => e.value.includes(match[0])))
      errors.push(`${turn.call}#${turn.turn}: chart number not labelled: ${match[0]}`);
  for (const entity of turn.entities) {
    if (entity.type !== "ID") continue;
    if (/^MSA[- ]?\d/.test(entity.value)) {
      chartsChecked++;
      if (!chartRule.test(entity.value))
        errors.push(`${turn.call}#${turn.turn}: chart number misses the pattern: ${entity.value}`);
    } else if (/^m s a\b/.test(entity.value)) chartRuns[turn.call] = digitsOf(entity.value);
    else if (entity.class === "split" && chartRuns[turn.call] !== undefined)
      chartRuns[turn.call] += digitsOf(entity.value);
  }
}
for (const [call, digits] of Object.entries(chartRuns)) {
  chartsChecked++;
  if (digits.length !== 5) errors.push(`${call}: spoken chart number is not MSA + 5: ${digits}`);
}

// No keyword of the clinic's keyword rules sits inside a label (the keyword is not redacted,
// only the value after it), and every call has at least 10 turns.
const keywords = context[CLINIC].rules.filter((r) => r.kind === "keyword").map((r) => r.value);
for (const turn of turns)
  for (const entity of turn.entities)
    for (const keyword of keywords)
      if (entity.value.toLowerCase().includes(keyword.toLowerCase()))
        errors.push(`${turn.call}#${turn.turn}: keyword "${keyword}" inside a label`);
const callLengths = {};
for (const turn of turns) callLengths[turn.call] = turn.turn;
for (const [call, length] of Object.entries(callLengths))
  if (length < 10) errors.push(`${call}: only ${length} turns`);

// Warnings (a value twice in one turn) count as errors here.
for (const warning of warnings.splice(0)) errors.push(`(warning) ${warning}`);

report(half, {
  summary: `full card numbers Luhn-checked: ${cardsChecked}; MBIs shape-checked: ${mbiChecked}; phones checked: ${phonesChecked}; SSNs range-checked: ${ssnChecked}; LA licences checked: ${licencesChecked}; chart numbers checked: ${chartsChecked}; raw caller turns checked: ${rawChecked}`,
  nameWords:
    "may|grace|will|bill|rose|april|june|mark|hope|faith|summer|dawn|jack|joy|chase|autumn|frank|love|king|sunny|precious|destiny|ivy|ginger|pearl|earl|crystal|heaven|mercedes|dale|august|sugar|honey|ray|sterling|angel|dixie|patience|charity|major|sonny|mercy|beau|chance|blessing|dolly|marie",
  tallies: [
    ["style", (t) => t.style],
    ["role/style", (t) => `${t.role}/${t.style}`],
    ["role", (t) => t.role],
  ],
});
