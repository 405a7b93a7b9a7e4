import { NUMBER_WORDS } from "../numbers";
import type { Token } from "../tokens";
import type { Finding } from "../types";

// Words that follow "this is", "I'm", "it's" etc. without being a name.
const NOT_NAMES = new Set(
  (
    "a an the so very really just not calling ringing phoning interested looking wondering hoping trying thinking going getting here there " +
    "sorry fine good great okay ok yes yeah no about after from with and but or in on at for to of it its is was be been being " +
    "my your his her their our me him them you we they that this what when where why how who which also still " +
    "actually currently pregnant nervous worried curious considering planning ready booked free available busy done sure new back " +
    "home work out up down over under around again already only quite rather too well much more less right left speaking please thanks thank " +
    "hello hi hey morning afternoon evening regarding re spelled spelt spelling like as called named " +
    "all any some one two three four five six seven eight nine ten twelve twenty thirty fifty hundred thousand first second third last next " +
    "fine happy glad sad tired late early open closed expensive cheap worth possible true false normal better worse best worst same different " +
    "about around maybe probably definitely totally kind sort lot bit little big small long short quick fast slow easy hard " +
    "because since until unless whether while if then than though although even ever never always often sometimes usually " +
    "mine yours hers ours theirs myself yourself herself himself themselves ourselves everyone someone anyone nobody something nothing anything everything " +
    "cool nice lovely perfect brilliant amazing awesome fantastic wonderful excellent alright fair weird strange funny crazy " +
    "worth due important urgent fine covered included paid confirmed cancelled canceled scheduled there's that's it's what's " +
    "honestly basically literally seriously obviously apparently hopefully unfortunately luckily " +
    "asking booking checking coming doing feeling following having leaving making needing returning running saying seeing sending sitting " +
    "staying taking talking telling texting waiting working writing enquiring inquiring emailing messaging reaching trying hoping ringing " +
    "called married worried scared excited confused concerned pleased based located allergic diabetic vegan vegetarian older younger single " +
    "divorced retired unemployed employed student self over under nearly almost exactly"
  ).split(" "),
);
const RELATIONS =
  "daughter|son|husband|wife|partner|mother|mum|mom|father|dad|sister|brother|friend|fiance|fiancé|fiancee|girlfriend|boyfriend|grandmother|grandma|grandfather|grandpa|aunt|uncle|niece|nephew|cousin|child|kid|boss|pa|assistant";
// Capitalised words that are not people: calendar, languages and nationalities, titles, brands.
const CAPITALISED_COMMON = new Set(
  (
    "i i'm i've i'll i'd monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september " +
    "october november december christmas easter english spanish french german italian portuguese chinese mandarin cantonese japanese korean " +
    "arabic hindi urdu punjabi bengali polish russian turkish greek dutch swedish norwegian danish finnish american british irish scottish welsh " +
    "canadian australian european african asian caribbean latin ok okay dr mr mrs ms miss mx doctor nurse sir madam visa mastercard amex " +
    "nhs covid google apple gmail yahoo outlook hotmail icloud zoom whatsapp facetime uber amazon paypal stripe thanks thank yes no sure great " +
    "perfect lovely hello hi hey please sorry alright right well so and but or the a an that this it is we you he she they there here what when " +
    "where why how who which can could would should will shall may might must do does did have has had be been am are was were not also just " +
    "let let's our your my his her their its our if then because okay good fine best kind regards bye goodbye morning afternoon evening " +
    "street road avenue lane drive apartment suite unit flat north south east west am pm"
  ).split(" "),
);

const TRIGGERS = [
  // Explicit: whatever follows is a name, in any case.
  {
    pattern:
      /\b(?:my name is|my name's|her name is|his name is|their name is|name is|the name is|the name's|full name is|first name is|last name is|surname is|patient name is|patient's name is|under the name(?: of)?|call me|it's for|its for|booking for|appointment for)\s*$/i,
    lower: true,
  },
  {
    pattern: new RegExp(
      `\\b(?:my|our|her|his|their|for my|for our|for her|for his)\\s+(?:${RELATIONS})(?:'s name is|\\s+is called|\\s+called|\\s+named|,)?\\s*$`,
      "i",
    ),
    lower: true,
  },
  { pattern: /\b(?:mr|mrs|ms|miss|mx|dr|doctor)\.?\s*$/i, lower: true },
  // Self-introductions: speech-to-text writes callers' names in lower case too.
  { pattern: /\b(?:this is|it's|its|i'm|i am|im)\s*$/i, lower: true },
  // "Thank you, Rachel." · "Lovely, thank you Margaret." · "Hi Tolu"
  {
    pattern:
      /\b(?:thanks|thank you|cheers|hi|hello|hey|dear|bye|goodbye|sorry|welcome|congratulations|morning|afternoon|evening)\s*,?\s*$/i,
    lower: false,
  },
];

function isNameLike(token: Token | undefined, allowLower: boolean): boolean {
  if (!token || !/^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’-]*$/.test(token.text)) return false;
  const bare = token.lower.replace(/['’]s$/, "");
  if (
    NOT_NAMES.has(bare) ||
    CAPITALISED_COMMON.has(bare) ||
    CAPITALISED_COMMON.has(bare.replace(/s$/, ""))
  )
    return false;
  if (NUMBER_WORDS.has(bare)) return false;
  if (!allowLower && !/^[A-Z\u00C0-\u00DE]/.test(token.text)) return false;
  return bare.length >= 2;
}

/** Can this word be part of a name said in answer to "your name?" (any case, not a common word)? */
export function couldBeName(token: Token): boolean {
  return isNameLike(token, true);
}

function startsSentence(text: string, token: Token): boolean {
  // Only the few characters before the word: an end-anchored test of the whole prefix made
  // every word cost a pass over the text before it (quadratic on a long call).
  const from = Math.max(0, token.start - 40);
  const before = text.slice(from, token.start);
  return (from === 0 && before === "") || /(?:[.!?:]\s*|["“]\s*)$/.test(before);
}

/**
 * Names: introduced ("my name is Jane Doe", "it's for my daughter Emily", "hi it's aisling
 * byrne"), greeted ("Thank you, Rachel"), titled ("Mrs Patel"), capitalised mid-sentence
 * ("for Rosa's consultation"), and spelled out letter by letter ("P-A-T-E-L", "w-u").
 */
export function detectNames(text: string, tokens: Token[], allow: Set<string>): Finding[] {
  const findings: Finding[] = [];
  const allowed = (token: Token) =>
    allow.has(token.lower) || allow.has(token.lower.replace(/['’]s$/, ""));
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const before = text.slice(Math.max(0, token.start - 50), token.start);
    const trigger = TRIGGERS.find(
      (candidate) => candidate.pattern.test(before) && isNameLike(token, candidate.lower),
    );
    const capitalisedMidSentence =
      /^[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF'’]+$/.test(token.text) &&
      !startsSentence(text, token) &&
      isNameLike(token, false);
    const capitalisedPair =
      /^[A-Z][a-z]+$/.test(token.text) &&
      isNameLike(token, false) &&
      /^[A-Z][a-z]+$/.test(tokens[index + 1]?.text ?? "") &&
      isNameLike(tokens[index + 1], false) &&
      tokens[index + 1]!.start === token.end + 1;
    if ((!trigger && !capitalisedMidSentence && !capitalisedPair) || allowed(token)) continue;
    let last = index;
    // A surname (and maybe a middle name) follows if it also looks like a name; when the first
    // name was written with a capital, so must the rest be.
    const allowLower = !/^[A-Z\u00C0-\u00DE]/.test(token.text) && Boolean(trigger?.lower);
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
      if (
        last < index + 3 &&
        isNameLike(next, allowLower) &&
        !allowed(next!) &&
        next!.start - tokens[last]!.end <= 1
      ) {
        last++;
        continue;
      }
      break;
    }
    findings.push({ type: "NAME", start: token.start, end: tokens[last]!.end });
    index = last;
  }
  // Spelled letters: three or more single letters, or two or more joined by hyphens ("w-u").
  for (const match of text.matchAll(
    /\b[A-Za-z](?:(?:\s*-\s*)[A-Za-z]){1,}\b|\b[A-Za-z](?:(?:\s+|\.\s*)[A-Za-z]){2,}\b/g,
  )) {
    if (match[0].split(/[\s.-]+/).every((part) => part.length === 1))
      findings.push({ type: "NAME", start: match.index, end: match.index + match[0].length });
  }
  return findings;
}

/** Whole-word occurrences of names already found elsewhere in the call ("Thanks, Jane"). */
export function detectKnownNames(text: string, names: Set<string>): Finding[] {
  const findings: Finding[] = [];
  const escaped = [...names]
    .filter((name) => name.length >= 2)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (escaped.length === 0) return findings;
  const pattern = new RegExp(`\\b(?:${escaped.join("|")})(?:['’]s)?\\b`, "gi");
  for (const match of text.matchAll(pattern))
    findings.push({ type: "NAME", start: match.index, end: match.index + match[0].length });
  return findings;
}
