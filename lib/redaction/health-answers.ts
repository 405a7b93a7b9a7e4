/**
 * The caller's answer to a health question (lib/redaction/answers.ts reads the rest): what was
 * named after "any medications?" or "any medical history?", and how far along a pregnancy is.
 */
import { isNumberish, stretch } from "./answer-words";
import { RELATIONS } from "./detectors/name-words";
import { NUMBER_WORDS } from "./numbers";
import { FILLERS, type Token } from "./tokens";
import type { Finding } from "./types";

// Words of an answer about medications or conditions that are not the history itself.
const NOT_HISTORY = new Set(
  (
    "a an the and or of for with to in on at from by as is are was were be been am it it's its that that's this " +
    "i i'm im i've ive i'd id i'll me my mine she she's her he he's his him they they're their them we our you your " +
    "yes yeah yep no nope not none nothing nah never just only also too else some any all both either other " +
    "take takes taking took taken tablet tablets pill pills medication medications medicine medicines meds " +
    "have has had having got get gets getting use used using do does did done on off daily day days every night nights " +
    "morning mornings evening week weeks month months year years once twice times time a day now currently still at the moment " +
    "really very quite bit little lot about around like kind sort think know remember sure certain far aware " +
    "well so um uh er erm hmm ok okay right oh ah actually basically honestly probably maybe mostly usually sometimes " +
    "over counter regular regularly normal usual stuff things thing anything something everything that's it " +
    "which what who where when how why there here then than if because cos but though though although " +
    "monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday ago since last next before after " +
    "book booking booked appointment consultation slot price cost cancel move thanks thank please sorry fine good great " +
    "january february march april may june july august september october november december mean means want wants wanted wanting interested looking hoping wondering " +
    "should could would might must can will shall fine"
  ).split(" "),
);
const NEGATIVE = /^(?:no|none|nope|nothing|nah|never)$/;
// What a caller says before a long answer, a question to no one: "where do i start", "how
// long have you got", "let me think".
const OPENER =
  /^(?:(?:well|oh|um|uh|er|erm|so|ok|okay|right|gosh|god|blimey|ooh|hon|honey|love|luv|darling|darlin|dear|duck|bab|pet|hen|sweetie|sweetheart|mate)\s+)*(?:where (?:do|shall|should) i (?:start|begin)|where to (?:start|begin)|how long (?:have|do) you (?:got|have)|what (?:can|shall) i (?:say|tell you)|how (?:do|can|shall) i put (?:this|it)|let me (?:think|see))\b/i;
const REQUEST = new Set("want wants wanted wanting book booking interested looking".split(" "));
// A new question ends the answer ("no, can I book Friday?", "...when can she come in?"); a
// clause about the answer does not ("i had tb when i was small", "which is under control").
// The words of a sentence as said, spaced (offsets are the original text's).
const text = (tokens: Token[]) => tokens.map((token) => token.lower).join(" ");
const AUXILIARY = new Set("can could would will do does did is are shall should".split(" "));
const WH_WORD = new Set("what how when why".split(" "));
const SUBJECT = new Set("i you we she he they it there".split(" "));
const asksNext = (token: Token, next: Token | undefined) =>
  token.lower === "i'd" ||
  token.lower === "i'll" ||
  (AUXILIARY.has(token.lower) && next !== undefined && SUBJECT.has(next.lower)) ||
  (WH_WORD.has(token.lower) &&
    (next === undefined || AUXILIARY.has(next.lower) || next.lower === "about"));

/**
 * The caller's answer to "any medications?", "any medical history?", "any allergies?": the
 * first sentence with something in it, up to a new question, its words other than the
 * answer's grammar (take, just, for my, daily) and the clinic's own terms. What is named there
 * is history, whether or not the lexicon knows the word ("just lipitor and low dose aspirin",
 * "a thing called ozurdex for my eye").
 */
export function medicalAnswer(tokens: Token[], isBusiness: (token: Token) => boolean): Finding[] {
  const sentences: Token[][] = [[]];
  for (const token of tokens) {
    if (/^[.?!;…]$/.test(token.text)) sentences.push([]);
    else sentences.at(-1)!.push(token);
  }
  // "the m s", "k p on my arms", "a t i a": a condition's initials, letter by letter.
  const letter = (token: Token | undefined) => token !== undefined && /^[a-z]$/i.test(token.text);
  const initials = new Set(
    tokens.filter(
      (token, index) => letter(token) && (letter(tokens[index - 1]) || letter(tokens[index + 1])),
    ),
  );
  const isWord = (token: Token) =>
    (/[a-z]/i.test(token.text) && token.text.length >= 3) || initials.has(token);
  const fits = (token: Token) =>
    !NOT_HISTORY.has(token.lower) &&
    !FILLERS.has(token.lower) &&
    !isBusiness(token) &&
    (isWord(token) || isNumberish(token) || token.text === "-" || /^\d/.test(token.text));
  const all: Finding[] = [];
  for (const whole of sentences.slice(0, 8)) {
    const opener = OPENER.exec(text(whole));
    const sentence = opener ? whole.slice(opener[0].split(" ").length) : whole;
    // A later sentence that asks ("Can I do Friday?") ends the answer.
    if (all.length && sentence[0] && asksNext(sentence[0], sentence[1])) break;
    const answer: Token[] = [];
    for (const [index, token] of sentence.entries()) {
      if (index > 0 && asksNext(token, sentence[index + 1])) break;
      answer.push(token);
    }
    // "no he wants the botox for his forehead": answered no, then asked for a treatment.
    const opening = answer.find((token) => /\w/.test(token.text) && !FILLERS.has(token.lower));
    if (opening && NEGATIVE.test(opening.lower) && answer.some((token) => REQUEST.has(token.lower)))
      return [];
    const found = stretch(answer, fits, "MEDICAL").filter((finding) =>
      answer.some(
        (token) =>
          token.start >= finding.start &&
          token.end <= finding.end &&
          isWord(token) &&
          !NUMBER_WORDS.has(token.lower),
      ),
    );
    // The sentences of the answer after the first with something in it, until one asks or
    // turns to something else ("I have asthma. I also take sertraline. Can I do Friday?").
    if (found.length) {
      all.push(...joinedOver(answer, found, isBusiness));
      if (answer.length < sentence.length) break;
      continue;
    }
    if (all.length) break;
    // "no" or "none": nothing to remove, and the caller has answered.
    if (answer.some((token) => /^(?:no|none|nope|nothing|nah)$/.test(token.lower))) return [];
  }
  return all;
}

// A relative named in the answer ("since my brother chuy passed") starts a name, not more.
const RELATION = new Set(RELATIONS.split("|"));

// How many of the answer's own little words may lie between two things named in it and still
// be one ("[blood clots] in my [lungs]", "[feet] stay [numb]").
const JOIN_GAP = 3;

/**
 * The things named in one sentence of a health answer, joined over the short runs of grammar
 * between them ("she [has low iron] so the [doctor give her the iron tablet]"): a label's words
 * are the answer's, its grammar too; never over one of the clinic's words or a comma.
 */
function joinedOver(
  answer: Token[],
  found: Finding[],
  isBusiness: (token: Token) => boolean,
): Finding[] {
  const joined: Finding[] = [];
  for (const finding of found) {
    const last = joined.at(-1);
    if (last) {
      const between = answer.filter(
        (token) => token.start >= last.end && token.end <= finding.start,
      );
      // Only over the answer's grammar, and never into a name ("...at the Beth Israel").
      const next = answer.filter(
        (token) => token.start >= finding.start && token.end <= finding.end,
      );
      if (
        between.length <= JOIN_GAP &&
        between.every(
          (token) => /\w/.test(token.text) && NOT_HISTORY.has(token.lower) && !isBusiness(token),
        ) &&
        !next.some((token) => /^[A-Z][a-z]/.test(token.text) || RELATION.has(token.lower))
      ) {
        last.end = finding.end;
        continue;
      }
    }
    joined.push({ ...finding });
  }
  return joined;
}

const PREGNANCY_UNIT = /^(?:weeks?|wks?|months?)$/;
const ROUGHLY = new Set("about around nearly almost roughly just over under gone past".split(" "));

/** "I'm about seven weeks", "nearly 20 weeks now", "five months": how far along, said. */
export function pregnancyAnswer(tokens: Token[]): Finding[] {
  const findings: Finding[] = [];
  for (const [index, token] of tokens.entries()) {
    if (!PREGNANCY_UNIT.test(token.lower)) continue;
    let first = index;
    while (first > 0 && (isNumberish(tokens[first - 1]!) || tokens[first - 1]!.lower === "and"))
      first--;
    if (first === index) continue;
    while (first > 0 && ROUGHLY.has(tokens[first - 1]!.lower)) first--;
    const next = tokens[index + 1];
    const end = next && /^(?:gone|pregnant|along)$/.test(next.lower) ? next.end : token.end;
    findings.push({ type: "MEDICAL", start: tokens[first]!.start, end });
  }
  return findings;
}
