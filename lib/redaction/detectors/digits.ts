import { digitRuns, luhn, NUMBER_WORDS } from "../numbers";
import { wordsBefore, type Token } from "../tokens";
import type { Finding } from "../types";

const ID_CONTEXT =
  /\b(social|ssn|s s n|security number|nhs|ni number|n i number|national insurance|member|membership|subscriber|policy|insurance|insurer|licen[cs]e|passport|record|mrn|medical record|account|reference|patient number|hospital number|identification|id|i d|group number|medicaid|medicare|authori[sz]ation|claim|employee|tax|ein|itin)\b/;
const CARD_CONTEXT = /\b(card|visa|mastercard|amex|american express|debit|credit)\b/;
const ZIP_CONTEXT = /\b(zip|zip code|postcode|post code|postal code)\b/;

/**
 * Digit runs, written or spoken: payment cards (Luhn-checked), national, insurance and record
 * ids (by context or SSN shape), phone numbers. Deny by default: any run of seven or more
 * digits that is not a card or id is redacted as a phone number.
 */
export function detectDigitRuns(text: string, tokens: Token[]): Finding[] {
  const findings: Finding[] = [];
  for (const run of digitRuns(tokens)) {
    const length = run.digits.length;
    if (run.quantity && !ID_CONTEXT.test(wordsBefore(tokens, run.start, 8))) continue; // a price or a count
    const context = wordsBefore(tokens, run.start, 8);
    const span = extendWithLetters(text, tokens, run);
    if (length >= 13 && length <= 19 && (luhn(run.digits) || CARD_CONTEXT.test(context)))
      findings.push({ type: "CARD", start: span.start, end: span.end });
    else if (/^\d{3}-\d{2}-\d{4}$/.test(text.slice(run.start, run.end)))
      findings.push({ type: "ID", start: span.start, end: span.end });
    else if (length >= 5 && ZIP_CONTEXT.test(wordsBefore(tokens, run.start, 3)))
      findings.push({ type: "ADDRESS", start: span.start, end: span.end });
    else if (length >= 5 && (ID_CONTEXT.test(context) || span.lettered))
      findings.push({ type: "ID", start: span.start, end: span.end });
    else if (length >= 7)
      findings.push({ type: length > 15 ? "ID" : "PHONE", start: span.start, end: span.end });
  }
  return findings;
}

const LETTER_GROUP = /^(?:[A-Z]{1,5}|[a-z])$/;
// Labels said before a number, which stay readable: "SSN [ID]", "NHS [ID]".
const LABEL_WORDS = new Set([
  "SSN",
  "NHS",
  "ID",
  "DOB",
  "MRN",
  "NI",
  "EIN",
  "ITIN",
  "DL",
  "NO",
  "PIN",
]);

/**
 * A run's span, widened over what belongs to the number: a leading "(", "+" or "plus", and
 * letter groups glued to it ("HA-311097", "D four one two...", "C L M, two oh two four",
 * "q q one two three four five six c"). Letters make it an id.
 */
function extendWithLetters(
  text: string,
  tokens: Token[],
  run: { start: number; end: number; first: number; last: number },
) {
  let first = run.first;
  let last = run.last;
  let lettered = false;
  for (let index = first - 1; index >= 0 && index >= run.first - 6; index--) {
    const token = tokens[index]!;
    if (token.text === "-" || token.text === ",") continue;
    if (
      !LETTER_GROUP.test(token.text) ||
      LABEL_WORDS.has(token.text) ||
      (token.text === "I" && index === first - 1) ||
      token.text === "A"
    )
      break;
    first = index;
    lettered = true;
  }
  const after = tokens[last + 1];
  if (
    after &&
    /^(?:[A-Z]{1,4}|[a-z])$/.test(after.text) &&
    after.start === tokens[last]!.end + (text[tokens[last]!.end] === " " ? 1 : 0) &&
    !/^(?:a|i)$/.test(after.text)
  ) {
    last += 1;
    lettered = true;
  }
  let start = tokens[first]!.start;
  const before = tokens[first - 1];
  if (/[(+]/.test(text[start - 1] ?? "")) start -= 1;
  else if (before?.lower === "plus") start = before.start;
  return { start, end: tokens[last]!.end, lettered };
}

/** Upper-case codes mixing letters and digits: "MORGA753116SM9IJ", "1EG4-TE5-MK73", "D412-778-90321". */
export function detectCodes(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(
    /\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)*\b/g,
  )) {
    if (match[0].replace(/-/g, "").length >= 6)
      findings.push({ type: "ID", start: match.index, end: match.index + match[0].length });
  }
  return findings;
}

const ID_TRIGGER =
  /\b(?:member(?:ship)?|subscriber|policy|insurance|group|record|patient|nhs|social security|ssn|licen[cs]e|passport|account|reference|mrn)\s*(?:id|number|no|#|code)?\s*(?:is|was|it's|its|:)?\s*$/i;

/** Alphanumeric ids after an id phrase: "member ID is XJH 44291 007", "policy number B-7734". */
export function detectAlphanumericIds(text: string, tokens: Token[]): Finding[] {
  const findings: Finding[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const before = text.slice(Math.max(0, tokens[index]!.start - 60), tokens[index]!.start);
    if (!ID_TRIGGER.test(before)) continue;
    let last = -1;
    let hasDigit = false;
    for (let j = index; j < tokens.length && j < index + 10; j++) {
      const token = tokens[j]!;
      const codeLike =
        /\d/.test(token.text) ||
        NUMBER_WORDS.has(token.lower) ||
        /^[A-Z]{1,4}$/.test(token.text) ||
        /^[a-z]$/i.test(token.text) ||
        token.text === "-" ||
        token.lower === "dash";
      if (!codeLike) break;
      if (/\d/.test(token.text) || NUMBER_WORDS.has(token.lower)) hasDigit = true;
      last = j;
    }
    if (last >= index && hasDigit) {
      findings.push({ type: "ID", start: tokens[index]!.start, end: tokens[last]!.end });
      index = last;
    }
  }
  return findings;
}
