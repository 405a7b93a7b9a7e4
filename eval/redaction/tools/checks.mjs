// What every whole-call set's validator checks, shared (eval/redaction/seventh on; the earlier
// sets keep the tools they were written with). A half's own tool adds its locale's checks
// (phone ranges, NHS or Medicare numbers, licences) and prints its counts with `report`.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const TYPES = ["NAME", "PHONE", "EMAIL", "DOB", "ADDRESS", "ID", "CARD", "MEDICAL"];
export const CLASSES = [
  "context",
  "split",
  "names-vs-business",
  "history",
  "asr",
  "identifiers",
  "keyword-value",
  "base",
];
const KEYS = "call,turn,role,style,locale,clinic,text,entities,business";

const occurrences = (text, value) => {
  const spans = [];
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1))
    spans.push([at, at + value.length]);
  return spans;
};
const wordChar = /[A-Za-z0-9]/;

/**
 * Reads `<half>.jsonl` and `<half>-context.json` from `root` and checks every turn: JSON, key
 * order, known roles, styles and locales, call ids (`callIds`), turn order, the clinic, one
 * style per call, every label and business string verbatim and not inside a longer word, no
 * business string over a label. Returns the turns, the context and the errors and warnings
 * found so far (the half's own checks add to them).
 */
export function loadHalf(root, half, { locales, callIds }) {
  const errors = [];
  const warnings = [];
  const context = JSON.parse(readFileSync(join(root, `${half}-context.json`), "utf8"));
  const lines = readFileSync(join(root, `${half}.jsonl`), "utf8")
    .split("\n")
    .filter(Boolean);
  const parsed = lines.map((line, index) => {
    try {
      return JSON.parse(line);
    } catch (error) {
      errors.push(`line ${index + 1}: ${error.message}`);
      return null;
    }
  });
  const turns = parsed.filter(Boolean);
  const previous = new Map();
  const styles = new Map();
  for (const turn of turns) {
    const id = `${turn.call}#${turn.turn}`;
    const keys = Object.keys(turn).join(",");
    if (keys !== KEYS) errors.push(`${id}: keys ${keys}`);
    if (!["assistant", "caller"].includes(turn.role)) errors.push(`${id}: role ${turn.role}`);
    if (!["raw", "smart"].includes(turn.style)) errors.push(`${id}: style ${turn.style}`);
    if (!locales.includes(turn.locale)) errors.push(`${id}: locale ${turn.locale}`);
    if (!callIds.test(turn.call)) errors.push(`${id}: call id outside ${callIds}`);
    if (!context[turn.clinic]) errors.push(`${id}: clinic ${turn.clinic} not in the context`);
    if (styles.has(turn.call) && styles.get(turn.call) !== turn.style)
      errors.push(`${id}: style differs within the call`);
    styles.set(turn.call, turn.style);
    if (turn.role === "assistant" && turn.text[0] !== turn.text[0].toUpperCase())
      errors.push(`${id}: assistant turn not capitalised`);
    if (!Array.isArray(turn.entities) || !Array.isArray(turn.business)) {
      errors.push(`${id}: entities and business must be arrays`);
      continue;
    }
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
  return { turns, context, errors, warnings };
}

export const DIGIT_WORDS = {
  ...{ oh: "0", zero: "0", one: "1", two: "2", three: "3", four: "4", five: "5" },
  ...{ six: "6", seven: "7", eight: "8", nine: "9" },
};

/** The digits of a value written or spoken ("double oh seven" is 007, "triple five" 555). */
export function digitsOf(value) {
  let digits = "";
  let times = 1;
  for (const token of value
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)) {
    if (token === "double" || token === "triple") {
      times = token === "double" ? 2 : 3;
      continue;
    }
    const digit = /^[0-9]+$/.test(token) ? token : (DIGIT_WORDS[token] ?? "");
    digits += digit.repeat(times);
    times = 1;
  }
  return digits;
}

/** Letters and digits of a value, spoken digits as digits ("one e g four" is 1EG4). */
export const alnumOf = (value) =>
  value
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean)
    .map((token) => DIGIT_WORDS[token.toLowerCase()] ?? token)
    .join("");

export const luhn = (digits) =>
  [...digits].reverse().reduce((sum, char, index) => {
    let digit = Number(char);
    if (index % 2) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    return sum + digit;
  }, 0) %
    10 ===
  0;

/** An NHS number's check digit (mod 11; a remainder giving 10 is never issued). */
export const mod11 = (digits) => {
  const sum = [...digits.slice(0, 9)].reduce((s, d, i) => s + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  return check !== 10 && (check === 11 ? 0 : check) === Number(digits[9]);
};

/**
 * Payment cards must be public test numbers: every full card value (13-19 digits, written or
 * spoken) passes Luhn, and a caller's fragments split over turns are joined until they do (a
 * CVV between two cards is dropped when the join grows too long). Returns how many were checked.
 */
export function checkCards(turns, errors) {
  let checked = 0;
  const splitCards = {};
  for (const turn of turns)
    for (const entity of turn.entities) {
      if (entity.type !== "CARD") continue;
      const digits = digitsOf(entity.value);
      if (digits.length < 13) {
        if (turn.role !== "caller") continue;
        const fragments = (splitCards[turn.call] ??= []);
        fragments.push(digits);
        while (fragments.join("").length > 19) fragments.shift();
        const joined = fragments.join("");
        if (joined.length >= 13 && luhn(joined)) {
          checked++;
          fragments.length = 0;
        }
        continue;
      }
      checked++;
      if (!luhn(digits)) errors.push(`${turn.call}#${turn.turn}: card fails Luhn: ${entity.value}`);
    }
  for (const [call, fragments] of Object.entries(splitCards))
    if (fragments.join("").length >= 8)
      errors.push(`${call}: card fragments ${fragments.join(" ")} never make a Luhn-valid number`);
  return checked;
}

/**
 * Prints the counts a half's README quotes (calls, turns by style, locale and role, clean
 * turns, name-words, the class × type table), then the warnings and errors; exits 1 on errors.
 */
export function report({ turns, context, errors, warnings }, { summary, nameWords, tallies }) {
  const calls = new Map();
  for (const turn of turns) calls.set(turn.call, turn);
  const table = {};
  for (const turn of turns)
    for (const entity of turn.entities) {
      const row = (table[entity.class] ??= {});
      for (const column of [entity.type, turn.style, turn.role, "total"])
        row[column] = (row[column] ?? 0) + 1;
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
  const count = (items, pick) => {
    const counts = {};
    for (const item of items) counts[pick(item)] = (counts[pick(item)] ?? 0) + 1;
    return counts;
  };
  const clean = turns.filter((t) => t.entities.length === 0 && t.business.length > 0);
  const startsWithNameWord = new RegExp(`^(${nameWords})\\b`, "i");
  const holdsNameWord = new RegExp(`\\b(${nameWords})\\b`, "i");
  const nameWordNames = turns.flatMap((t) =>
    t.entities.filter((e) => e.type === "NAME" && startsWithNameWord.test(e.value)),
  ).length;
  // Business strings holding a name-word: staff names (the clinic's names and aliases), months
  // in dates, and ordinary uses ("grace period", "will do", "the bill").
  const staffNames = new Set();
  for (const clinic of Object.values(context))
    if (typeof clinic === "object")
      for (const person of [...(clinic.practitioners ?? []), ...(clinic.staff ?? [])])
        for (const alias of [person.name, ...(person.aliases ?? [])])
          staffNames.add(alias.toLowerCase().replaceAll(".", ""));
  const nameWordBusiness = { staff: 0, month: 0, ordinary: 0 };
  for (const turn of turns)
    for (const word of turn.business) {
      if (!holdsNameWord.test(word)) continue;
      const month =
        /\b(april|june|may)\b/i.test(word) && /\d|^(april|june|may)$|^in may$/i.test(word);
      if (staffNames.has(word.toLowerCase().replaceAll(".", ""))) nameWordBusiness.staff++;
      else if (month) nameWordBusiness.month++;
      else nameWordBusiness.ordinary++;
    }

  console.log(`calls ${calls.size}, turns ${turns.length}; ${summary}`);
  console.log(
    "calls by clinic/style:",
    JSON.stringify(count(calls.values(), (t) => `${t.clinic}/${t.style}`)),
  );
  for (const [label, pick] of tallies)
    console.log(`turns by ${label}:`, JSON.stringify(count(turns, pick)));
  console.log(
    `clean turns ${clean.length} (caller ${clean.filter((t) => t.role === "caller").length}), business words ${turns.reduce((s, t) => s + t.business.length, 0)} (in clean turns ${clean.reduce((s, t) => s + t.business.length, 0)})`,
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
}
