import { FILLERS, type Token } from "./tokens";

/**
 * Spoken numbers as speech-to-text writes them ("five five five", "double oh", "nineteen
 * eighty two", "seven hundred") turned into digit runs with their original offsets. This is
 * the normalised shadow the digit detectors read; it is never stored.
 */
export const UNITS: Record<string, number> = {
  zero: 0,
  oh: 0,
  o: 0,
  nought: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
export const TEENS: Record<string, number> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
export const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
export const NUMBER_WORDS = new Set([
  ...Object.keys(UNITS),
  ...Object.keys(TEENS),
  ...Object.keys(TENS),
  "hundred",
  "thousand",
  "double",
  "triple",
  // British "treble two" (222).
  "treble",
]);

export interface DigitRun {
  digits: string;
  /** Said as an amount ("twelve thousand"), which phone numbers and ids never are. */
  quantity: boolean;
  start: number;
  end: number;
  /** Index of the first and last token of the run. */
  first: number;
  last: number;
  /** The separators used between digit groups ("-", " ", ",", "."), for format checks. */
  raw: string;
}

const SEPARATORS = new Set([",", "-", ".", "(", ")", "+", "–", "dash", "hyphen"]);

/** Digits a token stands for, given its neighbours; null if it is not part of a number. */
function digitsOf(tokens: Token[], index: number): { digits: string; consumed: number } | null {
  const token = tokens[index]!;
  const next = tokens[index + 1];
  if (/^\d+$/.test(token.text)) return { digits: token.text, consumed: 1 };
  const word = token.lower;
  if (word === "double" || word === "triple" || word === "treble") {
    const repeated =
      next && (UNITS[next.lower] ?? (/^\d$/.test(next.text) ? Number(next.text) : undefined));
    if (repeated === undefined) return null;
    return { digits: String(repeated).repeat(word === "double" ? 2 : 3), consumed: 2 };
  }
  if (word === "o" || word === "oh") {
    // A zero only among other digits ("oh seven seven", "one oh oh oh five"), never the
    // interjection: look past separators and further ohs for a real digit on either side.
    const isDigit = (t?: Token) =>
      !!t &&
      (/^\d+$/.test(t.text) ||
        (t.lower in UNITS && t.lower !== "o" && t.lower !== "oh") ||
        t.lower in TEENS ||
        t.lower in TENS ||
        t.lower === "double" ||
        t.lower === "triple" ||
        t.lower === "treble");
    const skip = (t?: Token) =>
      !!t && (SEPARATORS.has(t.text) || t.lower === "o" || t.lower === "oh");
    let back = index - 1;
    while (skip(tokens[back])) back--;
    let ahead = index + 1;
    while (skip(tokens[ahead])) ahead++;
    return isDigit(tokens[back]) || isDigit(tokens[ahead]) ? { digits: "0", consumed: 1 } : null;
  }
  if (word in UNITS) return { digits: String(UNITS[word]), consumed: 1 };
  if (word in TEENS) return { digits: String(TEENS[word]), consumed: 1 };
  if (word in TENS) {
    const unit = next && next.lower !== "oh" && next.lower !== "o" ? UNITS[next.lower] : undefined;
    if (unit !== undefined && unit > 0) return { digits: String(TENS[word]! + unit), consumed: 2 };
    return { digits: String(TENS[word]), consumed: 1 };
  }
  if (word === "hundred") return { digits: "00", consumed: 1 };
  if (word === "thousand") return { digits: "000", consumed: 1 };
  return null;
}

/** Maximal runs of digits, spoken or written, joined across separators and fillers. */
export function digitRuns(tokens: Token[]): DigitRun[] {
  const runs: DigitRun[] = [];
  let current: DigitRun | null = null;
  for (let index = 0; index < tokens.length;) {
    const token = tokens[index]!;
    const value = digitsOf(tokens, index);
    if (value) {
      const last = index + value.consumed - 1;
      if (current) {
        current.digits += value.digits;
        current.end = tokens[last]!.end;
        current.last = last;
        current.raw += ` ${value.digits}`;
        current.quantity ||= token.lower === "thousand" || tokens[last]!.lower === "thousand";
      } else {
        if (current) runs.push(current);
        current = {
          digits: value.digits,
          quantity: token.lower === "thousand",
          start: token.start,
          end: tokens[last]!.end,
          first: index,
          last,
          raw: value.digits,
        };
      }
      index += value.consumed;
      continue;
    }
    const isSeparator =
      SEPARATORS.has(token.text) || SEPARATORS.has(token.lower) || FILLERS.has(token.lower);
    if (current && isSeparator) {
      if (token.text !== "." || /\d/.test(tokens[index + 1]?.text ?? "")) current.raw += token.text;
      index++;
      continue;
    }
    if (current) runs.push(current);
    current = null;
    index++;
  }
  if (current) runs.push(current);
  return runs;
}

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}
