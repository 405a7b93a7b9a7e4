import { NUMBER_WORDS } from "../numbers";
import { FILLERS, type Token } from "../tokens";
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
    "own mine yours hers ours theirs myself yourself herself himself themselves ourselves everyone someone anyone nobody something nothing anything everything " +
    "cool nice lovely perfect brilliant amazing awesome fantastic wonderful excellent alright fair weird strange funny crazy " +
    "worth due important urgent fine covered included paid confirmed cancelled canceled scheduled there's that's it's what's " +
    "honestly basically literally seriously obviously apparently hopefully unfortunately luckily " +
    "asking booking checking coming doing feeling following having leaving making needing returning running saying seeing sending sitting " +
    "staying taking talking telling texting waiting working writing enquiring inquiring emailing messaging reaching trying hoping ringing " +
    "called married worried scared excited confused concerned pleased based located allergic diabetic vegan vegetarian older younger single " +
    "divorced retired unemployed employed student self over under nearly almost exactly " +
    "earlier later today tonight tomorrow yesterday now again reception " +
    "wants needs has had says said thinks loves likes hates gets got went came asked told tried uses used does did goes works lives knows feels felt looks seems wanted needed " +
    "don't dont doesn't didn't can't cant won't isn't wasn't aren't haven't hasn't wouldn't couldn't shouldn't use"
  ).split(" "),
);
const RELATIONS =
  "daughter|son|husband|wife|partner|mother|mum|mom|mam|mama|momma|mommy|mummy|ma|father|dad|daddy|papa|da|sister|brother|friend|best friend|mate|pal|colleague|neighbour|neighbor|flatmate|housemate|roommate|fiance|fiancé|fiancee|girlfriend|boyfriend|grandmother|grandma|nan|nana|gran|granny|grandfather|grandpa|grandad|granddad|stepmum|stepmom|stepdad|stepson|stepdaughter|aunt|auntie|uncle|niece|nephew|cousin|grandson|granddaughter|grandchild|grandkid|godson|goddaughter|child|kid|boss|pa|assistant|carer";
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
    "street road avenue lane drive apartment suite unit flat north south east west am pm " +
    "medicare medicaid tricare aetna cigna humana kaiser anthem bupa axa vitality carecredit cherry affirm klarna " +
    "health care social security national insurance"
  ).split(" "),
);

/**
 * Words that are also first names ("may i", "will do", "the bill", "grace period", "i hope"):
 * never guessed from capitals alone, but a name when introduced ("my name's may", "this is
 * Will Bradshaw"), asked for, or greeted once the call has learned it.
 */
export const AMBIGUOUS_NAMES = new Set(
  (
    "may june april august grace will bill rose hope joy faith mark sue pat bob jack art iris ivy " +
    "dawn summer autumn amber ruby pearl holly heather daisy lily violet sky rich frank sandy penny " +
    "carol chase drew gene guy jean kay lee max miles rob ray sage skip"
  ).split(" "),
);

// Explicit introductions: the words after them are the speaker's (or a relative's) name even
// when the clinic has staff of that name ("my name's grace kinsella"); only the whole name of
// a member of staff is kept.
const INTRODUCTION =
  /\b(?:my name is|my name's|my names|my name|name is|the name is|the name's|full name is|first name is|last name is|surname is|under the name(?: of)?|call me|calls me|goes by|known as|this is|it's|its|i'm|i am|im|(?:^|[.!?]\s*)name['’]s|(?:booking|booking's|appointment|appointment's|account|account's|reservation|booked|registered|listed)\s+(?:\w+\s+){0,2}under|name\s*[,:])\s*$/i;

// "my mum, Dawn": a relative's name, even when a member of staff shares it.
const RELATION_INTRODUCTION = new RegExp(
  `\\b(?:my|our|her|his|their)\\s+(?:${RELATIONS})(?:'s name is|\\s+is called|\\s+called|\\s+named|,)?\\s*$`,
  "i",
);

const TRIGGERS = [
  // Explicit: whatever follows is a name, in any case.
  {
    pattern:
      /(?:(?:^|[.!?]\s*)name['’]s|\b(?:my name is|my name's|my names|her name is|his name is|their name is|(?:her|his|their|your) name['’]s|name is|the name is|the name's|full name is|first name is|last name is|surname is|patient name is|patient's name is|under the name(?: of)?|call me|calls me|called me|goes by|go by|known as|nickname is|nickname's|prefer to be called|prefers to be called|it's for|its for|booking for|appointment for))\s*$/i,
    lower: true,
  },
  {
    pattern: new RegExp(
      `\\b(?:my|our|her|his|their|for my|for our|for her|for his)\\s+(?:${RELATIONS})(?:'s name is|\\s+is called|\\s+called|\\s+named|,)?\\s*$`,
      "i",
    ),
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
    "is name's name’s name names of me for it's it’s its i'm i’m im am called named under by as , : . mr mrs ms miss mx mister missus misses dr doctor " +
    "thanks you cheers hi hello hey dear bye goodbye sorry welcome congratulations morning afternoon evening"
  ).split(" "),
  ...RELATIONS.split("|"),
]);

// What follows a verb in "-ing" that is no name: "filling in", "ringing about", "calling for".
const GOING_ON_WITH =
  /^(?:in|to|about|for|on|up|out|the|a|an|my|me|her|his|their|our|your|through|back|off|round|around|over|with|from|at|into|some|this|that|it)$/i;

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
  // After "I'm", "it's", "this is" in lower case, what describes is no name: "I'm afraid",
  // "it's pretty mild", "it's mostly gone", "it's migrated", "I'm undetectable".
  if (token.text === token.lower && (PREDICATES.has(bare) || PREDICATE_SHAPE.test(bare)))
    return false;
  return bare.length >= 2;
}

const PREDICATES = new Set(
  (
    "afraid pretty type mild gone positive negative undetectable awake asleep alive aware alone " +
    "unwell poorly ill sick poor rich broke bad worse sore stuck lost safe unsure sorted grand " +
    "fab ace dead mad glad proper bare such these those both either neither"
  ).split(" "),
);
// Adverbs, participles and adjectives by their endings (names rarely end so in lower case).
const PREDICATE_SHAPE =
  /^[a-z]{2,}(?:ously|ently|antly|ately|ibly|ably|ively|fully|lessly|stly|ctly|ghtly|ated|ened|ished|i[sz]ed|ured|ected|ested|ented|olved|anged|aged|ating|ening|ting|ding|king|ying|ful|ous|ive|able|ible|less|ness|ment|ish)$/;

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
      afterTrigger && (INTRODUCTION.test(before) || RELATION_INTRODUCTION.test(before));
    const next = tokens[index + 1];
    // "my name's may", "this is Will Bradshaw": a word that is also a name, introduced.
    const ambiguousIntroduced =
      introduced &&
      AMBIGUOUS_NAMES.has(token.lower) &&
      (!next ||
        !/\w/.test(next.text) ||
        isNameLike(next, true) ||
        /^[a-z]$/i.test(next.text) ||
        /^(?:calling|here|speaking|again|from|too)$/i.test(next.text));
    // "on its way", "for its price": the possessive, not "it's".
    const possessiveIts =
      previous?.lower === "its" &&
      /^(?:on|in|of|for|to|at|by|with|from|into|onto|about)$/i.test(tokens[index - 2]?.text ?? "");
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
    const trigger =
      (afterTrigger && !possessiveIts
        ? TRIGGERS.find(
            (candidate) => candidate.pattern.test(before) && isNameLike(token, candidate.lower),
          )
        : undefined) ?? (ambiguousIntroduced || titledAmbiguous ? { lower: true } : undefined);
    const capitalisedMidSentence =
      isCapitalised(token.text) && !startsSentence(text, token) && isNameLike(token, false);
    const capitalisedPair =
      isCapitalised(token.text, false) &&
      isNameLike(token, false) &&
      isCapitalised(tokens[index + 1]?.text ?? "", false) &&
      isNameLike(tokens[index + 1], false) &&
      tokens[index + 1]!.start === token.end + 1;
    if (!trigger && !capitalisedMidSentence && !capitalisedPair) continue;
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
      // "ravi ravi patel": a name said twice as the caller restarts is one.
      if (next && next.lower === tokens[last]!.lower && next.start - tokens[last]!.end === 1) {
        last++;
        continue;
      }
      if (
        last < index + 3 &&
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
      findings.push({ type: "NAME", start: token.start, end: tokens[last]!.end });
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

const LETTER = /^[a-z]$/i;
const SPELLING_GLUE = new Set(["-", ",", ".", "then", "and"]);

/**
 * A name spelled out as people spell on the phone: "s as in sam, m, i, t, h", "b double o t h",
 * "r for robert o s e". Units are a letter, "double"/"triple" and a letter, or a letter "as in"
 * (or "for", "like") a word; three units make a spelling, or two when one of them is one of
 * the spoken forms, which no ordinary sentence has.
 */
function detectSpelling(tokens: Token[]): Finding[] {
  const findings: Finding[] = [];
  let index = 0;
  while (index < tokens.length) {
    let cursor = index;
    let units = 0;
    let spoken = 0;
    let end = -1;
    for (;;) {
      const token = tokens[cursor];
      if (!token) break;
      const after = tokens[cursor + 1];
      if (
        (token.lower === "double" || token.lower === "triple") &&
        after &&
        LETTER.test(after.text)
      ) {
        units++;
        spoken++;
        end = cursor + 1;
        cursor += 2;
      } else if (LETTER.test(token.text)) {
        units++;
        end = cursor;
        cursor++;
        // "s as in sam", "r for robert", "p like peter"
        const link = tokens[cursor];
        const linkNext = tokens[cursor + 1];
        if (link?.lower === "as" && linkNext?.lower === "in" && tokens[cursor + 2]) {
          spoken++;
          end = cursor + 2;
          cursor += 3;
        } else if (
          (link?.lower === "for" || link?.lower === "like") &&
          linkNext &&
          /^[a-z]{2,}$/i.test(linkNext.text) &&
          units + spoken > 0 &&
          tokens[cursor + 2] &&
          (LETTER.test(tokens[cursor + 2]!.text) || SPELLING_GLUE.has(tokens[cursor + 2]!.text))
        ) {
          spoken++;
          end = cursor + 1;
          cursor += 2;
        }
      } else if (units > 0 && (SPELLING_GLUE.has(token.lower) || FILLERS.has(token.lower))) {
        cursor++;
      } else break;
    }
    if (
      end >= 0 &&
      (units >= 3 || (units >= 2 && spoken > 0) || (units >= 1 && spoken > 0 && end > index + 1))
    ) {
      findings.push({ type: "NAME", start: tokens[index]!.start, end: tokens[end]!.end });
      index = end + 1;
    } else index++;
  }
  return findings;
}

/** Titles staff are named by ("Dr Okafor", "Nurse Grace"); Mr and Mrs are callers' too. */
const MONTH_NAMES = new Set(["april", "may", "june", "august"]);

// Words after "May", "Will" opening a sentence that make it the verb, not a name.
const NOT_AFTER_NAME = new Set(
  "i we you he she they it that this there do be have the a an not never i'll i'm we'll you'll".split(
    " ",
  ),
);

export const STAFF_TITLE = /^(?:dr|doctor|nurse|prof|professor)\.?$/i;

/**
 * Whole-word occurrences of names already found elsewhere in the call ("Thanks, Jane"). Not
 * where a member of staff is named ("Nurse Grace", "Dr Amara Okafor"): a caller may share a
 * staff member's name. A name that is also a word ("Bill", "May") only where it is written
 * as a name: capitalised, not opening a sentence.
 */
// The same call's names are looked up for every turn: partition them once per set and size.
const partitions = new WeakMap<
  Set<string>,
  { size: number; whole: Set<string>; split: string[] }
>();
function partitioned(names: Set<string>) {
  const cached = partitions.get(names);
  if (cached && cached.size === names.size) return cached;
  const whole = new Set<string>();
  const split: string[] = [];
  for (const name of names) {
    if (name.length < 2) continue;
    if (/^[a-z\u00C0-\u024F]+(?:['’][a-z]+)?$/i.test(name)) whole.add(name.toLowerCase());
    else split.push(name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  }
  const entry = { size: names.size, whole, split };
  partitions.set(names, entry);
  return entry;
}

const SPOKEN_TO = new Set(
  "thanks thank you cheers hi hello hey dear bye goodbye sorry welcome congratulations morning afternoon evening lovely great perfect brilliant okay ok right".split(
    " ",
  ),
);

export function detectKnownNames(
  text: string,
  names: Set<string>,
  allow: Set<string> = new Set(),
  tokens: Token[] = [],
): Finding[] {
  const findings: Finding[] = [];
  // Names learned are single words; most are one token ("jane", "o'brien"), looked up per
  // token. The rare ones the tokenizer splits ("smith-jones") go through one small pattern.
  // (One pattern of every name, rebuilt per turn, made a long call cost names × turns.)
  const { whole, split } = partitioned(names);
  if (whole.size === 0 && split.length === 0) return findings;
  const matches: { index: number; text: string }[] = [];
  for (const token of tokens) {
    const bare = token.lower.replace(/['’]s$/, "");
    if (
      (whole.has(token.lower) || whole.has(bare)) &&
      !/[\p{L}\p{N}_]/u.test(text[token.start - 1] ?? "") &&
      !/[\p{L}\p{N}_]/u.test(text[token.end] ?? "")
    )
      matches.push({ index: token.start, text: token.text });
  }
  if (split.length)
    for (const match of text.matchAll(new RegExp(`\\b(?:${split.join("|")})(?:['’]s)?\\b`, "gi")))
      matches.push({ index: match.index, text: match[0] });
  matches.sort((a, b) => a.index - b.index);
  let cursor = 0;
  for (const match of matches) {
    const word = match.text.toLowerCase().replace(/['’]s$/, "");
    while (cursor < tokens.length && tokens[cursor]!.start < match.index) cursor++;
    // Up to two words back: a title, with only staff names between ("Dr Amara [Okafor]").
    let titled = false;
    for (let back = cursor - 1; back >= 0 && back >= cursor - 3; back--) {
      const previous = tokens[back]!;
      if (previous.text === ".") continue;
      if (STAFF_TITLE.test(previous.text)) {
        titled = true;
        break;
      }
      if (!allow.has(previous.lower)) break;
    }
    if (titled && allow.has(word)) continue;
    const after = tokens[cursor + 1];
    let end = match.index + match.text.length;
    // A caller who shares a staff member's first name ("I'm Holly Greenwood" at a clinic with
    // a Holly): that word alone is theirs only where they are spoken to ("Thanks, Holly.",
    // "your mobile, Holly?"); "with Holly" and "Holly has Wednesday" are the member of staff.
    const surnamed =
      after !== undefined &&
      after.start === end + 1 &&
      couldBeName(after) &&
      !allow.has(after.lower) &&
      !AMBIGUOUS_NAMES.has(after.lower);
    if (allow.has(word) && !surnamed) {
      let back = cursor - 1;
      while (back >= 0 && /^[,.]$/.test(tokens[back]!.text)) back--;
      const spokenTo =
        /['’]s$/.test(match.text) ||
        (back >= 0 && /^(?:mr|mrs|ms|miss|mx)$/i.test(tokens[back]!.text)) ||
        (back >= 0 && SPOKEN_TO.has(tokens[back]!.lower) && tokens[back]!.end <= match.index) ||
        /^\s*[?!]/.test(text.slice(end, end + 3)) ||
        (back >= 0 &&
          tokens[cursor - 1]?.text === "," &&
          /^\s*[.?!]?\s*$/.test(text.slice(end, end + 2)));
      if (!spokenTo) continue;
    }
    // "Summer Blake is our skin therapist": a member of staff's whole name, said by name.
    if (after && allow.has(word) && allow.has(after.lower) && after.start === end + 1) continue;
    if (AMBIGUOUS_NAMES.has(word)) {
      // "in April", "since May", "June 3rd": the month.
      if (
        MONTH_NAMES.has(word) &&
        (/^(?:in|on|of|since|until|till|by|from|before|after|early|late|mid|next|last|this|every|through|during)$/i.test(
          tokens[cursor - 1]?.text ?? "",
        ) ||
          /^\d/.test(after?.text ?? ""))
      )
        continue;
      const opensSentence = /(?:^|[.!?:]\s*|["“]\s*)$/.test(
        text.slice(Math.max(0, match.index - 40), match.index),
      );
      // "Mark Delgado", "mark delgado" (both learned): the first name with its surname.
      const withSurname =
        after !== undefined &&
        after.start === end + 1 &&
        couldBeName(after) &&
        // Lower case, any word could follow ("she may come"): only a surname already learned.
        (/^[A-Z]/.test(after.text) || whole.has(after.lower)) &&
        !AMBIGUOUS_NAMES.has(after.lower) &&
        !allow.has(after.lower);
      // "Rose is booked with April.": written as a name, opening a sentence that is not a
      // question or an auxiliary ("May I", "Will you", "Will do").
      const namedFirst =
        /^[A-Z]/.test(match.text) &&
        opensSentence &&
        after !== undefined &&
        !NOT_AFTER_NAME.has(after.lower);
      if (withSurname) end = after.end;
      else if (!(/^[A-Z]/.test(match.text) && !opensSentence) && !namedFirst) continue;
    }
    // A word that is also a name, just before a surname this call has learned, is that
    // person's first name ("may hartley", "so dawn fisher"): "i may" never precedes a surname.
    // "he's ravi patel" in a call where the assistant has said "Ravi": the surname after a
    // learned first name goes with it, in lower case too, when it is no common word.
    if (
      end === match.index + match.text.length &&
      !AMBIGUOUS_NAMES.has(word) &&
      !allow.has(word) &&
      after !== undefined &&
      after.start === end + 1 &&
      /^[a-z]/.test(after.text) &&
      couldBeName(after) &&
      !allow.has(after.lower) &&
      !AMBIGUOUS_NAMES.has(after.lower) &&
      !PREDICATES.has(after.lower) &&
      !PREDICATE_SHAPE.test(after.lower)
    )
      end = after.end;
    const before = tokens[cursor - 1];
    const start =
      before &&
      /^ $/.test(text.slice(before.end, match.index)) &&
      // "will will ainscough": a name said twice over a stumble.
      (before.lower === word || (AMBIGUOUS_NAMES.has(before.lower) && !AMBIGUOUS_NAMES.has(word)))
        ? before.start
        : match.index;
    findings.push({ type: "NAME", start, end });
  }
  return findings;
}
