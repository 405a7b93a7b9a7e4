import { answerFindings } from "./answers";
import { REPORTS_DONE, trailingCues, type Expectation } from "./context";
import { spelledWord } from "./detectors/spelled";
import { digitRuns } from "./numbers";
import type { Token } from "./tokens";
import type { Finding } from "./types";

/**
 * What is said with a finding in the same turn and is part of it (lib/redaction/redact.ts runs
 * these after the detectors): a spelled name's word said whole, the digits after a correction,
 * a card's security code, and the answer to what the caller's own sentence announced.
 */

/**
 * The word a name was spelled as, where it is also said whole in the same text ("demi
 * kowalczyk k o w a l c z y k"): the said word is the name too.
 */
export function spelledOut(
  text: string,
  tokens: Token[],
  found: Finding[],
  allow: Set<string>,
): Finding[] {
  const words = new Set(
    found
      .filter((finding) => finding.type === "NAME")
      .map((finding) => spelledWord(text.slice(finding.start, finding.end)))
      .filter((word): word is string => word !== null && !allow.has(word)),
  );
  if (words.size === 0) return [];
  return tokens
    .filter((token) => words.has(token.lower.replace(/['’]s$/, "")))
    .map((token) => ({ type: "NAME" as const, start: token.start, end: token.end }));
}

// "oh seven seven double oh nine oh oh no sorry nine double oh three three eight": what follows
// a correction is the rest of the same number.
const CORRECTION =
  /^[\s,.]*(?:(?:no|sorry|i mean|wait|hang on|actually|oops|um|uh|er|erm|it's|its|that's|that should be|should be|i said)[\s,.]+)+$/i;

/** Digits said after a correction of a phone number, card or id: the same kind of number. */
export function corrected(text: string, tokens: Token[], found: Finding[]): Finding[] {
  const numbers = found.filter((finding) => /^(?:PHONE|CARD|ID)$/.test(finding.type));
  if (numbers.length === 0) return [];
  const findings: Finding[] = [];
  for (const run of digitRuns(tokens)) {
    if (run.digits.length < 3) continue;
    const before = numbers.findLast((finding) => finding.end <= run.start);
    if (before && CORRECTION.test(text.slice(before.end, run.start)))
      findings.push({ type: before.type, start: run.start, end: run.end });
  }
  return findings;
}

// "[4000 0582 6000 0005], expires 11/30, code 904": a card's security code said with it.
const SECURITY_CODE =
  /\b(?:cvv|cvc|cv2|csc|security code|security number|code|three digits|back)\s*(?:is\s+|was\s+|:\s*|-\s*)?(\d{3,4}|(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\s+){2,3}(?:zero|oh|one|two|three|four|five|six|seven|eight|nine))\b/gi;

/** A security code said after a card number in the same turn is part of the card's details. */
export function securityCodes(text: string, found: Finding[]): Finding[] {
  const cards = found.filter((finding) => finding.type === "CARD");
  if (cards.length === 0) return [];
  const first = Math.min(...cards.map((card) => card.end));
  const findings: Finding[] = [];
  for (const match of text.matchAll(SECURITY_CODE)) {
    const start = match.index + match[0].length - match[1]!.length;
    if (start >= first) findings.push({ type: "CARD", start, end: match.index + match[0].length });
  }
  return findings;
}

/**
 * Within one turn, a sentence that ends on what the caller is about to say ("I forgot my portal
 * PIN.") makes the next sentence its answer ("Is it 4 7 7 0?").
 */
export function announcedAnswers(
  text: string,
  tokens: Token[],
  isNameWord: (token: Token, previous: Token | undefined) => boolean,
): Finding[] {
  const findings: Finding[] = [];
  let sentenceStart = 0;
  let announced: Expectation[] = [];
  for (let index = 0; index <= tokens.length; index++) {
    const token = tokens[index];
    if (token && !/^[.?!]$/.test(token.text)) continue;
    const sentence = tokens.slice(sentenceStart, index);
    if (announced.length && sentence.length)
      findings.push(
        ...answerFindings(sentence, announced, isNameWord).filter(
          // "I need to change my address. And my phone on my account...": an address said
          // next has a number or a street in it.
          (finding) =>
            finding.type !== "ADDRESS" ||
            LOOKS_LIKE_ADDRESS.test(text.slice(finding.start, finding.end)),
        ),
      );
    const said = sentence.length ? text.slice(sentence[0]!.start, sentence.at(-1)!.end) : "";
    // "I've updated your address." reports what was done: nothing is about to be said.
    announced = said && !REPORTS_DONE.test(said) ? trailingCues(said) : [];
    sentenceStart = index + 1;
  }
  return findings;
}

const LOOKS_LIKE_ADDRESS =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|street|st|road|rd|avenue|ave|lane|drive|close|court|crescent|way|place|terrace|gardens|grove|boulevard|blvd|apartment|apt|flat|unit|suite|house|cottage|farm)\b/i;
