// Checks us.jsonl and us-context.json (the tenth set's US half) and prints the counts
// us-README.md quotes: the checks every set shares (../../tools/checks.mjs), then this half's
// own. Run: node eval/redaction/tenth/tools/validate-us.mjs
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { alnumOf, checkCards, digitsOf, loadHalf, report } from "../../tools/checks.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLINIC = "pearl-district-aesthetics";
const CALL_IDS = /^t0(0[1-9]|[1-3][0-9]|40)$/;
const half = loadHalf(root, "us", { locales: ["US"], callIds: CALL_IDS });
const { turns, errors, warnings, context } = half;
const cardsChecked = checkCards(turns, errors);
const at = (turn) => `${turn.call}#${turn.turn}`;
const callText = (pattern) => new Set(turns.filter((t) => pattern.test(t.text)).map((t) => t.call));

// Every turn belongs to this half's one clinic.
for (const turn of turns)
  if (turn.clinic !== CLINIC) errors.push(`${at(turn)}: clinic ${turn.clinic}`);

// Raw caller turns are Deepgram without smart_format: lower case, words only, no punctuation
// other than apostrophes, no digits, no accents.
let rawChecked = 0;
for (const turn of turns) {
  if (turn.style !== "raw" || turn.role !== "caller") continue;
  rawChecked++;
  if (!/^[a-z' ]+$/.test(turn.text))
    errors.push(`${at(turn)}: raw caller turn not lowercase words: ${turn.text}`);
}

// A caller's ID fragments joined across consecutive turns: a fragment that is not "split"
// starts a run, "split" fragments continue it. `visit` sees every run as it grows.
function idRuns(calls, visit, { digitsOnly = false } = {}) {
  const runs = {};
  for (const turn of turns) {
    if (!calls.has(turn.call)) continue;
    for (const entity of turn.entities) {
      if (entity.type !== "ID") continue;
      const chars = alnumOf(entity.value);
      if (digitsOnly && digitsOf(entity.value) !== chars) continue;
      if (turn.role !== "caller") {
        visit(turn, entity, chars, true);
        continue;
      }
      const run = (runs[turn.call] ??= []);
      if (entity.class !== "split") run.length = 0;
      run.push(chars);
      visit(turn, entity, run.join(""), false);
    }
  }
}

// Medicare MBIs (no check digit in the scheme; the shape is checked): 11 characters, digit
// 1-9, letter, letter or digit, digit, letter, letter or digit, digit, letter, letter, digit,
// digit; never S L O I B Z. In calls that say Medicare, an ID with a letter that is (or joins
// to) 11 characters is an MBI.
const MBI_LETTER = "[AC-HJKMNP-RT-Y]";
const MBI = new RegExp(
  `^[1-9]${MBI_LETTER}(${MBI_LETTER}|[0-9])[0-9]${MBI_LETTER}(${MBI_LETTER}|[0-9])[0-9]${MBI_LETTER}{2}[0-9]{2}$`,
);
let mbiChecked = 0;
idRuns(callText(/medicare/i), (turn, entity, joined) => {
  if (joined.length !== 11 || /^[0-9]+$/.test(joined) || /^[HZ]/.test(joined)) return;
  mbiChecked++;
  if (!MBI.test(joined)) errors.push(`${at(turn)}: not an MBI shape: ${entity.value} (${joined})`);
});

// Insurer member ids, invented in shapes whose schemes publish no check digit: Humana
// (Medicare Advantage) H + 8 digits; Blue Cross Blue Shield of Texas under the invented
// alpha prefix ZQX (+ 9 digits). Any ID starting with H or ZQX, joined, must complete.
let memberChecked = 0;
const memberEnds = {};
idRuns(callText(/humana|blue cross|bcbs/i), (turn, entity, joined, assistant) => {
  if (!/^(H[0-9]|ZQX)/.test(joined)) return;
  if (assistant) {
    memberChecked++;
    if (!/^(H[0-9]{8}|ZQX[0-9]{9})$/.test(joined))
      errors.push(`${at(turn)}: member id read back in the wrong shape: ${entity.value}`);
  } else memberEnds[turn.call] = [turn, entity, joined];
});
for (const [turn, entity, joined] of Object.values(memberEnds)) {
  memberChecked++;
  if (!/^(H[0-9]{8}|ZQX[0-9]{9})$/.test(joined))
    errors.push(`${at(turn)}: member id not H+8 or ZQX+9: ${entity.value} (${joined})`);
}

// DoD ID numbers (EDIPI, no public check digit): in a call that says DoD or TRICARE, a caller's
// all-digit ID joined across split turns must end at exactly 10 digits.
let dodChecked = 0;
const dodEnds = {};
idRuns(
  callText(/\bdod\b|d o d|tricare/i),
  (turn, entity, joined, assistant) => {
    if (assistant) return;
    dodEnds[turn.call] = [turn, entity, joined];
  },
  { digitsOnly: true },
);
for (const [turn, entity, joined] of Object.values(dodEnds)) {
  dodChecked++;
  if (joined.length !== 10)
    errors.push(`${at(turn)}: DoD ID is not 10 digits: ${entity.value} (${joined})`);
}

// Texas driver's licences are 8 digits (invented): in a call that says "license", a caller's
// all-digit ID, joined across split turns, must end at exactly 8 digits.
let licencesChecked = 0;
const licenceEnds = {};
idRuns(
  callText(/licen[cs]e/i),
  (turn, entity, joined, assistant) => {
    if (!assistant) licenceEnds[turn.call] = [turn, entity, joined];
  },
  { digitsOnly: true },
);
for (const [turn, , joined] of Object.values(licenceEnds)) {
  licencesChecked++;
  if (joined.length !== 8) errors.push(`${at(turn)}: Texas licence is not 8 digits: ${joined}`);
}

// SSNs must be in ranges the SSA never issues (area 000, 666 or 900-999): in a call that says
// "social" or "SSN", a caller's 9-digit ID, whole or joined, is checked.
let ssnChecked = 0;
idRuns(
  callText(/social|\bssn\b|s s n/i),
  (turn, entity, joined, assistant) => {
    if (assistant || joined.length !== 9) return;
    ssnChecked++;
    if (!/^(000|666|9\d\d)/.test(joined))
      errors.push(`${at(turn)}: SSN in an issued range: ${entity.value} (${joined})`);
  },
  { digitsOnly: true },
);

// Phones must be fictional: every PHONE value that comes to 10 digits, or a caller's fragments
// joined across turns to 10, is a 555-0100..0199 number.
let phonesChecked = 0;
const phoneRuns = {};
const checkPhone = (turn, value, digits) => {
  phonesChecked++;
  if (!/^[2-9]\d\d55501\d\d$/.test(digits))
    errors.push(`${at(turn)}: phone outside 555-01xx: ${value} (${digits})`);
};
for (const turn of turns)
  for (const entity of turn.entities) {
    if (entity.type !== "PHONE") continue;
    const digits = digitsOf(entity.value);
    if (digits.length === 10) {
      checkPhone(turn, entity.value, digits);
      continue;
    }
    if (turn.role !== "caller") {
      errors.push(`${at(turn)}: a read-back phone is not 10 digits: ${entity.value}`);
      continue;
    }
    if (entity.class !== "split") phoneRuns[turn.call] = "";
    phoneRuns[turn.call] += digits;
    if (phoneRuns[turn.call].length === 10)
      checkPhone(turn, `${entity.value} (joined)`, phoneRuns[turn.call]);
    if (phoneRuns[turn.call].length > 10)
      errors.push(`${at(turn)}: phone fragments run past 10 digits: ${phoneRuns[turn.call]}`);
  }

// Chart numbers: a written PDA number matches the clinic's pattern rule and is labelled
// wherever it occurs; a spoken one ("p d a three oh …"), or a written one cut short at a pause
// ("PDA-610…"), continued by split fragments, comes to six digits.
const pattern = context[CLINIC].rules.find((r) => r.kind === "pattern");
const chartRule = new RegExp(pattern.value);
let chartsChecked = 0;
const chartRuns = {};
for (const turn of turns) {
  for (const match of turn.text.matchAll(new RegExp(pattern.value, "g")))
    if (!turn.entities.some((e) => e.value.includes(match[0])))
      errors.push(`${at(turn)}: chart number not labelled: ${match[0]}`);
  for (const entity of turn.entities) {
    if (entity.type !== "ID") continue;
    if (/^PDA[- ]?\d/.test(entity.value) && digitsOf(entity.value).length < 6)
      chartRuns[turn.call] = digitsOf(entity.value);
    else if (/^PDA[- ]?\d/.test(entity.value)) {
      chartsChecked++;
      if (!chartRule.test(entity.value))
        errors.push(`${at(turn)}: chart number misses the pattern: ${entity.value}`);
    } else if (/^p d a\b/.test(entity.value)) chartRuns[turn.call] = digitsOf(entity.value);
    else if (entity.class === "split" && chartRuns[turn.call] !== undefined)
      chartRuns[turn.call] += digitsOf(entity.value);
  }
}
for (const [call, digits] of Object.entries(chartRuns)) {
  chartsChecked++;
  if (digits.length !== 6) errors.push(`${call}: spoken chart number is not PDA + 6: ${digits}`);
}

// No keyword of the clinic's keyword rules sits inside a label or a business string (only the
// value after the keyword is redacted; the keyword itself is neither).
const keywords = context[CLINIC].rules.filter((r) => r.kind === "keyword").map((r) => r.value);
for (const turn of turns)
  for (const value of [...turn.entities.map((e) => e.value), ...turn.business])
    for (const keyword of keywords)
      if (value.toLowerCase().includes(keyword.toLowerCase()))
        errors.push(
          `${at(turn)}: keyword "${keyword}" inside a label or business string: ${value}`,
        );

// Size: 36-40 calls, each 10-22 turns, at least 480 turns, at least a third of turns clean.
const callLengths = {};
for (const turn of turns) callLengths[turn.call] = turn.turn;
const callCount = Object.keys(callLengths).length;
if (callCount < 36 || callCount > 40) errors.push(`${callCount} calls, not 36-40`);
for (const [call, length] of Object.entries(callLengths))
  if (length < 10 || length > 22) errors.push(`${call}: ${length} turns, not 10-22`);
if (turns.length < 480) errors.push(`only ${turns.length} turns, not 480`);
const cleanCount = turns.filter((t) => !t.entities.length && t.business.length).length;
if (cleanCount * 3 < turns.length) errors.push(`only ${cleanCount} clean turns of ${turns.length}`);

// Warnings (a value twice in one turn) count as errors here.
for (const warning of warnings.splice(0)) errors.push(`(warning) ${warning}`);

report(half, {
  summary: `full card numbers Luhn-checked: ${cardsChecked}; MBIs shape-checked: ${mbiChecked}; member ids checked: ${memberChecked}; DoD IDs checked: ${dodChecked}; TX licences checked: ${licencesChecked}; SSNs range-checked: ${ssnChecked}; phones checked: ${phonesChecked}; chart numbers checked: ${chartsChecked}; raw caller turns checked: ${rawChecked}`,
  nameWords:
    "may|grace|will|bill|rose|april|june|mark|hope|faith|summer|dawn|jack|joy|chase|autumn|frank|love|king|sunny|precious|destiny|ivy|ginger|pearl|earl|crystal|heaven|mercedes|dale|august|sugar|honey|ray|sterling|angel|dixie|patience|charity|major|sonny|mercy|beau|chance|blessing|dolly|marie|dusty|glory|chip|sky|star|lupe|brooke|cruz|rusty|buddy",
  tallies: [
    ["style", (t) => t.style],
    ["role/style", (t) => `${t.role}/${t.style}`],
    ["role", (t) => t.role],
  ],
});
