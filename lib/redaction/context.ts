/**
 * What the assistant just asked for, so the caller's next turn is read as its answer: "and
 * your date of birth?" -> the date said next is one, however it is said.
 */
export type Expectation =
  | "DOB"
  | "PHONE"
  | "ID"
  | "CARD"
  | "SECRET"
  /** The caller named a secret and may say it next, as a guess ("...my PIN. Is it 4 7 7 0?"). */
  | "SECRET_GUESS"
  /**
   * The caller's turn ended while saying a secret ("my portal password is southside" ...
   * "deja two four"): a short next turn is the rest of it.
   */
  | "SECRET_REST"
  | "NAME"
  | "SPELLING"
  | "ADDRESS"
  | "EMAIL"
  /** Medications, conditions, allergies or treatments had: the answer's words are history. */
  | "MEDICAL"
  /** "How far along are you?": the weeks or months said next are a pregnancy's. */
  | "PREGNANCY"
  /** "What have you had before?": the treatments named in the answer were had (history). */
  | "HAD_BEFORE";

const CUES: [Expectation, RegExp][] = [
  [
    "DOB",
    /\b(?:date of birth|birth ?date|d\.? ?o\.? ?b|born|day and month|month and (?:day|year)|year of birth|birth year|and the year|(?:what|which) year (?:were you|was (?:she|he)|were they)|(?<!happy (?:early |belated )?)birthday)\b/,
  ],
  ["SPELLING", /\b(?:spell|spelling|spelt|spelled)\b/],
  [
    "NAME",
    /\b(?:(?:your|the patient's|the|their|his|her|full|first|last|maiden|\w+'s) (?:(?:chinese|korean|vietnamese|japanese|english|spanish|arabic|hindi|urdu|punjabi|gujarati|somali|polish|real|proper|official|birth|christian|other|old|new|work|professional|stage|pen|nick|own) )?(?:full |first |last |sur|maiden |legal |middle |given |family |married |preferred )?name|surname|whose name|who (?:am i|i'm) speaking|who's calling|who is calling|name (?:is it|please|for the booking)|under (?:what|which) name|name (?:on|for|under) (?:the|your|this|that) (?:appointment|booking|account|file|reservation|card|order)|(?:and |what's |what is )the name|what name|which name|who(?:'s| is) (?:the|this|that|your) (?:booking|appointment|reservation|consultation) (?:under|for)|who (?:is|will) (?:it|the (?:booking|appointment)) (?:be )?(?:under|for)|who am i booking (?:in|for))\b/,
  ],
  [
    "PHONE",
    /\b(?:(?:phone|mobile|contact|cell|telephone|landline|home|work|callback|call-back|best|alternative) number|number (?:to|for|we|i|on which|is best)|(?:rest|end|remainder|last (?:few|part|bit|digits?)) of (?:the|that|your|it)|the rest of it|reach you|call you(?: back)? on|text you on)\b/,
  ],
  [
    "CARD",
    /\b(?:card(?:'s)? number|long number|(?:number|digits) on (?:the|your) card|expir(?:e|es|y|ation)|valid (?:until|thru|through)|cvv|cvc|csc|cv2|security (?:code|number) on|(?:three|3|four|4)[- ]digit(?:s)?(?: (?:code|number))?(?: on the (?:back|front))?|(?:code|digits?|numbers?) on the (?:back|front)|card details|card ending|(?:the|a|which|what) card (?:to pay|you(?:'d| would) like to (?:pay|use)|to use|for the deposit)|pay(?:ing)? (?:by|with|on) (?:a |your |the )?card)\b/,
  ],
  [
    "ID",
    /\b(?:(?:nhs|national insurance|ni|n i|member(?:ship)?|policy|medicare|medicaid|insurance|insurer|subscriber|group|reference|account|patient|record|chart|file|client|case|claim|authori[sz]ation|licen[cs]e|passport|social security|service|serial|confirmation|booking|order|registration|tracking) (?:id|number|no|code)|mbi|nhs number|member id|policy number|what(?:['’]s| is) (?:the|your|her|his) (?:reference|code)(?= ?[?.]|$)|(?:have|got|on|with|under|use|using|through) (?:medicare|medicaid|tricare|an? (?:insurance|health) (?:card|plan)))\b/,
  ],
  [
    "SECRET",
    /\b(?:password|passcode|pass code|pin|security (?:code|question|answer|word|phrase)|(?:secret|pass|memorable) ?phrase|memorable (?:word|information|answer)|code ?word|verification code|one[- ]time code|verification (?:word|phrase|answer)|secret (?:word|answer)|(?:answer|word|phrase|code) (?:you|we) (?:set|chose|picked|gave us|set up)|(?:for|to pass) (?:security|verification)(?:,| purposes)? what(?:'s| is))\b/,
  ],
  [
    "ADDRESS",
    /\b(?:address|postcode|post code|zip(?: code)?|postal code|house number|flat number|where (?:do you live|are you based)|(?:where|what address) (?:should|shall|can|do|would) (?:we|i) (?:mail|send|post|ship|deliver))\b/,
  ],
  ["EMAIL", /\be-?mail\b/],
  [
    "MEDICAL",
    /\b(?:(?:any|other|regular|current|prescribed?|prescription) (?:medications?|medicines?|meds|tablets|pills|drugs)|(?:on|taking|take) any(?:thing| medications?| medicines?| meds| tablets| pills)?\b(?! (?:time|card|deposit|payment))|what (?:are|is|do|does) (?:you|she|he|they) (?:taking|take|on)|which (?:medications?|medicines?|tablets)|(?:medical|health) (?:history|conditions?|problems|issues|concerns|changes?|updates?|news)|anything (?:else )?(?:about|regarding|with|on|in) (?:your|her|his|their) (?:health|medical history|medicines|medications|meds)|how(?:['’]s| is| has) (?:your|her|his|their) health|any (?:other )?conditions|(?:any|other|known) allerg(?:y|ies)|allergic to anything|(?:had|have) (?:any )?(?:treatments?|procedures?|surgery|surgeries|operations?) (?:before|done|elsewhere|previously)|anything (?:else )?(?:we|i|the (?:doctor|nurse|practitioner)) should know|anything (?:else )?(?:medical|health[- ]related)|(?:or|and|new|your|her|his|their) (?:medications?|medicines?|meds)(?! (?:list|review|delivery|collection|reminder))|(?:changes?|changed|new) (?:to|with|in) (?:your|her|his|their) health|(?:has|is there) anything (?:changed|new|different) since (?:your|her|his|their|the|we|you|she|he) (?!booked|booking)|what (?:medications?|medicines?|meds|tablets|pills) (?:are|is|do|does) (?:you|she|he|they))\b/,
  ],
  ["PREGNANCY", /\bhow (?:far (?:along|gone)|many (?:weeks|months)(?: pregnant| along| gone)?)\b/],
  [
    "HAD_BEFORE",
    /\b(?:(?:what|which)(?: (?:treatments?|procedures?|ones?|products?|brand))? (?:have|did|has) (?:you|she|he|they) (?:had|have|tried|try|used|use)|(?:have|has|did) (?:you|she|he|they|either of you|any of you|both of you) (?:ever )?(?:had|have|tried|try|used) [^?.!]{0,40}(?:before|previously|elsewhere|in the past)|what (?:have|did) (?:you|she|he) (?:had|have) done|(?:what|which) (?:filler|brand|product|toxin|treatment) (?:it was|was it|was used|they used)|(?:know|remember|sure) (?:what|which) (?:was|they|it) used)\b/,
  ],
];

/**
 * A sentence that reports what was done or is being done ("I've sent a new PIN to your mobile.",
 * "I've updated your address.", "That's confirmed."): it asks for nothing, and a caller saying it
 * is not about to give what it names.
 */
export const REPORTS_DONE =
  /\b(?:i've|i have|we've|we have|i'll|i will|we'll|we will|i|we|that's|it's|has been|have been|was|were)\s+(?:just\s+|now\s+|also\s+|already\s+)?(?:sent|send|texted|text|emailed|email|updated|changed|noted|saved|reset|added|removed|recorded|cancelled|canceled|booked|confirmed|taken|put|corrected|amended|got|found|verified|checked)\b/i;

/** What the assistant's turn asks for: its last two sentences (an offer of times asks for none). */
export function expectationsFrom(
  assistantText: string,
  /** The clinic's own keywords whose value follows ("voucher code"), asked for like a secret. */
  namesKeywordValue: (sentence: string) => boolean = () => false,
): Expectation[] {
  const said = assistantText
    .toLowerCase()
    .split(/(?<=[.?!])\s+/)
    .filter(Boolean);
  const sentences = said.filter(
    (sentence, index) =>
      // "Please don't say your password out loud": what is not to be said is not asked for.
      !DONT_SAY.test(sentence) &&
      (sentence.includes("?") ||
        // "Your record number is JQS-305986.": what is told asks for nothing either.
        (!TELLS_VALUE.test(sentence) &&
          // "I've sent a new PIN to your mobile.": what was done asks for nothing...
          !REPORTS_DONE.test(sentence)) ||
        // ...unless the question after it asks for what it named ("We put a verbal password on
        // new accounts. What would you like it to be?").
        (index === said.length - 2 && REFERS_BACK.test(said.at(-1)!))),
  );
  const asked = sentences.slice(-2).join(" ");
  const expected = CUES.filter(([, cue]) => cue.test(asked)).map(([expectation]) => expectation);
  // A code a clinic gives out ("the voucher code on the card?", a keyword of its own rules),
  // when the question itself asks for it: "...give the voucher code when she pays. What
  // treatment is she after?" asks for a treatment.
  const last = said.at(-1) ?? "";
  const question = REFERS_BACK.test(last)
    ? said.slice(-2).join(" ")
    : last.includes("?")
      ? last
      : "";
  return question &&
    !expected.includes("SECRET") &&
    (CLINIC_CODE.test(question) || namesKeywordValue(question))
    ? [...expected, "SECRET"]
    : expected;
}
const DONT_SAY =
  /\b(?:don't|do not|never|no need to|there's no need to)\s+(?:\w+\s+)?(?:say|tell|give|share|read|spell)\b/;
const TELLS_VALUE = /\b(?:is|are|was|as|:)\s+[^.?!]*\d/;
const REFERS_BACK = /\b(?:what|which)\b[^?]*\b(?:it|that|one)\b[^?]*\?$/;
const CLINIC_CODE =
  /\b(?:(?:voucher|gift (?:card|voucher|certificate)|promo|promotion(?:al)?|discount|referral|rewards?|loyalty) (?:code|pin)|(?:what's|what is|and) the code)\b/;

/**
 * What a caller's own sentence announces when it ends on the thing itself, with nothing after
 * it ("it asks for my patient portal password", "I forgot my portal PIN."): the caller's next
 * words may be it. A secret is then only taken when it comes as a guess or alone.
 */
export function trailingCues(sentence: string): Expectation[] {
  // "...and the phrase is uh": a filler before the pause is no part of it.
  const lower = sentence
    .toLowerCase()
    .replace(/(?:[\s.?!,;:…]+(?:um|uh|er|erm|ah|hmm))+[\s.?!,;:…]*$/, "")
    .replace(/[\s.?!,;:…]+$/, "");
  // "my patient portal password is" … (a pause) … "sunny side up forty four": cut off just
  // before the value, which the next turn says whatever its form.
  const unfinished = /\s(?:is|was|it's|its|being)$/.exec(lower);
  if (unfinished)
    return TRAILING_CUES.filter(([, cue]) => cue.test(lower.slice(0, unfinished.index))).map(
      ([expectation]) => expectation,
    );
  return TRAILING_CUES.filter(([, cue]) => cue.test(lower)).map(([expectation]) =>
    expectation === "SECRET" ? "SECRET_GUESS" : expectation,
  );
}
const SECRET_CUE = CUES.find(([expectation]) => expectation === "SECRET")![1];
// A secret said at the end of the sentence: "my portal password is southside", "PIN's 4 4".
const SECRET_SAID = new RegExp(
  `${SECRET_CUE.source}(?:'s|’s|\\s+is|\\s+was|:)\\s+(?:[^\\s.?!,;]+\\s*){1,4}$`,
);

/** Does the caller's sentence end while saying a secret, so the next short turn may finish it? */
export function saysSecretAtEnd(sentence: string): boolean {
  return SECRET_SAID.test(sentence.toLowerCase().replace(/[\s.?!,;:…]+$/, ""));
}

/**
 * What a caller says they are about to give, wherever the sentence ends: "i need to give my
 * address for the forms", "can i update my mobile number", "i want to change my email": the
 * next turns (after "sure, go ahead") are it.
 */
export function givingCues(sentence: string): Expectation[] {
  const match = GIVING.exec(sentence.toLowerCase());
  if (!match) return [];
  return expectationsFrom(`${match[1]}?`).filter((expectation) => !ABOUT_HEALTH.has(expectation));
}
const GIVING =
  /\b(?:give|giving|update|updating|change|changing|confirm|add|leave|read out|tell you|let you have|pass on)\s+(?:you\s+)?(?:my|her|his|our|their)\s+(?:new\s+|current\s+|home\s+|work\s+)?((?:address|postcode|post code|zip(?: code)?|(?:phone|mobile|cell|contact|home|work) number|number|e-?mail(?: address)?|date of birth|birthday|card(?: details| number)?|(?:nhs|insurance|member|membership|policy|medicare) (?:number|id)|surname|last name|name))\b/;

// Only what is about to be said: "...a list of any medications." announces nothing.
const ABOUT_HEALTH = new Set<Expectation>(["MEDICAL", "PREGNANCY", "HAD_BEFORE"]);
const TRAILING_CUES = CUES.filter(([expectation]) => !ABOUT_HEALTH.has(expectation)).map(
  ([expectation, cue]) => [expectation, new RegExp(`${cue.source}$`)] as const,
);
