// Checks us.jsonl and us-context.json (the seventeenth folder's US half, clinic
// fells-point-aesthetics) and prints the counts us-README.md quotes: the checks every set
// shares (../../tools/checks.mjs), then this half's own. Run:
// node eval/redaction/seventeenth/tools/validate-us.mjs
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import {
  alnumOf,
  checkCards,
  DIGIT_WORDS,
  digitsOf,
  loadHalf,
  report,
} from "../../tools/checks.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLINIC = "fells-point-aesthetics";
const CALL_IDS = /^lh0(0[1-9]|[1-3][0-9]|40)$/;
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

// Calls whose number is 1 or 2 modulo 4 are raw, 3 or 0 smart, so that the odd calls and the
// even calls (the evaluation splits the halves by the number) each hold both styles.
for (const turn of turns) {
  const raw = [1, 2].includes(Number(turn.call.slice(2)) % 4);
  if ((turn.style === "raw") !== raw)
    errors.push(`${at(turn)}: ${turn.style} against the mod-4 rule`);
}

// A caller's ID fragments joined across consecutive turns: a fragment that is not "split"
// starts a run, "split" fragments continue it. `visit` sees every run as it grows (and every
// assistant read-back on its own).
function idRuns(calls, visit) {
  const runs = {};
  for (const turn of turns) {
    if (!calls.has(turn.call)) continue;
    for (const entity of turn.entities) {
      if (entity.type !== "ID") continue;
      const chars = alnumOf(entity.value);
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
// The last state of each call's run (the whole id once every split fragment is in).
function idEnds(calls, accept) {
  const ends = {};
  const live = {};
  const readBacks = [];
  idRuns(calls, (turn, entity, joined, assistant) => {
    if (assistant) {
      if (accept(joined)) readBacks.push([turn, entity, joined]);
      return;
    }
    if (entity.class !== "split") live[turn.call] = accept(joined);
    if (live[turn.call]) ends[turn.call] = [turn, entity, joined];
  });
  return [...Object.values(ends), ...readBacks];
}

// Medicare MBIs (no check digit in the scheme; the shape is checked): 11 characters, digit
// 1-9, letter, letter or digit, digit, letter, letter or digit, digit, letter, letter, digit,
// digit; never S L O I B Z. In calls that say Medicare, a caller's ID made only of single
// letters, spoken digits and tokens holding a digit (not a secret, a record number, a
// Harbor Pass number, a Tidewater card code or a member id) is an MBI fragment: joined across
// split turns (and a fragment answering "and the rest?", class context, continuing an
// unfinished one) it must come to an MBI.
const MBI_LETTER = "[AC-HJKMNP-RT-Y]";
const MBI = new RegExp(
  `^[1-9]${MBI_LETTER}(${MBI_LETTER}|[0-9])[0-9]${MBI_LETTER}(${MBI_LETTER}|[0-9])[0-9]${MBI_LETTER}{2}[0-9]{2}$`,
);
const mbiLike = (value) =>
  value
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .every((token) => DIGIT_WORDS[token] || /^[a-z]$/.test(token) || /[0-9]/.test(token));
let mbiChecked = 0;
const mbiRuns = {};
for (const turn of turns) {
  if (turn.role !== "caller" || !callText(/medicare/i).has(turn.call)) continue;
  for (const entity of turn.entities) {
    if (entity.type !== "ID" || entity.class === "keyword-value" || !mbiLike(entity.value))
      continue;
    const chars = alnumOf(entity.value);
    if (/^[0-9]+$/.test(chars) || /^(KZW|FPA|HP[0-9]|TW[0-9])/.test(chars)) continue;
    const run = mbiRuns[turn.call] ?? "";
    mbiRuns[turn.call] = entity.class === "split" || (run && run.length < 11) ? run + chars : chars;
    if (mbiRuns[turn.call].length < 11) continue;
    mbiChecked++;
    if (!MBI.test(mbiRuns[turn.call]))
      errors.push(`${at(turn)}: not an MBI shape: ${entity.value} (${mbiRuns[turn.call]})`);
  }
}
for (const [call, run] of Object.entries(mbiRuns))
  if (run.length !== 11) errors.push(`${call}: MBI fragments stop at ${run}`);
// No read-back or volunteered MBI in Voxanne's turns is partial either.
for (const turn of turns)
  if (turn.role === "assistant" && callText(/medicare/i).has(turn.call))
    for (const entity of turn.entities)
      if (entity.type === "ID" && /^[1-9][A-Z]/.test(alnumOf(entity.value))) {
        mbiChecked++;
        if (!MBI.test(alnumOf(entity.value)))
          errors.push(`${at(turn)}: read-back MBI not an MBI shape: ${entity.value}`);
      }

// Insurer member ids, invented in shapes whose schemes publish no check digit here: CareFirst
// BlueCross BlueShield under the invented alpha prefix KZW (+ 9 digits); a TRICARE sponsor's DoD
// ID, 10 digits (invented to start 16); a Maryland Medicaid (Medical Assistance) id, 11 digits
// (invented to start 73). Joined across split caller turns, each must complete; read-backs must
// be whole.
let memberChecked = 0;
const MEMBER = /^(KZW[0-9]{9}|16[0-9]{8}|73[0-9]{9})$/;
for (const [turn, entity, joined] of idEnds(
  callText(/carefirst|tricare|dod id|medical assistance|medicaid/i),
  (chars) => /^(KZW|16|73)/.test(chars),
)) {
  memberChecked++;
  if (!MEMBER.test(joined))
    errors.push(`${at(turn)}: member id not KZW+9, 16+8 or 73+9: ${entity.value} (${joined})`);
}

// Phones must be fictional: every PHONE value that comes to 10 digits, or a caller's fragments
// joined across turns to 10, is a 555-0100..0199 number (new in this half: a fragment answering
// "and the rest of the number?", class context, continues an unfinished one).
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
    // A fragment that is not "split" starts a new number, unless it answers "and the rest of the
    // number?" (class context) while the caller's last number is still short.
    const open = (phoneRuns[turn.call] ?? "").length % 10 !== 0;
    if (entity.class !== "split" && !(entity.class === "context" && open))
      phoneRuns[turn.call] = "";
    phoneRuns[turn.call] += digits;
    if (phoneRuns[turn.call].length === 10)
      checkPhone(turn, `${entity.value} (joined)`, phoneRuns[turn.call]);
    if (phoneRuns[turn.call].length > 10)
      errors.push(`${at(turn)}: phone fragments run past 10 digits: ${phoneRuns[turn.call]}`);
  }
for (const [call, digits] of Object.entries(phoneRuns))
  if (digits.length !== 10) errors.push(`${call}: phone fragments stop at ${digits}`);

// Record numbers: a written FPA number matches the clinic's pattern rule and is labelled
// wherever it occurs; a spoken one ("f p a six two ..."), or a written one cut short at a pause
// ("FPA-52..."), continued by split fragments, comes to six digits.
const pattern = context[CLINIC].rules.find((r) => r.kind === "pattern");
const recordRule = new RegExp(pattern.value);
let recordsChecked = 0;
const recordRuns = {};
for (const turn of turns) {
  for (const match of turn.text.matchAll(new RegExp(pattern.value, "g")))
    if (!turn.entities.some((e) => e.value.includes(match[0])))
      errors.push(`${at(turn)}: record number not labelled: ${match[0]}`);
  for (const entity of turn.entities) {
    if (entity.type !== "ID") continue;
    if (/^FPA[- ]?\d/.test(entity.value) && digitsOf(entity.value).length < 6)
      recordRuns[turn.call] = digitsOf(entity.value);
    else if (/^FPA[- ]?\d/.test(entity.value)) {
      recordsChecked++;
      if (!recordRule.test(entity.value))
        errors.push(`${at(turn)}: record number misses the pattern: ${entity.value}`);
    } else if (/^f p a\b/.test(entity.value)) recordRuns[turn.call] = digitsOf(entity.value);
    // (a split fragment continues a record number only while it is short of six digits)
    else if (
      entity.class === "split" &&
      recordRuns[turn.call] !== undefined &&
      recordRuns[turn.call].length < 6
    )
      recordRuns[turn.call] += digitsOf(entity.value);
  }
}
for (const [call, digits] of Object.entries(recordRuns)) {
  recordsChecked++;
  if (digits.length !== 6) errors.push(`${call}: spoken record number is not FPA + 6: ${digits}`);
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

// Every procedure or product business string the allow list should know is in it: a business
// string equal to a procedure name or synonym, a staff alias or an other term passes; days,
// times, prices and counts are not checked.
const clinic = context[CLINIC];
const allowed = new Set(
  [
    clinic.clinicName,
    clinic.assistantName,
    ...clinic.practitioners.flatMap((p) => [p.name, ...(p.aliases ?? [])]),
    ...clinic.staff.flatMap((p) => [p.name, ...(p.aliases ?? [])]),
    ...clinic.procedures.flatMap((p) => [p.name, ...(p.synonyms ?? [])]),
    ...(clinic.otherTerms ?? []),
  ].map((term) => term.toLowerCase()),
);
const TIME_OR_PRICE =
  /\d|\b(mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekend|mornings?|afternoon|evening|noon|am|pm|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|half|quarter|o'clock|january|february|march|april|may|june|july|august|september|october|november|december)\b/i;
// Ordinary words that are business here but no clinic term: the staff's name-words in their
// everyday sense (keep the faith, cut to the chase, ginger ale, sterling silver) and replies that
// hold a name-word.
const ORDINARY =
  /^(will do|may i|bill|keep the faith|cut to the chase|cutting to the chase|ginger ale|ginger snaps|sterling silver)$/i;
let allowChecked = 0;
for (const turn of turns)
  for (const word of turn.business) {
    if (TIME_OR_PRICE.test(word) || ORDINARY.test(word)) continue;
    allowChecked++;
    if (!allowed.has(word.toLowerCase()))
      warnings.push(`${at(turn)}: business string not in the allow list: ${word}`);
  }

// Every call opens with Voxanne.
const firstRole = {};
for (const turn of turns) firstRole[turn.call] ??= turn.role;
for (const [call, role] of Object.entries(firstRole))
  if (role !== "assistant") errors.push(`${call}: does not open with Voxanne`);

// Size: 38-40 calls, each 10-22 turns, at least 500 turns, at least a third of turns clean,
// and as many raw calls as smart ones (within one).
const callLengths = {};
const callStyles = {};
for (const turn of turns) {
  callLengths[turn.call] = turn.turn;
  callStyles[turn.call] = turn.style;
}
const callCount = Object.keys(callLengths).length;
if (callCount < 38 || callCount > 40) errors.push(`${callCount} calls, not 38-40`);
for (const [call, length] of Object.entries(callLengths))
  if (length < 10 || length > 22) errors.push(`${call}: ${length} turns, not 10-22`);
if (turns.length < 500) errors.push(`only ${turns.length} turns, not 500`);
const rawCalls = Object.values(callStyles).filter((s) => s === "raw").length;
if (Math.abs(rawCalls * 2 - callCount) > 1)
  errors.push(`${rawCalls} raw calls of ${callCount}: not half`);
const cleanCount = turns.filter((t) => !t.entities.length && t.business.length).length;
if (cleanCount * 3 < turns.length) errors.push(`only ${cleanCount} clean turns of ${turns.length}`);

// Warnings (a value twice in one turn, a business string the allow list lacks) count as errors.
for (const warning of warnings.splice(0)) errors.push(`(warning) ${warning}`);

report(half, {
  summary: `full card numbers Luhn-checked: ${cardsChecked}; MBIs shape-checked: ${mbiChecked}; member ids checked: ${memberChecked}; phones checked: ${phonesChecked}; record numbers checked: ${recordsChecked}; business strings found in the allow list: ${allowChecked}; raw caller turns checked: ${rawChecked}`,
  nameWords:
    "may|grace|will|bill|rose|april|june|mark|hope|faith|summer|dawn|jack|joy|chase|autumn|frank|love|king|sunny|precious|destiny|ivy|ginger|pearl|earl|crystal|heaven|mercedes|dale|august|sugar|honey|ray|sterling|angel|dixie|patience|charity|major|sonny|mercy|beau|chance|blessing|dolly|marie|dusty|glory|chip|sky|star|lupe|brooke|cruz|rusty|buddy|penny|cash|bunny|rocky|candy|sal|price|sage|marina|lucky|luz|dulce|paz|sandy|misty|stormy|coco|hunter|frost|robin|aspen|clay|holly|gene|iris|koa|miles|olive|wade|mesa|amber|lane|grant|river|sierra|dolores|esperanza|rey|reyes|cielo|paloma|cliff|darlene|skye|asha|stella|hattie|carmine|rocco|tameka|vicky|dottie|gus|lauren|sora|terrence|dolores|charmaine|deshawn|darnell",
  tallies: [
    ["style", (t) => t.style],
    ["role/style", (t) => `${t.role}/${t.style}`],
    ["role", (t) => t.role],
  ],
});
