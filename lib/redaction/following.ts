import { isSpelledToken } from "./detectors/spelled";
import { NUMBER_WORDS } from "./numbers";
import { FILLERS, tokenIndexAfter, type Token } from "./tokens";
import type { Finding, RedactionType } from "./types";

// Between a keyword and its value: "password is", "code's", "PIN: ", "it's just".
const LEAD_INS = new Set([
  "is",
  "was",
  "'s",
  "’s",
  "s",
  "are",
  "it",
  "it's",
  "its",
  "that's",
  "thats",
  "be",
  "would",
  "should",
  "will",
  "just",
  "like",
  "actually",
  "probably",
  "um",
  "uh",
  "er",
  "erm",
  ":",
  "=",
  "-",
  "–",
  "—",
  '"',
  "“",
  "'",
]);
// Where the value stops: a pause in the punctuation, or a word that starts the next thought.
const PAUSE = new Set([".", ",", ";", "!", "?", "…", ")", "(", "—"]);
const NEXT_THOUGHT = new Set([
  "and",
  "but",
  "so",
  "then",
  "because",
  "cos",
  "if",
  "or",
  "also",
  "anyway",
  "thanks",
  "thank",
  "please",
  "okay",
  "ok",
  "right",
  "sorry",
]);
/** The longest value taken: a password or a code, not the rest of the call. */
const MAX_VALUE_TOKENS = 8;
// What follows a keyword that is not its value: "...code off instagram", "...PIN for the app".
const NOT_A_VALUE = new Set(
  (
    "off on for from to in at of with about by via through the a an this that these those my your " +
    "his her our their it its i you we they he she and or but so then if when because cos " +
    "was were are be been is not no never doesn't don't didn't isn't wasn't won't can't " +
    "can could would should will do does did has have had got get gets reset changed again please"
  ).split(" "),
);

/**
 * What was said after a keyword (`after`: the keyword's end): the next word, number or phrase,
 * up to a pause ("my portal password is hunter2, and ..." -> "hunter2"). Empty when nothing
 * follows, or when the keyword ends the sentence ("I forgot my password.").
 */
const codeLike = (token: Token) =>
  /\d/.test(token.text) ||
  NUMBER_WORDS.has(token.lower) ||
  /^[a-z]$/i.test(token.text) ||
  (/^[A-Z0-9]{3,}$/.test(token.text) && /[A-Z]/.test(token.text));

// "...my memorable word for the app, i set it up as ballycastle": how it was set, then the value.
const SET_AS =
  /^\s*,?\s*(?:(?:for|on)\s+(?:the\s+|my\s+|your\s+)?[a-z]+\s*,?\s+)?(?:(?:i|we|she|he)\s+|(?:it['’]?s|it\s+is|it\s+was)\s+)?(?:set\s+(?:it\s+)?(?:up\s+)?(?:as|to)|made\s+it|changed\s+it\s+to|put\s+it\s+as|chose|picked)\s+/i;

const COMPLAINT =
  /^(?:wrong|incorrect|invalid|locked|expired|broken|rejected|declined|failing|not|no|never)$/;
// ...in the same sentence, or the next when it goes on from it ("It says my PIN is wrong. But
// I'm sure it's ...").
const CLAIMED =
  /^[^.?!]*?(?:[.?!]\s+(?:but|and|so|though|although|yet|i\s+think|i'm\s+sure)\b[^.?!]*?)?\b(?:it['’]s|it\s+is|it\s+was|(?:it\s+)?should\s+be|i\s+(?:put|typed|entered|used)(?:\s+in)?)\s+(?=\S)/i;

export function valueAfter(
  text: string,
  tokens: Token[],
  keywordEnd: number,
  type: RedactionType,
): Finding[] {
  const setAs = SET_AS.exec(text.slice(keywordEnd, keywordEnd + 80));
  const after = keywordEnd + (setAs?.[0].length ?? 0);
  let index = tokenIndexAfter(tokens, after);
  // The keyword's own token when it ended inside it ("password's").
  if (tokens[index] && tokens[index]!.start < after) index++;
  const valueStart = index;
  for (let skipped = 0; index < tokens.length && skipped < 6; skipped++) {
    const token = tokens[index]!;
    // "The portal password, it's, um, Bluebell77": a comma before a lead-in is no pause.
    const leadsOn =
      token.text === "," &&
      (LEAD_INS.has(tokens[index + 1]?.lower ?? "") ||
        (index > valueStart && LEAD_INS.has(tokens[index - 1]!.lower)));
    if (PAUSE.has(token.text) && token.text !== ":" && !leadsOn) return [];
    if (leadsOn) {
      index++;
      continue;
    }
    if (!LEAD_INS.has(token.lower)) break;
    index++;
  }
  // "...my portal pin is wrong but i'm sure it's two oh one nine": a complaint is no value; the
  // value is what the caller then says it is, in the same sentence or the next.
  if (tokens[index] && COMPLAINT.test(tokens[index]!.lower)) {
    const from = tokens[index]!.end;
    const claimed = CLAIMED.exec(text.slice(from, from + 120));
    return claimed ? valueAfter(text, tokens, from + claimed.index + claimed[0].length, type) : [];
  }
  // Straight after the keyword, with no "is" or ":" between, a preposition or a pronoun starts
  // the value only when a number or a letter is said soon after ("the code they gave me is
  // zero zero four two", "changed my password to capital h hunter two"), never in "a promo
  // code off instagram for the facial".
  if (
    index === valueStart &&
    !setAs &&
    tokens[index] &&
    NOT_A_VALUE.has(tokens[index]!.lower) &&
    !tokens.slice(index, index + MAX_VALUE_TOKENS).some(codeLike)
  )
    return [];
  let last = -1;
  for (let at = index; at < tokens.length; at++) {
    const token = tokens[at]!;
    // Past the longest value only a spelling in progress goes on ("... two two nine").
    if (
      at >= index + MAX_VALUE_TOKENS &&
      !(last === at - 1 && isSpelledToken(token) && isSpelledToken(tokens[last]!))
    )
      break;
    if (PAUSE.has(token.text)) {
      const next = tokens[at + 1];
      const glued = last >= 0 && tokens[last]!.end === token.start;
      // A symbol inside a value ("hunter2.0", "j.smith", "Pumpkin!7") continues it, and so does
      // an exclamation mark on a value the sentence goes on after ("Summer2024! and it's not
      // working"); one before a space and a new sentence ends it.
      if (glued && next?.start === token.end && /\w/.test(next.text)) continue;
      if (glued && token.text === "!" && (!next || /^[a-z]/.test(next.text))) {
        last = at;
        continue;
      }
      break;
    }
    if (last >= 0 && (NEXT_THOUGHT.has(token.lower) || FILLERS.has(token.lower))) break;
    // A long gap (a new line, a pause written as spaces) ends it too.
    if (last >= 0 && /\n|\s{3,}/.test(text.slice(tokens[last]!.end, token.start))) break;
    last = at;
  }
  if (last < 0) return [];
  return [{ type, start: tokens[index]!.start, end: tokens[last]!.end }];
}

const IDENTIFIER_CUE =
  /\b(?:staff|employee|student|payroll|works|member|membership|policy|account|reference|customer|patient|nhs|insurance|medicare|medicaid|claim|subscriber|group|national insurance|ni|social security|passport|licen[cs]e|hospital|case)\s+(?:number|no|id|code|ref)(?=\s+(?:is|was)\b|['’]s\b|\s*:)/gi;

// "the pin is in the post", "my password is wrong": said about the credential, not the value.
const SAID_ABOUT_IT =
  /^(?:in|on|at|the|a|an|not|no|still|wrong|incorrect|locked|expired|different|same|correct|right|working|broken|too|very|my|your|for|to|set|sent|reset|changed|new|old|case|what|how|why|where|there)\b/i;
const CREDENTIAL_CUE =
  /\b(?:password|passcode|pass code|passphrase|pin|pin number|pin code|memorable word|memorable answer|security answer|secret answer|security word)(?:\s+(?:for|on|to|at)\s+(?:the\s+|my\s+|your\s+)?[a-z]+(?:\s+(?:portal|app|account|login|site))?)?(?=\s+(?:is|was)\b|['’]s\b|\s*:|,?\s+(?:i|we|she|he)\s+(?:set|made|changed|put)\s+it\b)/gi;

/**
 * Built in, whatever the clinic's rules: a credential named and then said ("my password for
 * the portal is ..."), its value up to a pause.
 */
export function credentialsSaid(text: string, tokens: Token[]): Finding[] {
  return [...text.matchAll(CREDENTIAL_CUE)].flatMap((match) =>
    valueAfter(text, tokens, match.index + match[0].length, "ID").filter(
      (value) => !SAID_ABOUT_IT.test(text.slice(value.start, value.end)),
    ),
  );
}

/**
 * Built in: an identifier named and then said ("my staff number's uni 4471", "the member id is
 * XJ 20 44"), its value up to its last digit or number word.
 */
export function identifiersSaid(text: string, tokens: Token[]): Finding[] {
  return [...text.matchAll(IDENTIFIER_CUE)].flatMap((match) =>
    valueAfter(text, tokens, match.index + match[0].length, "ID").flatMap((value) => {
      const inside = tokens.filter((token) => token.start >= value.start && token.end <= value.end);
      const last = inside.findLastIndex(
        (token) => /\d/.test(token.text) || NUMBER_WORDS.has(token.lower),
      );
      return last < 0 ? [] : [{ ...value, end: inside[last]!.end }];
    }),
  );
}
