/**
 * Names said in a turn: introduced, greeted, titled, capitalised mid-sentence or spelled. Which
 * words can be names: ./name-words.ts; names the call has already learned: ./known-names.ts.
 */
import { FIRST_NAMES } from "../lexicon/first-names";
import { NUMBER_WORDS } from "../numbers";
import type { Token } from "../tokens";
import type { Finding } from "../types";
import { AMBIGUOUS_NAMES, isNameLike, RELATIONS, STAFF_TITLE } from "./name-words";
import { detectSpelling } from "./spelled";

// Explicit introductions: the words after them are the speaker's (or a relative's) name even
// when the clinic has staff of that name ("my name's grace kinsella"); only the whole name of
// a member of staff is kept.
const INTRODUCTION =
  /\b(?:(?:that's|thats|that is|it's|its) me,?|my name is|my name's|my names|my name|name is|the name is|the name's|(?:her|his|their) name['’]s|full name is|first name is|last name is|surname is|under the name(?: of)?|call me|calls me|(?:call|calls|called)\s+(?:her|him|them)|goes by|known as|this is|it's|its|i'm|i am|im|(?:^|[.!?]\s*)name['’]s|(?:booking|booking's|appointment|appointment's|account|account's|reservation|booked|registered|listed)\s+(?:\w+\s+){0,2}under|name\s*[,:])\s*$/i;

// "my mum, Dawn": a relative's name, even when a member of staff shares it.
// "me sister" (UK speech for "my"), Scots "ma partner", "oor quine", "mi hermana"; "my
// daughter in law".
// "the wife", "the missus": a spouse spoken of without "my".
const RELATIVE = `(?:(?:my|me|mi|ma|oor|our|her|his|their)\\s+(?:ex[- ])?(?:${RELATIONS})(?:[- ]in[- ]law)?|the\\s+(?:wife|husband|missus|missis|hubby|other half))`;
const RELATIVE_NAMED = `(?:['’]s\\s+name(?:\\s+(?:is|was))?|\\s+is called|\\s+called|\\s+named|,)?`;
const RELATION_INTRODUCTION = new RegExp(`\\b${RELATIVE}${RELATIVE_NAMED}\\s*$`, "i");
const STAFF_NAME_TOLD =
  /\b(?:dr|doctor|nurse|prof|professor)\.?\s+[a-z'’-]+['’]s\s+(?:first\s+|full\s+|last\s+|sur)?name\s+(?:is|was)\s*$/i;
// "my mom is joy, she's the birthday girl": a relative said to be someone, who is then spoken
// of; only a word that is also a name or one written with a capital ("my mum is deaf" is not).
const RELATIVE_IS = new RegExp(`\\b${RELATIVE}\\s+is\\s*$`, "i");
const SPOKEN_OF = /^(?:she|he|she's|he's|shes|hes|she’s|he’s|and|but|so|who)$/i;

// Words before a place: a first name with no other cue after them is a town or a country
// ("in jordan", "san francisco").
// ...or a place said with what it is ("beverly hills", "florence park").
const PLACE_AFTER =
  /^(?:hills?|heights|beach|springs|falls|city|valley|village|bay|harbou?r|county|island|creek|ridge|park|green|town|point|lake|lakes|mesa|canyon|crossing|station)$/i;
const PLACE_BEFORE =
  /^(?:in|at|from|near|to|into|off|via|towards|outside|around|san|santa|são|sao|saint|st|fort|port|mount|lake|los|las)$/i;

const TRIGGERS = [
  // Explicit: whatever follows is a name, in any case.
  {
    pattern:
      /(?:(?:^|[.!?]\s*)name['’]s|\b(?:(?:that's|thats|that is|it's|its) me,?|my name is|my name's|my names|her name is|his name is|their name is|(?:her|his|their|your) name['’]s|name is|the name is|the name's|full name is|first name is|last name is|surname is|patient name is|patient's name is|under the name(?: of)?|call me|calls me|called me|(?:call|calls|called)\s+(?:her|him|them)|goes by|go by|known as|nickname is|nickname's|prefer to be called|prefers to be called|it's for|its for|booking for|appointment for))\s*$/i,
    lower: true,
  },
  {
    pattern: new RegExp(`\\b(?:for\\s+)?${RELATIVE}${RELATIVE_NAMED}\\s*$`, "i"),
    lower: true,
  },
  { pattern: /\b(?:mr|mrs|ms|miss|mx|mister|missus|misses)\.?\s*$/i, lower: true },
  { pattern: /\b(?:dr|doctor)\.?\s*$/i, lower: true },
  // "the booking's under bill thompson", "it's booked under grace adeyemi", "my husband's name,
  // dawn fisher": who an appointment or account is held for, or a name given after a pause.
  {
    pattern:
      /\b(?:(?:booking|booking's|bookings|appointment|appointment's|appointments|account|account's|reservation|file|booked|registered|listed)\s+(?:is\s+|was\s+|are\s+|should be\s+|will be\s+|might be\s+)?(?:all\s+|probably\s+|still\s+)?under|(?:put|book|have|keep|pop|stick|leave)\s+(?:it|that|them|me|us|her|him)\s+(?:down\s+)?under|(?:\w+['’]s\s+)?name\s*[,:])\s*$/i,
    lower: true,
  },
  // Self-introductions: speech-to-text writes callers' names in lower case too.
  { pattern: /\b(?:this is|it's|its|i'm|i am|im)\s*$/i, lower: true },
  // "Thank you, Rachel." · "Lovely, thank you Margaret." · "Hi Tolu"
  {
    pattern:
      /\b(?:thanks|thank you|cheers|hi|hello|hey|dear|bye|goodbye|sorry|welcome|congratulations|morning|afternoon|evening)\s*,?\s*$/i,
    lower: false,
  },
];

/**
 * The last word of every introduction and trigger above (a relation, "is", "me", "for",
 * "thanks", a title, a comma...): only after one of them can a pattern match, so the patterns
 * are not run after any other word (they cost most of the redactor's time on a long call).
 */
const TRIGGER_ENDS = new Set([
  ...(
    "is was name's name’s name names of me for law her him them it's it’s its i'm i’m im am called named under by as , : . mr mrs ms miss mx mister missus misses dr doctor " +
    "thanks you cheers hi hello hey dear bye goodbye sorry welcome congratulations morning afternoon evening"
  ).split(" "),
  ...RELATIONS.split("|"),
]);

// What follows "may" or "will" as a verb: "my wife may come too", "my son will be there".
const AFTER_MODAL = new Set(
  "be come go want need have do ring call book pop bring get take try also not well just still already never like prefer pay".split(
    " ",
  ),
);

// Not "Park", "Hill", "Lane", "Green" or "Way": surnames too ("Jenny Park").
const PLACE_TYPE =
  /^(?:Street|Road|Avenue|Drive|Boulevard|Crescent|Square|Terrace|Gardens|Mews|Parkway|Station|Quarter)$/;

// What follows a verb in "-ing" that is no name: "filling in", "ringing about", "calling for".
const GOING_ON_WITH =
  /^(?:in|to|about|for|on|up|out|the|a|an|my|me|her|his|their|our|your|through|back|off|round|around|over|with|from|at|into|some|this|that|it)$/i;

function startsSentence(text: string, token: Token): boolean {
  // Only the few characters before the word: an end-anchored test of the whole prefix made
  // every word cost a pass over the text before it (quadratic on a long call).
  const from = Math.max(0, token.start - 40);
  const before = text.slice(from, token.start);
  return (from === 0 && before === "") || /(?:[.!?:]\s*|["“]\s*)$/.test(before);
}

// "hi jenny here", "hello, siobhan speaking": a caller naming themselves as a turn opens.
const NAME_HERE =
  /^(?:\W*(?:hi|hiya|hello|hey|yeah|yes|oh|um|uh|er|erm|good morning|good afternoon|good evening|morning|afternoon|evening)\b[\s,.!]*)*([a-z\u00C0-\u024F][a-z\u00C0-\u024F'’-]*(?:\s+[a-z\u00C0-\u024F][a-z\u00C0-\u024F'’-]*)?)\s*,?\s+(?:here|speaking)\b/i;

function namedHere(text: string, tokens: Token[], allow: Set<string>): Finding[] {
  const match = NAME_HERE.exec(text);
  if (!match) return [];
  const start = match.index + match[0].lastIndexOf(match[1]!);
  const words = tokens.filter(
    (token) => token.start >= start && token.end <= start + match[1]!.length,
  );
  if (words.length === 0 || words.some((word) => !isNameLike(word, true) || allow.has(word.lower)))
    return [];
  return [{ type: "NAME", start: words[0]!.start, end: words.at(-1)!.end }];
}

/**
 * Names: introduced ("my name is Jane Doe", "it's for my daughter Emily", "hi it's aisling
 * byrne"), greeted ("Thank you, Rachel"), titled ("Mrs Patel"), capitalised mid-sentence
 * ("for Rosa's consultation"), and spelled out letter by letter ("P-A-T-E-L", "w-u").
 */
/**
 * A capital then small letters, in any Latin script ("Grażyna", "Siân", "Núñez", "Łukasz"); the
 * ASCII test first, the Unicode one (slower, and every word asks) only for other letters.
 */
function isCapitalised(word: string, apostrophes = true): boolean {
  if (apostrophes ? /^[A-Z][a-z'’]+$/.test(word) : /^[A-Z][a-z]+$/.test(word)) return true;
  if (!/[^\x00-\x7f]/.test(word)) return false;
  return apostrophes ? /^\p{Lu}[\p{Ll}'’]+$/u.test(word) : /^\p{Lu}\p{Ll}+$/u.test(word);
}

export function detectNames(
  text: string,
  tokens: Token[],
  allow: Set<string>,
  /** Whole allowed terms ("amara okafor"): a name that is all of one is a member of staff. */
  allowPhrases: Set<string> = new Set(),
  /** The staff's surnames ("landry"): after another first name, a namesake's ("Dolly Landry"). */
  staffSurnames: Set<string> = new Set(),
): Finding[] {
  const findings: Finding[] = [];
  const allowed = (token: Token) =>
    allow.has(token.lower) || allow.has(token.lower.replace(/['’]s$/, ""));
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const previous = tokens[index - 1];
    const afterTrigger = previous !== undefined && TRIGGER_ENDS.has(previous.lower);
    const before = afterTrigger ? text.slice(Math.max(0, token.start - 50), token.start) : "";
    const introduced =
      afterTrigger &&
      (INTRODUCTION.test(before) || RELATION_INTRODUCTION.test(before)) &&
      // "Dr Hext's first name is Tamar": a member of staff's name, told.
      !STAFF_NAME_TOLD.test(before);
    const next = tokens[index + 1];
    // "my name's may", "this is Will Bradshaw": a word that is also a name, introduced.
    const ambiguousIntroduced =
      introduced &&
      AMBIGUOUS_NAMES.has(token.lower) &&
      // "me wife june she's...": after a relative, the name whatever follows, unless a date or
      // a verb does ("my wife may come too").
      ((RELATION_INTRODUCTION.test(before) &&
        !/^\d/.test(next?.text ?? "") &&
        !AFTER_MODAL.has(next?.lower ?? "") &&
        // "my wife may she rest in peace": the wish, not her name.
        !(
          /^(?:may|will)$/.test(token.lower) &&
          /^(?:she|he|they|i|we|you|it|god)$/.test(next?.lower ?? "")
        )) ||
        !next ||
        !/\w/.test(next.text) ||
        isNameLike(next, true) ||
        /^[a-z]$/i.test(next.text) ||
        /^(?:calling|here|speaking|again|from|too)$/i.test(next.text));
    // "on its way", "for its price", "changed its shape": the possessive, not "it's".
    const possessiveIts =
      previous?.lower === "its" &&
      /^(?:on|in|of|for|to|at|by|with|from|into|onto|about|changed|changing|lost|losing|kept|keeps|has|had|done|did|doing|made|makes)$/i.test(
        tokens[index - 2]?.text ?? "",
      );
    // "this is miss june", "Mrs May": a word that is also a name (or a month) after a title.
    const titledAmbiguous =
      AMBIGUOUS_NAMES.has(token.lower) &&
      previous !== undefined &&
      (/^(?:mr|mrs|ms|mx|mister|missus)\.?$/i.test(previous.text) ||
        previous.text === "Miss" ||
        (previous.lower === "miss" &&
          /\b(?:this is|it's|its|i'm|im|for|ask|tell|called|named)\s+$/i.test(
            text.slice(Math.max(0, previous.start - 12), previous.start),
          )));
    const relativeIs =
      afterTrigger &&
      previous.lower === "is" &&
      (AMBIGUOUS_NAMES.has(token.lower) || isCapitalised(token.text)) &&
      isNameLike(token, true) &&
      (!next || !/\w/.test(next.text) || SPOKEN_OF.test(next.text)) &&
      RELATIVE_IS.test(before);
    const trigger =
      (afterTrigger && !possessiveIts
        ? TRIGGERS.find(
            (candidate) => candidate.pattern.test(before) && isNameLike(token, candidate.lower),
          )
        : undefined) ??
      (ambiguousIntroduced || titledAmbiguous || relativeIs ? { lower: true } : undefined);
    // "a nose job in Athens", "out in Gangnam": a place, not a person.
    const capitalisedMidSentence =
      isCapitalised(token.text) &&
      !startsSentence(text, token) &&
      isNameLike(token, false) &&
      !(previous && /^(?:in|near|outside|around)$/i.test(previous.text));
    const capitalisedPair =
      isCapitalised(token.text, false) &&
      isNameLike(token, false) &&
      isCapitalised(tokens[index + 1]?.text ?? "", false) &&
      isNameLike(tokens[index + 1], false) &&
      tokens[index + 1]!.start === token.end + 1;
    // "a gift card for oor kirsten's wedding", "my tata eloy": a first name that is no English
    // word, said in lower case with no cue (lexicon/first-names.ts).
    const knownFirstName =
      !trigger &&
      FIRST_NAMES.has(token.lower.replace(/['’]s$/, "")) &&
      !AMBIGUOUS_NAMES.has(token.lower) &&
      isNameLike(token, true) &&
      // "a sister in houston", "up from jordan": a place ("jordan") before a name.
      !(previous && (STAFF_TITLE.test(previous.text) || PLACE_BEFORE.test(previous.text))) &&
      !(next && PLACE_AFTER.test(next.text));
    if (!trigger && !capitalisedMidSentence && !capitalisedPair && !knownFirstName) continue;
    // "it stops on Great Hampton Street": a street's name, not a person's (with a house
    // number, the address detector takes it).
    if (!trigger && next && PLACE_TYPE.test(next.text)) continue;
    // "i'm filling in the form", "it's working on the app", "I'm turning 40": a verb going on.
    if (
      trigger &&
      !capitalisedMidSentence &&
      /^[a-z]{3,}ing$/.test(token.text) &&
      next &&
      (GOING_ON_WITH.test(next.text) || /^\d/.test(next.text) || NUMBER_WORDS.has(next.lower))
    )
      continue;
    // Staff names are business data, unless someone introduces themselves by one.
    if (allowed(token) && !(trigger && introduced)) continue;
    let last = index;
    // A surname (and maybe a middle name) follows if it also looks like a name; when the first
    // name was written with a capital, so must the rest be.
    const allowLower =
      !/^[A-Z\u00C0-\u00DE]/.test(token.text) && (Boolean(trigger?.lower) || knownFirstName);
    // A known first name with no cue takes one more word at most ("kirsten findlater").
    // "kayleigh's birthday": none after a possessive.
    const reach =
      trigger || !knownFirstName || capitalisedMidSentence ? 3 : /['’]s$/.test(token.text) ? 0 : 1;
    for (;;) {
      const next = tokens[last + 1];
      // Hyphenated names continue: "Hyun-woo", "Mary-Jane".
      if (
        next?.text === "-" &&
        next.start === tokens[last]!.end &&
        /^[A-Za-z]/.test(tokens[last + 2]?.text ?? "") &&
        tokens[last + 2]!.start === next.end
      ) {
        last += 2;
        continue;
      }
      // "ravi ravi patel": a name said twice as the caller restarts is one.
      if (next && next.lower === tokens[last]!.lower && next.start - tokens[last]!.end === 1) {
        last++;
        continue;
      }
      if (
        last < index + reach &&
        isNameLike(next, allowLower) &&
        (introduced ||
          !allowed(next!) ||
          (last === index && !allowed(token) && staffSurnames.has(next!.lower))) &&
        next!.start - tokens[last]!.end <= 1
      ) {
        last++;
        continue;
      }
      break;
    }
    const span = text.slice(token.start, tokens[last]!.end).toLowerCase();
    // "it's Amara Okafor's patient": the whole name of a member of staff stays.
    if (!(allowPhrases.has(span) || allowPhrases.has(span.replace(/['’]s$/, "")))) {
      findings.push({
        type: "NAME",
        start: token.start,
        end: tokens[last]!.end,
        ...(knownFirstName ? { guessed: true } : {}),
      });
    }
    index = last;
  }
  // "p r p", "i p l", "b b l": the clinic's own initials spelled, not a name ("april a p r i l
  // soto" is a name spelled, whatever the staff are called).
  const initials = (finding: Finding) => {
    const letters = text
      .slice(finding.start, finding.end)
      .replace(/[^a-z]/gi, "")
      .toLowerCase();
    return letters.length <= 4 && allow.has(letters);
  };
  const spelled = detectSpelling(tokens).filter((finding) => !initials(finding));
  // Spelled letters: three or more single letters, or two or more joined by hyphens ("w-u").
  for (const match of text.matchAll(
    /(?<!['’])\b[A-Za-z](?:(?:\s*-\s*)[A-Za-z]){1,}\b|(?<!['’])\b[A-Za-z](?:(?:\s+|\.\s*)[A-Za-z]){2,}\b/g,
  )) {
    const parts = match[0].split(/[\s.-]+/);
    const finding: Finding = {
      type: "NAME",
      start: match.index,
      end: match.index + match[0].length,
    };
    if (parts.every((part) => part.length === 1) && !initials(finding)) spelled.push(finding);
  }
  findings.push(...spelled);
  // "camila c a m i l a roux": a name spelled to confirm it, then the surname.
  // Tokens by where they start and end: one lookup per spelling, not a walk of the turn.
  const startingAt = new Map(
    spelled.length ? tokens.map((token, index) => [token.start, index]) : [],
  );
  const endingAt = new Map(spelled.length ? tokens.map((token, index) => [token.end, index]) : []);
  for (const spelling of spelled) {
    const first = startingAt.get(spelling.start);
    const last = endingAt.get(spelling.end);
    if (first === undefined || last === undefined) continue;
    const previous = tokens[first - 1];
    const next = tokens[last + 1];
    const letters = text
      .slice(spelling.start, spelling.end)
      .replace(/[^a-z]/gi, "")
      .toLowerCase();
    if (
      next &&
      previous &&
      previous.lower === letters &&
      /^\s+$/.test(text.slice(spelling.end, next.start)) &&
      isNameLike(next, true) &&
      !allow.has(next.lower)
    )
      findings.push({ type: "NAME", start: next.start, end: next.end });
  }
  findings.push(...namedHere(text, tokens, allow));
  return findings;
}
