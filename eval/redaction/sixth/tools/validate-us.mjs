// Checks us.jsonl and us-context.json (the sixth set's US half) and prints the counts
// us-README.md quotes. Adapted from ../../fifth/tools/validate-us.mjs.
// Run: node eval/redaction/sixth/tools/validate-us.mjs
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
const context = JSON.parse(readFileSync(join(root, "us-context.json"), "utf8"));
const lines = readFileSync(join(root, "us.jsonl"), "utf8").split("\n").filter(Boolean);
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
const styles = new Map();
for (const turn of turns.filter(Boolean)) {
  const id = `${turn.call}#${turn.turn}`;
  const keys = Object.keys(turn).join(",");
  if (keys !== "call,turn,role,style,locale,clinic,text,entities,business")
    errors.push(`${id}: keys ${keys}`);
  if (!["assistant", "caller"].includes(turn.role)) errors.push(`${id}: role ${turn.role}`);
  if (!["raw", "smart"].includes(turn.style)) errors.push(`${id}: style ${turn.style}`);
  if (turn.locale !== "US") errors.push(`${id}: locale ${turn.locale}`);
  if (!/^s0[0-6]\d$/.test(turn.call) || turn.call === "s000" || turn.call > "s060")
    errors.push(`${id}: call id outside s001-s060`);
  if (!context[turn.clinic]) errors.push(`${id}: clinic ${turn.clinic} not in us-context.json`);
  if (styles.has(turn.call) && styles.get(turn.call) !== turn.style)
    errors.push(`${id}: style differs within the call`);
  styles.set(turn.call, turn.style);
  if (turn.role === "assistant" && turn.text[0] !== turn.text[0].toUpperCase())
    errors.push(`${id}: assistant turn not capitalised`);
  if (!Array.isArray(turn.entities) || !Array.isArray(turn.business))
    errors.push(`${id}: entities and business must be arrays`);
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

// NHS numbers (a UK visitor's) must pass the mod-11 check: any ID value of exactly ten digits,
// written or spoken, is checked.
const mod11 = (digits) => {
  const sum = [...digits.slice(0, 9)].reduce((s, d, i) => s + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
};
let nhsChecked = 0;
for (const turn of turns.filter(Boolean))
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
const WORD_DIGITS = { ...DIGIT_WORDS };
const alnumOf = (value) =>
  value
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean)
    .map((token) => WORD_DIGITS[token.toLowerCase()] ?? token)
    .join("");
const medicareCalls = new Set(
  turns.filter((t) => t && /medicare/i.test(t.text)).map((t) => t.call),
);
let mbiChecked = 0;
const mbiRuns = {};
for (const turn of turns.filter(Boolean)) {
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
for (const turn of turns.filter(Boolean))
  for (const entity of turn.entities) {
    if (entity.type !== "PHONE") continue;
    const digits = digitsOf(entity.value);
    if (digits.length !== 10) continue;
    phonesChecked++;
    if (!/^[2-9]\d\d55501\d\d$/.test(digits))
      errors.push(`${turn.call}#${turn.turn}: phone outside 555-01xx: ${entity.value}`);
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
  "may|grace|will|bill|rose|april|june|mark|hope|faith|summer|dawn|jack|joy|chase|autumn|frank|love|king|sunny|precious|destiny|ivy|ginger|pearl|earl|crystal|heaven|mercedes|dale";
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
  `calls ${calls.size}, turns ${valid.length}; full card numbers Luhn-checked: ${cardsChecked}; NHS numbers mod-11-checked: ${nhsChecked}; MBIs shape-checked: ${mbiChecked}; whole 10-digit phones checked: ${phonesChecked}`,
);
console.log("calls by clinic/style:", JSON.stringify(callTally((t) => `${t.clinic}/${t.style}`)));
console.log("turns by style:", JSON.stringify(tally((t) => t.style)));
console.log("turns by role/style:", JSON.stringify(tally((t) => `${t.role}/${t.style}`)));
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
