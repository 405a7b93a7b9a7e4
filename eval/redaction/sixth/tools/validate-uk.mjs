// Checks uk.jsonl and uk-context.json (the sixth set, UK half) and prints the counts the README quotes.
// Run: node eval/redaction/sixth/tools/validate-uk.mjs
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const TYPES = ["NAME", "PHONE", "EMAIL", "DOB", "ADDRESS", "ID", "CARD", "MEDICAL"];
const CLASSES = [
  "context",
  "split",
  "names-vs-business",
  "history",
  "asr",
  "identifiers",
  "keyword-value",
  "base",
];
const errors = [];
const warnings = [];
const context = JSON.parse(readFileSync(join(root, "uk-context.json"), "utf8"));
const lines = readFileSync(join(root, "uk.jsonl"), "utf8").split("\n").filter(Boolean);
const turns = lines.map((line, index) => {
  try {
    return JSON.parse(line);
  } catch (error) {
    errors.push(`line ${index + 1}: ${error.message}`);
    return null;
  }
});

const occurrences = (text, value) => {
  const spans = [];
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1))
    spans.push([at, at + value.length]);
  return spans;
};
const wordChar = /[A-Za-z0-9]/;

const previous = new Map();
for (const turn of turns.filter(Boolean)) {
  const id = `${turn.call}#${turn.turn}`;
  const keys = Object.keys(turn).join(",");
  if (keys !== "call,turn,role,style,locale,clinic,text,entities,business")
    errors.push(`${id}: keys ${keys}`);
  if (!["assistant", "caller"].includes(turn.role)) errors.push(`${id}: role ${turn.role}`);
  if (!["raw", "smart"].includes(turn.style)) errors.push(`${id}: style ${turn.style}`);
  if (!["UK", "US"].includes(turn.locale)) errors.push(`${id}: locale ${turn.locale}`);
  if (!context[turn.clinic]) errors.push(`${id}: clinic ${turn.clinic} not in uk-context.json`);
  if (turn.turn !== (previous.get(turn.call) ?? 0) + 1) errors.push(`${id}: turn out of order`);
  previous.set(turn.call, turn.turn);
  const entitySpans = [];
  const seen = new Set();
  for (const entity of turn.entities) {
    if (!TYPES.includes(entity.type)) errors.push(`${id}: type ${entity.type}`);
    if (!CLASSES.includes(entity.class)) errors.push(`${id}: class ${entity.class}`);
    if (seen.has(entity.value)) errors.push(`${id}: value listed twice: ${entity.value}`);
    seen.add(entity.value);
    const spans = occurrences(turn.text, entity.value);
    if (!spans.length) errors.push(`${id}: value not in text: ${entity.value}`);
    if (spans.length > 1) warnings.push(`${id}: "${entity.value}" occurs ${spans.length} times`);
    for (const [start, end] of spans) {
      if (wordChar.test(turn.text[start - 1] ?? "") || wordChar.test(turn.text[end] ?? ""))
        errors.push(`${id}: "${entity.value}" occurs inside a longer word`);
      entitySpans.push([start, end]);
    }
  }
  for (const word of turn.business) {
    const spans = occurrences(turn.text, word);
    if (!spans.length) errors.push(`${id}: business word not in text: ${word}`);
    for (const [start, end] of spans)
      if (entitySpans.some(([a, b]) => start < b && end > a))
        errors.push(`${id}: business "${word}" overlaps a labelled value`);
  }
}

// Payment cards must be public test numbers: every full card value (13-19 digits, written or
// spoken digit by digit) must pass the Luhn check.
const DIGIT_WORDS = { oh: "0", zero: "0", one: "1", two: "2", three: "3", four: "4", five: "5" };
Object.assign(DIGIT_WORDS, { six: "6", seven: "7", eight: "8", nine: "9" });
const digitsOf = (value) => {
  let digits = "";
  let double = false;
  for (const token of value
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)) {
    if (token === "double") {
      double = true;
      continue;
    }
    const digit = /^[0-9]+$/.test(token) ? token : (DIGIT_WORDS[token] ?? "");
    digits += double ? digit + digit : digit;
    double = false;
  }
  return digits;
};
const luhn = (digits) =>
  [...digits].reverse().reduce((sum, char, index) => {
    let digit = Number(char);
    if (index % 2) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    return sum + digit;
  }, 0) %
    10 ===
  0;
let cardsChecked = 0;
const splitCards = {};
for (const turn of turns.filter(Boolean))
  for (const entity of turn.entities) {
    if (entity.type !== "CARD") continue;
    const digits = digitsOf(entity.value);
    if (digits.length < 13) {
      // A fragment of a number split across caller turns: join it with the call's next
      // fragments (a CVV between two cards is dropped when the join grows too long).
      if (turn.role !== "caller") continue;
      const fragments = (splitCards[turn.call] ??= []);
      fragments.push(digits);
      while (fragments.join("").length > 19) fragments.shift();
      const joined = fragments.join("");
      if (joined.length >= 13 && luhn(joined)) {
        cardsChecked++;
        fragments.length = 0;
      }
      continue;
    }
    cardsChecked++;
    if (!luhn(digits)) errors.push(`${turn.call}#${turn.turn}: card fails Luhn: ${entity.value}`);
  }
for (const [call, fragments] of Object.entries(splitCards))
  if (fragments.join("").length >= 8)
    errors.push(`${call}: card fragments ${fragments.join(" ")} never make a Luhn-valid number`);

// NHS numbers must pass the mod-11 check: once a turn of a call mentions "NHS", the digits of the
// caller's next ID values are joined (across consecutive turns) until they number ten.
const mod11 = (digits) => {
  const sum = [...digits.slice(0, 9)].reduce((s, d, i) => s + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  return check !== 10 && (check === 11 ? 0 : check) === Number(digits[9]);
};
const digitsOnly = (value) =>
  value
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .every((token) => /^[0-9]+$/.test(token) || token in DIGIT_WORDS || token === "double");
let nhsChecked = 0;
{
  let call = null;
  let pending = "";
  let cue = false;
  for (const turn of turns.filter(Boolean)) {
    if (turn.call !== call) [call, pending, cue] = [turn.call, "", false];
    if (/\bNHS\b/i.test(turn.text)) cue = true;
    if (!cue || turn.role !== "caller") continue;
    // Only ID values made of digits (written or spoken) count: a National Insurance number or a
    // file number given after an NHS cue (a caller mixing them up, r041) is not an NHS number.
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
// or 01xx 496 0xxx. Spoken fragments ("nine hundred") are checked through Voxanne's read-backs.
const DRAMA = /^(07700900\d{3}|02920180\d{3}|01632960\d{3}|02079460\d{3}|01\d{2}4960\d{3})$/;
let phonesChecked = 0;
for (const turn of turns.filter(Boolean))
  for (const entity of turn.entities) {
    if (entity.type !== "PHONE" || /hundred/i.test(entity.value)) continue;
    const digits = digitsOf(entity.value);
    if (digits.length < 10) continue;
    phonesChecked++;
    if (!DRAMA.test(digits))
      errors.push(`${turn.call}#${turn.turn}: phone outside the drama ranges: ${entity.value}`);
  }

// Counts.
const valid = turns.filter(Boolean);
const calls = new Map();
for (const turn of valid) calls.set(turn.call, turn);
const table = {};
const styleOf = (turn) => turn.style;
for (const turn of valid)
  for (const entity of turn.entities) {
    const row = (table[entity.class] ??= {});
    row[entity.type] = (row[entity.type] ?? 0) + 1;
    row[styleOf(turn)] = (row[styleOf(turn)] ?? 0) + 1;
    row[turn.role] = (row[turn.role] ?? 0) + 1;
    row.total = (row.total ?? 0) + 1;
  }
const columns = [...TYPES, "raw", "smart", "caller", "assistant", "total"];
const rows = [...CLASSES, "total"].map((cls) => {
  const row =
    cls === "total"
      ? Object.fromEntries(
          columns.map((c) => [c, CLASSES.reduce((sum, k) => sum + (table[k]?.[c] ?? 0), 0)]),
        )
      : (table[cls] ?? {});
  return `| ${cls} | ${columns.map((c) => row[c] ?? "").join(" | ")} |`;
});
const tally = (pick) => {
  const counts = {};
  for (const turn of valid) counts[pick(turn)] = (counts[pick(turn)] ?? 0) + 1;
  return counts;
};
const callTally = (pick) => {
  const counts = {};
  for (const turn of calls.values()) counts[pick(turn)] = (counts[pick(turn)] ?? 0) + 1;
  return counts;
};
const clean = valid.filter((t) => t.entities.length === 0 && t.business.length > 0);
const NAME_WORDS =
  "may|grace|will|bill|rose|april|june|mark|hope|faith|summer|dawn|jack|joy|robin|sunny|heather|holly|pearl|ruby|iris|hazel|carol|frank|glen|ivy";
const startsWithNameWord = new RegExp(`^(${NAME_WORDS})\\b`, "i");
const holdsNameWord = new RegExp(`\\b(${NAME_WORDS})\\b`, "i");
const nameWordNames = valid.flatMap((t) =>
  t.entities.filter((e) => e.type === "NAME" && startsWithNameWord.test(e.value)),
).length;
// Business strings holding a name-word, split into staff names (the clinic's names and
// aliases), months in dates, and ordinary uses ("grace period", "will do", "the bill").
const staffNames = new Set();
for (const clinic of Object.values(context))
  if (typeof clinic === "object")
    for (const person of [...(clinic.practitioners ?? []), ...(clinic.staff ?? [])])
      for (const alias of [person.name, ...(person.aliases ?? [])])
        staffNames.add(alias.toLowerCase().replaceAll(".", ""));
const nameWordBusiness = { staff: 0, month: 0, ordinary: 0 };
for (const turn of valid)
  for (const word of turn.business) {
    if (!holdsNameWord.test(word)) continue;
    const month =
      /\b(april|june|may)\b/i.test(word) && /\d|^(april|june|may)$|^in may$/i.test(word);
    if (staffNames.has(word.toLowerCase().replaceAll(".", ""))) nameWordBusiness.staff++;
    else if (month) nameWordBusiness.month++;
    else nameWordBusiness.ordinary++;
  }

console.log(
  `calls ${calls.size}, turns ${valid.length}; full card numbers Luhn-checked: ${cardsChecked}; NHS numbers mod-11-checked: ${nhsChecked}; whole phones range-checked: ${phonesChecked}`,
);
console.log("calls by clinic/style:", JSON.stringify(callTally((t) => `${t.clinic}/${t.style}`)));
console.log("turns by style:", JSON.stringify(tally((t) => t.style)));
console.log("turns by locale:", JSON.stringify(tally((t) => t.locale)));
console.log("turns by role:", JSON.stringify(tally((t) => t.role)));
console.log(
  `clean turns ${clean.length} (caller ${clean.filter((t) => t.role === "caller").length}), business words ${valid.reduce((s, t) => s + t.business.length, 0)} (in clean turns ${clean.reduce((s, t) => s + t.business.length, 0)})`,
);
console.log(
  `NAME spans starting with a name-word: ${nameWordNames}; business strings holding one: ${JSON.stringify(nameWordBusiness)}`,
);
console.log(`\n| class | ${columns.join(" | ")} |`);
console.log(`| ${["---", ...columns.map(() => "---")].join(" | ")} |`);
console.log(rows.join("\n"));
for (const warning of warnings) console.log(`warning: ${warning}`);
for (const error of errors) console.error(`error: ${error}`);
if (errors.length) {
  console.error(`${errors.length} errors`);
  process.exit(1);
}
console.log(
  "\nok: every line parses, every label is verbatim in its turn, no business word overlaps a label",
);
