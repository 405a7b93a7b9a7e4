/**
 * The caller's answer to what the assistant asked (context.ts says what that is): read whatever
 * form it takes, a date, a number, a code, a spelled name, an address, an email, a secret given
 * bare, health history or how far along a pregnancy is (health-answers.ts), its words read by
 * answer-words.ts.
 */
import { isCodeish, isDateish, isMonth, isNumberish, stretch } from "./answer-words";
import type { Expectation } from "./context";
import { AMBIGUOUS_NAMES } from "./detectors/name-words";
import { medicalAnswer, pregnancyAnswer } from "./health-answers";
import { FILLERS, type Token } from "./tokens";
import type { Finding, RedactionType } from "./types";

const GUESS =
  /^\W*(?:(?:um|uh|er|erm|so|and|or)\W+)*(?:is it|it's|its|it is|i think it's|i think it is|maybe|was it|could it be|might be)\b/i;

// Said before an answer: "yeah it's", "sure, that's", "um my name's".
const LEAD_INS = new Set(
  (
    "yes yeah yep yup sure ok okay so um uh er erm hmm it's its it is was that's thats my the name's names " +
    "name i'm im i am this is right well no sorry actually just of course absolutely alright all and " +
    "date birth number mobile phone postcode post code address email e-mail zip code password pin " +
    "surname first last spelled spelt spell spelling as in like go on then"
  ).split(" "),
);
// A pause or a new thought ends an answer.
const PAUSE = new Set([".", ";", "!", "?", "…"]);
const NEXT_THOUGHT = new Set([
  "but",
  "because",
  "cos",
  "though",
  "anyway",
  "also",
  "thanks",
  "thank",
  "please",
  "sorry",
  "wait",
  "hang",
  "actually",
  "can",
  "could",
  "would",
  "will",
  "do",
  "does",
  "is",
  "are",
  "what",
  "how",
  "when",
  "why",
  "i'd",
  "i'll",
  "we",
]);
/** The answer's segments: runs of tokens between pauses and new thoughts, lead-ins trimmed. */
function segments(tokens: Token[]): Token[][] {
  const result: Token[][] = [];
  let current: Token[] = [];
  const close = () => {
    while (
      current.length &&
      (LEAD_INS.has(current[0]!.lower) || current[0]!.text === ",") &&
      // "first of the first": a date's ordinal, not "first name".
      !(isNumberish(current[0]!) && current[1]?.lower === "of")
    )
      current.shift();
    while (current.length && (FILLERS.has(current.at(-1)!.lower) || current.at(-1)!.text === ","))
      current.pop();
    if (current.length) result.push(current);
    current = [];
  };
  for (const token of tokens) {
    if (PAUSE.has(token.text) || NEXT_THOUGHT.has(token.lower)) {
      close();
      continue;
    }
    current.push(token);
  }
  close();
  return result;
}

/**
 * The caller's answer to what was asked, removed whatever form it takes: a date, a number, a
 * code, a spelled name, an address, an email or a secret given bare. `isWord` says whether a
 * token can be part of a name (not a common word); `allowed` whether it is business data.
 */
export function answerFindings(
  tokens: Token[],
  expected: Expectation[],
  isNameWord: (token: Token, previous: Token | undefined) => boolean,
  isBusiness: (token: Token) => boolean = () => false,
): Finding[] {
  const previousOf = new Map(tokens.map((token, index) => [token, tokens[index - 1]]));
  if (expected.length === 0) return [];
  const findings: Finding[] = [];
  const parts = segments(tokens);
  for (const expectation of expected) {
    switch (expectation) {
      case "DOB": {
        // "christmas eve", "on the fourth of july": a birthday said as the day it falls on.
        const said = tokens.map((token) => token.lower).join(" ");
        const holiday = HOLIDAY.exec(said);
        if (holiday) {
          const words = holiday[0].split(" ").length;
          const first = tokens.findIndex(
            (_, index) =>
              tokens
                .slice(index, index + words)
                .map((token) => token.lower)
                .join(" ") === holiday[0],
          );
          if (first >= 0)
            findings.push({
              type: "DOB",
              start: tokens[first]!.start,
              end: tokens[first + words - 1]!.end,
            });
        }
        for (const part of parts)
          findings.push(
            ...stretch(part, isDateish, "DOB")
              .filter((finding) =>
                part.some(
                  (token) =>
                    token.start >= finding.start &&
                    token.end <= finding.end &&
                    (isNumberish(token) || isMonth(token)),
                ),
              )
              .map((finding) => withDateBefore(tokens, finding)),
          );
        break;
      }
      case "PHONE":
      case "CARD":
      case "ID": {
        const type: RedactionType = expectation;
        for (const part of parts)
          findings.push(
            ...stretch(part, isCodeish, type).filter((finding) =>
              part.some(
                (token) =>
                  token.start >= finding.start && token.end <= finding.end && isNumberish(token),
              ),
            ),
          );
        break;
      }
      case "SECRET_GUESS": {
        // Only as a guess ("is it 4 7 7 0?") or said alone ("Marigold88?").
        const words = tokens.filter((token) => /\w/.test(token.text));
        const said = tokens.map((token) => token.text).join(" ");
        const part = parts[0];
        if (part && (GUESS.test(said) || words.length <= 2))
          findings.push({ type: "ID", start: part[0]!.start, end: part.at(-1)!.end });
        break;
      }
      case "SECRET_REST": {
        // At most four words, not a new thought ("okay", "can you reset it?").
        const words = tokens.filter((token) => /\w/.test(token.text) && !FILLERS.has(token.lower));
        const first = words[0];
        if (
          first &&
          words.length <= 4 &&
          !REST_STOPS.has(first.lower) &&
          !NEXT_THOUGHT.has(first.lower) &&
          !tokens.some((token) => token.text === "?")
        )
          findings.push({ type: "ID", start: first.start, end: words.at(-1)!.end });
        break;
      }
      case "SECRET": {
        // The first thing said is the secret ("hunter two", "bluebell").
        const part = parts[0];
        if (part) findings.push({ type: "ID", start: part[0]!.start, end: part.at(-1)!.end });
        break;
      }
      case "NAME":
      case "SPELLING": {
        // "will", "um hope": the whole answer is a name that is also a word (segments() would
        // read "will" as a new thought).
        const said = tokens.filter((token) => /\w/.test(token.text) && !FILLERS.has(token.lower));
        while (said.length && LEAD_INS.has(said[0]!.lower)) said.shift();
        if (
          expectation === "NAME" &&
          said.length > 0 &&
          said.length <= 2 &&
          said.some((token) => AMBIGUOUS_NAMES.has(token.lower)) &&
          said.every((token) => AMBIGUOUS_NAMES.has(token.lower) || isNameWord(token, undefined))
        )
          findings.push({ type: "NAME", start: said[0]!.start, end: said.at(-1)!.end });
        // A second stretch after a pause or a new thought ("jane. jane okafor"), unless the
        // caller went on to say something about the name ("...that's what everyone calls me",
        // "...but don't say it out loud").
        const [first = [], second] = parts;
        const read = [beforeExplanation(first)];
        if (second && read[0]!.length === first.length && !NAME_CLAUSE.has(second[0]!.lower))
          read.push(beforeExplanation(second));
        for (const part of read)
          findings.push(
            ...stretch(
              part,
              (token) =>
                isNameWord(token, previousOf.get(token)) ||
                /^[a-z]$/i.test(token.text) ||
                token.text === "-",
              "NAME",
            ).map((finding) => withFirstName(tokens, finding)),
          );
        break;
      }
      case "MEDICAL":
        findings.push(...medicalAnswer(tokens, isBusiness));
        break;
      case "PREGNANCY":
        findings.push(...pregnancyAnswer(tokens));
        break;
      case "ADDRESS":
      case "EMAIL": {
        const part = parts[0];
        if (
          part &&
          (expectation === "ADDRESS" || part.some((token) => /^(?:at|@|dot)$/i.test(token.text)))
        )
          findings.push({ type: expectation, start: part[0]!.start, end: part.at(-1)!.end });
        break;
      }
    }
  }
  return findings;
}

// What opens a turn that is not the rest of a secret: an answer to something else, a reaction.
const REST_STOPS = new Set(
  "yes yeah yep no nope nah ok okay oh so and or i i'm it it's that that's this my the hello hi".split(
    " ",
  ),
);

/**
 * A name's answer up to what explains it: "like…" ("grace like the prayer", "batiste like mister
 * chance at the front desk") or a new clause about it ("river kowalski that's the name i go by", "jacob kowalczyk please don't use it").
 */
function beforeExplanation(part: Token[]): Token[] {
  const at = part.findIndex(
    (token, index) =>
      index > 0 &&
      // ...unless it goes on to spell it ("kasia that's k a s i a nowicka").
      NAME_CLAUSE.has(token.lower) &&
      !spellsOn(part.slice(index + 1)),
  );
  return at > 0 ? part.slice(0, at) : part;
}
/** Two letters said one after the other: a spelling ("k a s i a"), not the word "i" or "a". */
const spellsOn = (rest: Token[]) =>
  rest.some(
    (token, index) => /^[a-z]$/i.test(token.text) && /^[a-z]$/i.test(rest[index + 1]?.text ?? ""),
  );
const NAME_CLAUSE = new Set(
  "like that's thats it's its which who i'm im i've we we're they they're don't dont not".split(
    " ",
  ),
);

const HOLIDAY =
  /\b(?:christmas (?:eve|day)|new year's (?:eve|day)|new years (?:eve|day)|boxing day|valentine's day|valentines day|halloween|bonfire night|guy fawkes night|hogmanay|st patrick's day|saint patrick's day|paddy's day|independence day|the fourth of july|fourth of july|thanksgiving(?: day)?|easter (?:sunday|monday)|good friday|mother's day|father's day|leap day)\b/;

/**
 * "...the seventeenth" (a pause) "of the first ninety nine": the words a date's lead-ins took
 * ("of", "the", an ordinal) belong to the date found after them.
 */
function withDateBefore(tokens: Token[], finding: Finding): Finding {
  let index = tokens.findIndex((token) => token.start === finding.start);
  while (index > 0 && isDateish(tokens[index - 1]!) && !/^[,/.-]$/.test(tokens[index - 1]!.text))
    index--;
  return index >= 0 ? { ...finding, start: tokens[index]!.start } : finding;
}

/**
 * "will ainscough", "will will mcallister": a first name that is also a word ("will", "may")
 * opens the answer, where it cannot be the verb; the answer begins there.
 */
function withFirstName(tokens: Token[], finding: Finding): Finding {
  let index = tokens.findIndex((token) => token.start === finding.start);
  let start = finding.start;
  while (index > 0) {
    const previous = tokens[index - 1]!;
    if (!AMBIGUOUS_NAMES.has(previous.lower) || tokens[index]!.start - previous.end !== 1) break;
    const opening = tokens
      .slice(0, index - 1)
      .every(
        (token) => LEAD_INS.has(token.lower) || FILLERS.has(token.lower) || token.text === ",",
      );
    const stutter = tokens[index - 2]?.lower === previous.lower;
    if (!opening && !stutter) break;
    start = previous.start;
    index--;
  }
  return { ...finding, start };
}
