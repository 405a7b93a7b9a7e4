// Checks uk.jsonl and uk-context.json (the seventeenth folder's UK half, clinic mumbles-road-skin)
// and prints the counts uk-README.md quotes: the checks every set shares (../../tools/checks.mjs),
// then this half's own (NHS numbers, National Insurance prefixes, drama phone ranges, MRS record
// numbers, raw caller turns, the mod-4 style rule, the allow list). Adapted from the sixteenth
// set's UK validator. Run: node eval/redaction/seventeenth/tools/validate-uk.mjs
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import {
  alnumOf,
  checkCards,
  DIGIT_WORDS,
  digitsOf,
  loadHalf,
  mod11,
  report,
} from "../../tools/checks.mjs";

const SLUG = "mumbles-road-skin";
const CALL_IDS = /^lg0(0[1-9]|[1-3][0-9]|40)$/;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const half = loadHalf(root, "uk", { locales: ["UK"], callIds: CALL_IDS });
const { turns, context, errors, warnings } = half;
const at = (turn) => `${turn.call}#${turn.turn}`;
const cardsChecked = checkCards(turns, errors);

// Swansea callers say "nought", "nine hundred" and "treble" inside numbers: read them as digits.
const spoken = (value) =>
  value
    .replace(/\bnine hundred\b/gi, "nine oh oh")
    .replace(/\bnought\b/gi, "oh")
    .replace(/\btreble\b/gi, "triple");
const digitsOnly = (value) =>
  spoken(value)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .every(
      (token) =>
        /^[0-9]+$/.test(token) ||
        token in DIGIT_WORDS ||
        token === "double" ||
        token === "triple" ||
        token === "treble",
    );

// NHS numbers. Once a turn of a call says "NHS number", the digits of the caller's next ID values
// made only of digits are joined across consecutive turns until they number ten, and must start
// with 9 and pass mod-11. A whole number in one value is checked the same way.
const NHS_CUE = /\bNHS number\b|\bn h s number\b/i;
let nhsChecked = 0;
{
  let call = null;
  let pending = "";
  let cue = false;
  for (const turn of turns) {
    if (turn.call !== call) {
      if (pending) errors.push(`${call}: NHS number digits never reach ten: ${pending}`);
      [call, pending, cue] = [turn.call, "", false];
    }
    if (NHS_CUE.test(turn.text)) cue = true;
    if (!cue || turn.role !== "caller") continue;
    for (const entity of turn.entities.filter((e) => e.type === "ID" && digitsOnly(e.value))) {
      pending += digitsOf(spoken(entity.value));
      if (pending.length < 10) continue;
      nhsChecked++;
      if (pending.length > 10 || !mod11(pending) || pending[0] !== "9")
        errors.push(`${at(turn)}: NHS number not a 9xx mod-11 number: ${pending}`);
      [pending, cue] = ["", false];
    }
  }
  if (pending) errors.push(`${call}: NHS number digits never reach ten: ${pending}`);
}

// National Insurance numbers must carry the Q prefix HMRC never allocates: every ID value whose
// letters and digits read as two letters, six digits and a suffix letter.
let niChecked = 0;
for (const turn of turns)
  for (const entity of turn.entities) {
    if (entity.type !== "ID") continue;
    const compact = alnumOf(entity.value);
    if (!/^[A-Z]{2}[0-9]{6}[A-D]$/.test(compact)) continue;
    niChecked++;
    if (compact[0] !== "Q")
      errors.push(`${at(turn)}: NI number without the Q prefix: ${entity.value}`);
  }

// Phones must come from Ofcom's drama ranges: every PHONE value that is a whole number (10 or 11
// digits, written or spoken) must be 07700 900xxx (mobiles), 01632 960xxx (the drama range with
// no real area: Swansea's 01792 has none) or 029 2018 0xxx (Cardiff's). A caller's fragments
// split over turns are joined and must come to one such number too; a phone in Voxanne's turns
// must be whole.
const DRAMA = /^(07700900\d{3}|01632960\d{3}|02920180\d{3})$/;
let phonesChecked = 0;
for (const turn of turns)
  for (const entity of turn.entities) {
    if (entity.type !== "PHONE") continue;
    const digits = digitsOf(spoken(entity.value));
    if (digits.length < 10) {
      if (turn.role !== "caller")
        errors.push(`${at(turn)}: a read-back phone is partial: ${entity.value}`);
      continue;
    }
    phonesChecked++;
    if (!DRAMA.test(digits))
      errors.push(`${at(turn)}: phone outside the drama ranges: ${entity.value}`);
  }
let splitPhonesChecked = 0;
{
  const runs = {};
  const close = (call) => {
    const run = runs[call];
    if (!run || run.length === 0) return;
    splitPhonesChecked++;
    if (!DRAMA.test(run)) errors.push(`${call}: split phone joins to ${run}, not a drama number`);
    runs[call] = "";
  };
  for (const turn of turns)
    for (const entity of turn.entities) {
      if (entity.type !== "PHONE" || turn.role !== "caller") continue;
      const digits = digitsOf(spoken(entity.value));
      if (entity.class !== "split") {
        close(turn.call);
        if (digits.length >= 10) continue;
      }
      runs[turn.call] = (runs[turn.call] ?? "") + digits;
    }
  for (const call of Object.keys(runs)) close(call);
}

// Record numbers: every written ID value starting MRS and a digit must match the clinic's
// pattern rule unless it is cut short at a pause ("MRS-52..."), no written MRS number may be left
// unlabelled in any turn, and a spoken one ("m r s four one") or a cut one, continued by split
// fragments, must come to six digits.
let recordsChecked = 0;
{
  const rule = context[SLUG].rules.find((r) => r.kind === "pattern");
  const pattern = new RegExp(rule.value);
  const global = new RegExp(rule.value, "g");
  let open = null;
  const close = () => {
    if (open && open.digits.length !== 6)
      errors.push(`${open.at}: record number comes to ${open.digits.length} digits, not 6`);
    open = null;
  };
  for (const turn of turns) {
    for (const entity of turn.entities) {
      if (entity.type !== "ID") continue;
      if (/^MRS[- ]?\d/.test(entity.value) && digitsOf(entity.value).length < 6) {
        close();
        recordsChecked++;
        open = { at: at(turn), call: turn.call, digits: digitsOf(entity.value) };
      } else if (/^MRS[- ]?\d/.test(entity.value)) {
        recordsChecked++;
        if (!pattern.test(entity.value))
          errors.push(`${at(turn)}: record number does not match ${rule.value}: ${entity.value}`);
      } else if (/^m r s\b/.test(entity.value)) {
        close();
        recordsChecked++;
        open = { at: at(turn), call: turn.call, digits: digitsOf(spoken(entity.value)) };
      } else if (open && entity.class === "split" && open.call === turn.call)
        open.digits += digitsOf(spoken(entity.value));
    }
    for (const match of turn.text.matchAll(global))
      if (!turn.entities.some((e) => e.value.includes(match[0])))
        errors.push(`${at(turn)}: record number ${match[0]} is not labelled`);
  }
  close();
}

// Raw caller turns are what Deepgram writes without smart_format: lowercase words, no digits,
// no punctuation other than apostrophes.
let rawCallerTurns = 0;
for (const turn of turns)
  if (turn.style === "raw" && turn.role === "caller") {
    rawCallerTurns++;
    if (!/^[a-z' ]+$/.test(turn.text))
      errors.push(`${at(turn)}: raw caller turn is not lowercase words: ${turn.text}`);
  }

// Every turn is this half's one clinic; every call opens with Voxanne; raw calls are those whose
// number mod 4 is 1 or 2 (lg001, lg002, lg005, lg006, ...) and smart calls those whose number
// mod 4 is 3 or 0, so that the odd and the even calls (the evaluation's halves) both hold both
// styles (the call id is "lg" and three digits).
{
  const first = {};
  for (const turn of turns) {
    if (turn.clinic !== SLUG) errors.push(`${at(turn)}: clinic ${turn.clinic}`);
    first[turn.call] ??= turn.role;
    const mod4 = Number(turn.call.slice(2)) % 4;
    const raw = mod4 === 1 || mod4 === 2;
    if ((turn.style === "raw") !== raw)
      errors.push(`${at(turn)}: ${turn.style} in a call whose number mod 4 is ${mod4}`);
  }
  for (const [call, role] of Object.entries(first))
    if (role !== "assistant") errors.push(`${call}: does not open with Voxanne`);
}

// Every call has 10 to 22 turns; the set holds 38 to 40 calls and at least 500 turns, a third
// of them clean.
{
  const perCall = new Map();
  for (const turn of turns) perCall.set(turn.call, (perCall.get(turn.call) ?? 0) + 1);
  for (const [call, n] of perCall) if (n < 10 || n > 22) warnings.push(`${call}: ${n} turns`);
  if (perCall.size < 38 || perCall.size > 40) warnings.push(`${perCall.size} calls (38-40 wanted)`);
  if (turns.length < 500) warnings.push(`only ${turns.length} turns (500 wanted)`);
  const clean = turns.filter((t) => t.entities.length === 0 && t.business.length > 0).length;
  if (clean * 3 < turns.length) warnings.push(`only ${clean} clean turns of ${turns.length}`);
}

// Keyword rules: the keyword itself is never labelled nor listed as business.
const keywords = context[SLUG].rules
  .filter((r) => r.kind === "keyword")
  .map((r) => r.value.toLowerCase());
for (const turn of turns)
  for (const label of [...turn.entities.map((e) => e.value), ...turn.business])
    if (keywords.some((k) => label.toLowerCase().includes(k)))
      errors.push(`${at(turn)}: a keyword is inside a label: ${label}`);
// Nor does a business string sit inside a keyword said in the turn ("Pier Club" in "my Pier Club
// number"): a keyword rule removes the keyword itself.
for (const turn of turns) {
  const lower = turn.text.toLowerCase();
  for (const keyword of keywords)
    for (let at0 = lower.indexOf(keyword); at0 !== -1; at0 = lower.indexOf(keyword, at0 + 1))
      for (const word of turn.business)
        for (
          let b = lower.indexOf(word.toLowerCase());
          b !== -1;
          b = lower.indexOf(word.toLowerCase(), b + 1)
        )
          if (b < at0 + keyword.length && b + word.length > at0)
            errors.push(`${at(turn)}: business "${word}" sits inside the keyword "${keyword}"`);
}

// The allow list: every business string that is not a day, time, price or count, nor one of a
// few ordinary phrases holding a name-word or a staff name's everyday sense, is a name, alias,
// synonym or other term of uk-context.json (case-insensitively).
let allowChecked = 0;
{
  const clinic = context[SLUG];
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
    /\d|£|\b(mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekends?|weekdays?|morning|mornings|afternoon|evening|noon|am|pm|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|half|quarter|o'clock|january|february|march|april|may|june|july|august|september|october|november|december)\b/i;
  const ORDINARY =
    /^(will do|may i|the bill|rose gold|stone mason|the masons|in clover|four leaf clover|the embers|willow pattern|weeping willow|mark my words)$/i;
  for (const turn of turns)
    for (const word of turn.business) {
      if (TIME_OR_PRICE.test(word) || ORDINARY.test(word)) continue;
      allowChecked++;
      if (!allowed.has(word.toLowerCase()))
        warnings.push(`${at(turn)}: business string not in the allow list: ${word}`);
    }
}

if (warnings.length) errors.push(`${warnings.length} warnings (this half allows none)`);

report(half, {
  summary: `full card numbers Luhn-checked: ${cardsChecked}; NHS numbers mod-11-checked: ${nhsChecked}; NI numbers Q-checked: ${niChecked}; whole phones range-checked: ${phonesChecked}; split phones joined and range-checked: ${splitPhonesChecked}; MRS record numbers: ${recordsChecked}; business strings found in the allow list: ${allowChecked}; raw caller turns: ${rawCallerTurns}`,
  nameWords:
    "may|grace|will|bill|rose|april|june|mark|hope|faith|summer|dawn|jack|joy|robin|sunny|heather|holly|pearl|ruby|iris|hazel|carol|frank|glen|ivy|pat|patrick|sky|rowan|brooke|patience|bridget|nora|sheila|amber|marsh|precious|autumn|chance|olive|penny|jade|miles|ward|steel|fern|crystal|bright|honor|reed|lark|wren|dean|alys|cliff|dot|lily|violet|chelsea|tamar|gale|clay|ferry|trinity|patty|drew|bob|jordan|ginger|shelley|rich|chip|bonnie|sandy|skye|isla|forbes|blessing|favour|destiny|heath|guest|jasmine|poppy|angel|sterling|king|stone|storm|mercy|mason|clover|ember|willow|porter|bay|sorrel|carys|cerys|gethin|hunter|summer|taylor",
  tallies: [
    ["style", (t) => t.style],
    ["locale", (t) => t.locale],
    ["role", (t) => t.role],
    ["role/style", (t) => `${t.role}/${t.style}`],
  ],
});
