import { NUMBER_WORDS } from "../numbers";
import type { Finding } from "../types";
import { BODY_PART } from "./everyday";

/**
 * What a caller says they or a relative have, are on, take or were diagnosed with
 * (`saidOfOneself`, with a medicine said by how it is taken), and the next item of a list of
 * health matters said after one already found (`listedAfter`).
 */

// "I've got ...", "she has ...", "he's on ...", "I was diagnosed with ...": what follows is
// the caller's (or their relative's) health unless it is one of the everyday things a caller
// has (a question, an appointment, a voucher, two kids, Friday off).
const OWN_CUE =
  /\b(?:i(?:'ve|’ve| have)? got|ive got|i've had|i’ve had|i have had|i had|i have|(?:i was|i've been|i’ve been|she was|he was|been|got) diagnosed with|diagnosed with|she(?:'s|’s| has)? got|he(?:'s|’s| has)? got|she has|he has|she had|he had|i suffer (?:from|with)|(?:she|he) suffers (?:from|with)|suffering (?:from|with)|i'm on|i’m on|im on|i am on|she's on|he's on|i take|i'm taking|she takes|he takes|she's taking|he's taking|i've always had|i used to have|(?:i'm|i’m|she's|he's|i am) allergic to|i struggle with|i live with|i'm being treated for|i'm recovering from|recovering from)\s+/gi;
// As withHistoryVerb: "got" and "had" go with what was had.
// And an allergy with what says it is one ("[is allergic to nuts]").
const OWN_VERB = /\b(?:got|had)\s+$|\b(?:(?:is|are|was|were)\s+)?allergic\s+to\s+$/i;
const OWN_END =
  /[.,;:!?]|\s(?:and|but|so|which|because|cos|that|if|when|where|who|is|was|are|were|do|does|did|can|could|would|will|should|at|for|since|from|last|this|next|with|to|on|about|right|though|then|now|too|as|or|anyway|yesterday|today|tomorrow|ago|in|before|already|like|booked|left|going|after|again|yet|there|here|please)\b/i;
const LEADING =
  /^(?:(?:a|an|the|some|my|me|her|his|their|this|these|two|three|a few|a bit of|a little|lots of|a lot of|really|very|so|quite|such|bad|slight|mild)\s+)*/i;
const EVERYDAY = new Set(
  (
    "question questions query queries appointment appointments booking bookings consultation consult slot slots time times day days " +
    "minute minutes moment second seconds chance look go call calls message messages text texts email emails letter letters voucher vouchers " +
    "gift card cards code codes number numbers account password kids children child kid son sons daughter daughters husband wife partner " +
    "baby babies dog dogs cat cats car cars wedding weddings holiday holidays party event job work meeting interview exam exams flight trip " +
    "friend friends mate mates sister brother mum mom dad family idea feeling thought thoughts plan plans budget money cash insurance " +
    "receipt invoice bill refund deposit price prices quote offer deal discount lunch dinner break school uni class course lesson thing " +
    "things something nothing anything everything lot lots problem problem issue issues complaint you it that this them one some none " +
    "your our any no not never just already been to done had got back off free week weeks month months year years photo photos picture " +
    "pictures form forms link app portal login details address phone mobile cell email question reservation deposit pen paper list " +
    "space room parking ticket tickets place house home flat office shift shifts train bus plane hour hours afternoon morning evening night " +
    "weekend monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september " +
    "october november december christmas easter summer birthday anniversary meeting date dates reminder reminders both either all " +
    "medicare medicaid contact health name names earliest latest rota openings opening availability last first next spare few " +
    "there here home in out up down off over through around away lucky stuck sorted married engaged divorced " +
    "membership memberships package packages subscription loyalty points credit credits balance " +
    "formula bottle bottles nights days earlies lates call leave spring autumn winter fall holidays " +
    "mondays tuesdays wednesdays thursdays fridays saturdays sundays weekends dance football soccer hockey " +
    "practice training swimming gym rehearsal choir church lessons classes shifts " +
    "surgeon surgeons doctor doctors gp nurse nurses consultant specialist dermatologist practitioner team clinic notes records chart file"
  ).split(" "),
);

/**
 * `isClinicWord`: whether a phrase holds one of the clinic's terms (then it is business, or a
 * treatment had, which the treatment rules judge).
 */
export function saidOfOneself(text: string, isClinicWord: (phrase: string) => boolean): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(OWN_CUE)) {
    const start = match.index + match[0].length;
    const rest = text.slice(start, start + 60);
    const cut = OWN_END.exec(rest);
    // "metformin three times a day": how often is said after what (the trail takes it whole).
    let phrase = rest
      .slice(0, cut ? cut.index : rest.length)
      .replace(
        /\s+(?:(?:once|twice|[a-z]+\s+times|\d+\s+times)\s+(?:a|per|each)\b|every\s|daily\b|weekly\b).*$/i,
        "",
      )
      .trimEnd();
    const words = phrase.split(/\s+/);
    if (words.length > 4) phrase = words.slice(0, 4).join(" ");
    const head = phrase.replace(LEADING, "");
    const heads = head
      .toLowerCase()
      .split(/\s+/)
      .map((word) => word.replace(/['’]s$/, ""));
    const first = heads[0] ?? "";
    // Its first word or its last ("the gold membership", "a little something for her") says
    // what kind of thing it is.
    if (!/^[a-z]{3,}/i.test(first) || EVERYDAY.has(first) || NUMBER_WORDS.has(first)) continue;
    if (heads.length > 1 && EVERYDAY.has(heads.at(-1)!)) continue;
    if (/\d/.test(head)) continue;
    const end = start + phrase.length;
    if (isClinicWord(phrase)) continue;
    // With the verb that says it was had: "she's [got a cold]", "I [had a fall]".
    const verb = OWN_VERB.exec(match[0]);
    findings.push({ type: "MEDICAL", start: verb ? match.index + verb.index : start, end });
  }
  return [...findings, ...takenAsMedicine(text, isClinicWord)];
}

// Someone taking something ("i take", "she takes", "he's on", "me mam has"): speech drops the
// "-s" ("she take"), and a relative may be named ("me dad takes").
const TAKES =
  /\b(?:i|she|he|they|we|mum|mom|mam|dad|(?:my|me|her|his)\s+(?:mum|mom|mam|dad|husband|wife|son|daughter|nan|gran|grandma|grandad))\s+(?:(?:still|also|only|just|now|usually|normally|even|has to|have to|got to|needs to|need to)\s+)?(?:take|takes|taking|took|is taking|'s taking|’s taking|am taking|'m taking|’m taking|(?:is|am|was|'s|’s|'m|’m)\s+on)\s+/gi;
// How a medicine is taken: the words before it are the medicine, whatever they are ("i take a
// leak was twice a day", heard for Eliquis).
const DOSE =
  /^(?:(?:once|twice|three times|four times|\d+\s+times)\s+(?:a|per|each|every)\s+(?:day|week|month)|daily|weekly|every\s+(?:morning|night|evening|day|week|other day)|at\s+(?:night|bedtime)|before\s+bed|in\s+the\s+mornings?|with\s+(?:food|meals|breakfast))\b/i;
// The forms a medicine comes in: the words before one are its name ("b twelve injections").
const FORM =
  /^(?:injections|jabs|jags|shots|tablets|tabs|pills|capsules|infusions|drops|patches|inhalers?|puffers?)$/i;
// What is taken that is no medicine: a bus, a walk, the kids, a photo; "to" and "out" say
// where it goes ("take the dog out", "take her to school").
const NOT_TAKEN = new Set(
  (
    "it them that this those these one ones mine hers his to out off up in round around home back " +
    "walk walks shower showers bath baths nap naps break breaks bus train tube car taxi uber dog dogs kids kid " +
    "children photo photos picture pictures selfie selfies call calls lunch breakfast dinner coffee tea time " +
    "turns turn class classes lessons exam exams notes look care note money cash card payment"
  ).split(" "),
);

/**
 * A medicine said by how it is taken: "i take a leak was twice a day", "she take b twelve
 * injections". Speech-to-text mishears medicine names past any list; how it is taken says what
 * it is. Up to four words, none an everyday object of "take".
 */
function takenAsMedicine(text: string, isClinicWord: (phrase: string) => boolean): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(TAKES)) {
    const start = match.index + match[0].length;
    const rest = text.slice(start, start + 80);
    const words = [...rest.matchAll(/[^\s.,;:!?]+/g)];
    let end = -1;
    for (let count = 1; count <= Math.min(5, words.length); count++) {
      const word = words[count - 1]!;
      // Only words up to a pause: punctuation ends what is taken.
      if (
        /[.,;:!?]/.test(
          rest.slice(
            count > 1 ? words[count - 2]!.index + words[count - 2]![0].length : 0,
            word.index,
          ),
        )
      )
        break;
      // "levothyroxine 100 micrograms every morning": a dose said is no part of a name.
      if (
        NOT_TAKEN.has(word[0].toLowerCase()) ||
        /\d|^(?:mg|mcg|micrograms?|milligrams?|ml|units?)$/i.test(word[0])
      )
        break;
      if (FORM.test(word[0]) && count > 1) {
        end = word.index + word[0].length;
        break;
      }
      if (count <= 4 && DOSE.test(rest.slice(word.index + word[0].length).trimStart())) {
        end = word.index + word[0].length;
        break;
      }
    }
    if (end < 0) continue;
    const phrase = rest.slice(0, end);
    if (isClinicWord(phrase) || /^(?:the|a|an|some|my|me|her|his|their)$/i.test(phrase)) continue;
    findings.push({ type: "MEDICAL", start, end: start + end });
  }
  return findings;
}

// What continues a list of health matters: "and then", "plus", with what was had before it
// ("a lap band in 2014 that they took out and then the sleeve in 2017", "the injections and
// the iron"), or says it again after a comma ("a reaction to Restylane in 2021, a delayed
// swelling thing,"). Only when the item ends the clause or is dated: "and the clinic was
// lovely" is not.
const ITEM_END = String.raw`(?=\s+(?:(?:back\s+)?in\s+(?:(?:19|20)\d\d|nineteen|twenty|two thousand)|(?:[a-z]+\s+){1,2}years?\s+ago|last\s+year|too|as well|an all|and all)\b|\s*(?:[.?!,;]|$))`;
const LIST_NEXT = new RegExp(
  String.raw`^[^.?!;]{0,50}?\s(?:and|and then|then|plus|and also|as well as)\s+((?:the|a|an|my|me|her|his|their)\s+[a-z'’-]+(?:\s+[a-z'’-]+)?)${ITEM_END}`,
  "i",
);
// The same said again after a comma, up to three words none of them a verb.
const RESTATED = new RegExp(
  String.raw`^[^.?!;,]{0,50}?,\s*((?:a|an|the|my|her|his)\s+(?:(?!(?:is|are|was|were|be|been|has|have|had|do|did|does|will|would|can|could|went|got|gets|so|very|really|best|worst|only|and|or|but|with|for|to|of|in|on|at|from|by|as|that|which|who)\b)[a-z'’-]+\s*){1,3})${ITEM_END}`,
  "i",
);

// What a medicine is for or came after, said straight after it ("...in dap a mide for my bp",
// "zo loft now for my ppd", "percs after my wisdom teeth"): the condition, whatever it is called.
const TAKEN_FOR =
  /^\s+(?:(?:now|still|daily|every day|at night)\s+)?(?:for|after)\s+((?:my|me|her|his|their|the)\s+[a-z'’-]+(?:\s+[a-z'’-]+)?)(?=\s*(?:[.?!,;]|$)|\s+(?:and|but|so|too|now|since|at|which|that|as well)\b)/i;

/** The next item of a list of health matters, said after one already found. */
export function listedAfter(
  text: string,
  found: Finding[],
  isClinicWord: (phrase: string) => boolean,
): Finding[] {
  const findings: Finding[] = [];
  for (const finding of found) {
    if (finding.type !== "MEDICAL") continue;
    const after = text.slice(finding.end, finding.end + 120);
    const listed = LIST_NEXT.exec(after) ?? RESTATED.exec(after);
    const taken = listed ? null : TAKEN_FOR.exec(after);
    const match = listed ?? taken;
    if (!match) continue;
    const item = match[1]!.trimEnd();
    // "a delayed swelling thing": a vague last word leaves the rest to say what it is.
    const words = item
      .toLowerCase()
      .split(/\s+/)
      .slice(1)
      .filter(
        (word, index, all) => index < all.length - 1 || !/^(?:thing|things|stuff)$/.test(word),
      );
    if (words.length === 0) continue;
    if (words.some((word) => EVERYDAY.has(word.replace(/['’]s$/, ""))) || isClinicWord(item))
      continue;
    // "spironolactone for my skin": a part of the body is what it treats, not a condition.
    if (match === taken && words.length === 1 && BODY_PART.test(words[0]!)) continue;
    const start = finding.end + match.index + match[0].length - item.length;
    findings.push({ type: "MEDICAL", start, end: start + item.length });
  }
  return findings;
}
