import { TEENS, TENS, UNITS } from "../numbers";
import { wordsBefore, type Token } from "../tokens";
import type { Finding } from "../types";

const MONTH =
  "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
const ORDINAL_WORDS =
  "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth";
const CARDINAL = [
  ...Object.keys(UNITS).filter((word) => word !== "o" && word !== "oh"),
  ...Object.keys(TEENS),
  ...Object.keys(TENS),
].join("|");
const DAY = `(?:\\d{1,2}(?:st|nd|rd|th)?|(?:(?:twenty|thirty)[\\s-])?(?:${ORDINAL_WORDS})|(?:twenty|thirty)[\\s-](?:one|two|three|four|five|six|seven|eight|nine)|${CARDINAL})`;
// 1982, '82, nineteen eighty two, two thousand and five, twenty oh five, eighty two
const YEAR = `(?:\\d{4}|'\\d{2}|(?:nineteen|twenty)[\\s-](?:(?:${Object.keys(TENS).join("|")})(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?|(?:oh|o)[\\s-](?:one|two|three|four|five|six|seven|eight|nine)|${Object.keys(TEENS).join("|")})|two thousand(?:\\s+and)?(?:\\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))?|(?:${Object.keys(TENS).join("|")})(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?)`;

const PATTERNS = [
  // March 14th, 1982 · march third nineteen eighty two · March 14
  new RegExp(`\\b(?:${MONTH})\\.?\\s+(?:the\\s+)?${DAY}(?:,?\\s+(?:of\\s+)?${YEAR})?\\b`, "gi"),
  // 14th of March 1982 · the fourteenth of march nineteen eighty two · 14 March
  new RegExp(`\\b(?:the\\s+)?${DAY}\\s+(?:of\\s+)?(?:${MONTH})\\b(?:,?\\s+${YEAR}\\b)?`, "gi"),
  // the 3rd of the 8th, 1990 · thirtieth of the ninth, nineteen eighty
  new RegExp(`\\b(?:the\\s+)?${DAY}\\s+of\\s+the\\s+${DAY}(?:,?\\s+${YEAR})?\\b`, "gi"),
  // christmas day nineteen ninety three (with a birth context)
  new RegExp(
    `\\b(?:christmas day|christmas eve|new year's day|new years day|new year's eve|valentine's day|halloween|boxing day|st patrick's day|independence day)(?:,?\\s+${YEAR})?\\b`,
    "gi",
  ),
  // 03/14/1982 · 14.03.82 · 1982-03-14
  /\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b/g,
];
const MONTH_WORD = new RegExp(`\\b(?:${MONTH})\\b`);
const HOLIDAY_WORD = /christmas|new year|valentine|halloween|boxing day|patrick|independence/;
const BORN_YEAR = new RegExp(`\\bborn\\s+(?:in\\s+)?(${YEAR})\\b`, "gid");
const NUMBERISH =
  "(?:\\d{1,4}|zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)";
const SPOKEN_AFTER_CONTEXT = new RegExp(
  `\\b(?:date of birth|d\\s?o\\s?b|birthday|birth date|birthdate)(?:'s|\\s+is|\\s+was|:)?\\s+(${NUMBERISH}(?:[\\s,./-]+${NUMBERISH}){2,7})\\b`,
  "gid",
);
const BIRTH_CONTEXT = /\b(born|birth|birthday|dob|d o b|date of birth|birthdate)\b/;
/** "she'll be eighteen on", "turning forty on": the date that follows is a birthday. */
const TURNING_AGE = new RegExp(
  `\\b(?:turns?|turning|be)\\s+${NUMBERISH}(?:[\\s-]${NUMBERISH})?\\s+on$`,
  "i",
);

function yearOf(text: string): number | null {
  const digits = /(\d{4})/.exec(text)?.[1];
  if (digits) return Number(digits);
  const short = /'(\d{2})\b|\b(\d{2})$/.exec(text);
  if (short) return 1900 + Number(short[1] ?? short[2]);
  if (/nineteen/i.test(text)) return 1950;
  if (/two thousand|twenty (?:oh|o)\b/i.test(text)) return 2005;
  if (/\b(?:forty|fifty|sixty|seventy|eighty|ninety)\b/i.test(text)) return 1970;
  return null;
}

/**
 * Dates of birth: a full date with a year at least five years ago (appointments don't carry
 * past years), or any date or year after "born", "birthday", "date of birth" and the like.
 */
export function detectDatesOfBirth(text: string, tokens: Token[], now = new Date()): Finding[] {
  const findings: Finding[] = [];
  const thisYear = now.getFullYear();
  // Most turns have no date at all: each pattern runs only when the words it needs are there.
  const lower = text.toLowerCase();
  const hasMonth = MONTH_WORD.test(lower);
  const needs = [
    hasMonth,
    hasMonth,
    / of the /.test(lower),
    HOLIDAY_WORD.test(lower),
    /\d[/.-]\d/.test(lower),
  ];
  for (const [index, pattern] of PATTERNS.entries()) {
    if (!needs[index]) continue;
    for (const match of text.matchAll(pattern)) {
      const found = match[0];
      const year = yearOf(
        found.replace(/^\d{1,2}[/.-]\d{1,2}[/.-]/, (prefix) => prefix.replace(/\d/g, "x")),
      );
      const numericYear = /^\d{1,2}[/.-]\d{1,2}[/.-](\d{2,4})$/.exec(found)?.[1];
      const resolvedYear = numericYear
        ? numericYear.length === 2
          ? 1900 + Number(numericYear)
          : Number(numericYear)
        : year;
      const before = wordsBefore(tokens, match.index, 8);
      const inBirthContext = BIRTH_CONTEXT.test(before) || TURNING_AGE.test(before);
      const oldEnough =
        resolvedYear !== null && resolvedYear <= thisYear - 5 && resolvedYear >= 1900;
      if (inBirthContext || oldEnough)
        findings.push({ type: "DOB", start: match.index, end: match.index + found.length });
    }
  }
  // After "date of birth is", "d o b is": numbers however they are said ("nine twelve eighty seven").
  if (!BIRTH_CONTEXT.test(lower) && !/\bborn\b/.test(lower)) return findings;
  for (const match of text.matchAll(SPOKEN_AFTER_CONTEXT)) {
    const [start, end] = match.indices![1]!;
    findings.push({ type: "DOB", start, end });
  }
  for (const match of text.matchAll(BORN_YEAR)) {
    const [start, end] = match.indices![1]!;
    findings.push({ type: "DOB", start, end });
  }
  return findings;
}
