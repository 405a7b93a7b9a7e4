// Checks us.jsonl and us-context.json (the seventh set's US half) and prints the counts
// us-README.md quotes: the checks every set shares (../../tools/checks.mjs), then this half's
// own. Run: node eval/redaction/seventh/tools/validate-us.mjs
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { alnumOf, checkCards, digitsOf, loadHalf, mod11, report } from "../../tools/checks.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const half = loadHalf(root, "us", { locales: ["US"], callIds: /^w0(0[1-9]|[1-3][0-9]|4[0-5])$/ });
const { turns, errors } = half;
const cardsChecked = checkCards(turns, errors);

// NHS numbers (a UK visitor's) must pass the mod-11 check: any ID value of exactly ten digits,
// written or spoken, is checked.
let nhsChecked = 0;
for (const turn of turns)
  for (const entity of turn.entities) {
    if (entity.type !== "ID" || !/nhs/i.test(turn.text)) continue;
    const digits = digitsOf(entity.value);
    if (digits.length !== 10) continue;
    nhsChecked++;
    if (!mod11(digits))
      errors.push(`${turn.call}#${turn.turn}: NHS number fails mod-11: ${entity.value}`);
  }

// Medicare MBIs must have the MBI shape (11 characters: digit 1-9, letter, letter or digit,
// digit, letter, letter or digit, digit, letter, letter, digit, digit; no S L O I B Z). Any ID
// value (or a caller's split MBI joined across turns) in a call that mentions Medicare and
// normalises to 11 characters is checked.
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

// SSNs must be in ranges the SSA never issues (area 000, 666 or 900-999): in a call that says
// "social" or "SSN", every 9-digit ID value, or caller ID fragments joined across consecutive
// turns (an "identifiers" or "context" fragment followed by "split" ones), is checked.
let ssnChecked = 0;
const ssnCalls = new Set(
  turns.filter((t) => /social|\bssn\b|s s n/i.test(t.text)).map((t) => t.call),
);
const ssnRuns = {};
for (const turn of turns) {
  if (!ssnCalls.has(turn.call) || turn.role !== "caller") continue;
  for (const entity of turn.entities) {
    if (entity.type !== "ID") continue;
    const digits = digitsOf(entity.value);
    if (digits.length !== alnumOf(entity.value).length) continue;
    const run = (ssnRuns[turn.call] ??= []);
    if (entity.class !== "split") run.length = 0;
    run.push(digits);
    const joined = run.join("");
    if (joined.length !== 9) continue;
    ssnChecked++;
    if (!/^(000|666|9\d\d)/.test(joined))
      errors.push(`${turn.call}#${turn.turn}: SSN in an issued range: ${entity.value} (${joined})`);
  }
}

// Massachusetts driver's licences: in a call that says "license" or "licence", an ID value that
// starts with the letter S (written, or spoken and continued by "split" fragments in the
// following caller turns, joined) must be S followed by 8 digits.
let licencesChecked = 0;
const licenceCalls = new Set(turns.filter((t) => /licen[cs]e/i.test(t.text)).map((t) => t.call));
const licenceRuns = {};
for (const turn of turns) {
  if (!licenceCalls.has(turn.call) || turn.role !== "caller") continue;
  for (const entity of turn.entities) {
    if (entity.type !== "ID") continue;
    const value = entity.value.trim();
    if (/^s\b|^s\d/i.test(value)) licenceRuns[turn.call] = digitsOf(value.replace(/^s/i, ""));
    else if (entity.class === "split" && licenceRuns[turn.call] !== undefined)
      licenceRuns[turn.call] += digitsOf(value);
    else continue;
    const digits = licenceRuns[turn.call];
    if (digits.length < 8) continue;
    licencesChecked++;
    delete licenceRuns[turn.call];
    if (digits.length !== 8)
      errors.push(`${turn.call}#${turn.turn}: not S + 8 digits: ${entity.value} (${digits})`);
  }
}
for (const [call, digits] of Object.entries(licenceRuns))
  errors.push(`${call}: licence fragments ${digits} never reach S + 8 digits`);

report(half, {
  summary: `full card numbers Luhn-checked: ${cardsChecked}; NHS numbers mod-11-checked: ${nhsChecked}; MBIs shape-checked: ${mbiChecked}; whole 10-digit phones checked: ${phonesChecked}; SSNs range-checked: ${ssnChecked}; MA licences checked: ${licencesChecked}`,
  nameWords:
    "may|grace|will|bill|rose|april|june|mark|hope|faith|summer|dawn|jack|joy|chase|autumn|frank|love|king|sunny|precious|destiny|ivy|ginger|pearl|earl|crystal|heaven|mercedes|dale|sandy|art|cliff|rusty|patience|marie|victory|august",
  tallies: [
    ["style", (t) => t.style],
    ["role/style", (t) => `${t.role}/${t.style}`],
    ["role", (t) => t.role],
  ],
});
