import type { Token } from "../tokens";
import type { Finding } from "../types";
import { disclosures } from "./everyday";
import { compileLexicon } from "./lexicon";

/**
 * Medical history said in words the clinic also sells. "I'd like lip filler" is business; "I
 * had lip filler in August", "my lip filler is still swollen", "I've got implants", "I had my
 * nose done in Turkey in 2019" are the caller's history. A list cannot tell them apart, so the
 * sentence decides: a treatment is history when its clause says it was had (had, got, did,
 * done, already have, been on), owns it ("my lip filler", not "my lip filler appointment"), or
 * dates it in the past (last time, in 2019, years ago).
 */

/** Common aesthetic treatments and brands: business words by default, history in context. */
export const TREATMENTS = [
  // Never sold by a clinic, so only ever history, but said like a treatment ("i did silicone
  // in the lips").
  "silicone",
  "liquid silicone",
  "silicone injections",
  "botox",
  "anti-wrinkle injections",
  "anti wrinkle",
  "dysport",
  "azzalure",
  "bocouture",
  "xeomin",
  "filler",
  "fillers",
  "dermal filler",
  "lip filler",
  "lip fillers",
  "cheek filler",
  "jaw filler",
  "chin filler",
  "tear trough filler",
  "juvederm",
  "restylane",
  "belotero",
  "teoxane",
  "radiesse",
  "sculptra",
  "profhilo",
  "skin booster",
  "skin boosters",
  "polynucleotides",
  "morpheus8",
  "morpheus 8",
  "morpheus",
  "ultherapy",
  "hifu",
  "hydrafacial",
  "hydra facial",
  "coolsculpting",
  "cool sculpting",
  "emsculpt",
  "emface",
  "thermage",
  "fraxel",
  "ipl",
  "laser hair removal",
  "laser resurfacing",
  "co2 laser",
  "microneedling",
  "micro needling",
  "rf microneedling",
  "chemical peel",
  "peel",
  "prp",
  "vampire facial",
  "thread lift",
  "pdo threads",
  "kybella",
  "aqualyx",
  "lemon bottle",
  "facelift",
  "face lift",
  "neck lift",
  "brow lift",
  "nose job",
  "rhinoplasty",
  "blepharoplasty",
  "eyelid surgery",
  "tummy tuck",
  "abdominoplasty",
  "liposuction",
  "lipo",
  "bbl",
  "brazilian butt lift",
  "breast augmentation",
  "boob job",
  "breast implants",
  "implants",
  "breast lift",
  "breast reduction",
  "otoplasty",
  "veneers",
  // More of the devices, fillers, toxins, skin boosters, peels and skincare brands clinics
  // sell (UK and US), so a brand said with a capital is never taken for a name.
  "sofwave",
  "emsella exilis",
  "venus legacy",
  "potenza",
  "vivace",
  "secret rf",
  "clear + brilliant",
  "clear and brilliant",
  "moxi",
  "halo",
  "picosure",
  "picoway",
  "lumecca",
  "forma",
  "sylfirm",
  "endolift",
  "aviclear",
  "laser genesis",
  "seventy hyal",
  "sunekos",
  "jalupro",
  "plinest",
  "nucleofill",
  "ellansé",
  "ellanse",
  "harmonyca",
  "rha",
  "volbella",
  "volift",
  "voluma",
  "volux",
  "revanesse",
  "letybo",
  "daxxify",
  "jeuveau",
  "relfydess",
  "desoface",
  "trusculpt",
  "vanquish",
  "sculpsure",
  "obagi",
  "skinceuticals",
  "alumier",
  "medik8",
  "dermaplaning",
  "skinpen",
  "dermapen",
  "vi peel",
  "prx-t33",
  "prx",
  "cosmelan",
  "dermamelan",
  "prf",
];

/**
 * Conditions a clinic also treats ("do you treat melasma?", "botox for teeth grinding") and
 * injuries said in passing ("a bad burn on my arm"): history only in the same context as a
 * treatment ("I have melasma", "I had a bad burn last year"), never business words to allow.
 */
const CONDITIONS_IN_CONTEXT = [
  "burn",
  "burns",
  "melasma",
  "alopecia",
  "hair loss",
  "thinning hair",
  "warts",
  "verruca",
  "bruxism",
  "teeth grinding",
  "jaw clenching",
  "tmj",
  "hyperhidrosis",
  "excessive sweating",
  "acne scarring",
  "acne scars",
  "stretch marks",
  "cellulite",
  "spider veins",
  "thread veins",
  // What weight loss, age or an old injury leaves, said as the caller's own ("I have some loose
  // skin on my arms"), and asked about as a treatment ("do you treat loose skin?").
  "loose skin",
  "saggy skin",
  "sagging skin",
  "excess skin",
  "crepey skin",
  "keloid",
  "keloids",
  "keloid scar",
  "keloid scars",
  "keloid scarring",
  "scarring",
  "hypertrophic scar",
  "hypertrophic scars",
  "hollow cheeks",
  "hyperpigmentation",
  "pigmentation",
  "age spots",
  "sun damage",
  "broken capillaries",
  "hooded eyelids",
  "droopy eyelids",
];

// Body parts "done": "had my lips done", "got her nose done".
const BODY_DONE =
  /\b(?:my|her|his|their|(?<=\b(?:had|got|get|getting|having)\s+)me)\s+(?:lips?|nose|boobs|breasts|eyes|eyelids|tummy|stomach|face|chin|jaw|teeth|ears|bum|butt|neck|brows?)\s+(?:done|did|redone|fixed|lasered|lifted|tucked|pinned(?:\s+back)?|reduced|removed|sorted|operated on)\b/gi;
const HAD_CUE =
  /\b(?:had|got|did|done|i've got|ive got|i have got|already have|still have|i have|she has|he has|has got|she's got|he's got|i've had|ive had|been on|was on|were on|from|suffer with|suffered with|suffering with|diagnosed with|prone to|struggle with|struggled with|struggling with|dealing with|treated for)\b(?:,?\s+(?:a|an|my|some|the|her|his|it|them|with|in|two|few|couple|of|lots|bit|little|little\s+bit|done|before|already|bad|really|quite|nasty|severe|mild|small|big|terrible|awful|old|bit of|um|uh|er|erm|like),?)*\s*$/i;
// "i'm after me botox" (UK and Irish speech: I want it).
const REQUEST =
  /\b(?:(?:i'm|im|i am|we're|she's|he's)\s+after|comes|goes|book|booking|cancel|cancelling|canceling|move|moving|reschedule|rebook|confirm|late for|receipt|get|getting|like|want|wants|wanted|wanting|wanna|gonna|hoping|needs|come|coming|come in|in for|interested|considering|thinking|looking|price|cost|much|have a|can i|could i|would|next)\b/i;
const PAST_AFTER =
  /^\s*(?:[\w'’]+\s+){0,5}?(?:last\s+(?:time|week|month|year|summer|spring|autumn|winter)|before(?=\s*(?:[.,!?;]|$|(?:and|but|so|though|too|as well|at|in|with|elsewhere|somewhere)\b))|previously|years?\s+ago|months?\s+ago|weeks?\s+ago|back\s+in|in\s+(?:19|20)\d\d|in\s+(?:nineteen|twenty|two thousand)|from\s+(?:19|20)\d\d)\b/i;
const APPOINTMENT_AFTER =
  /^\s*(?:appointment|booking|consultation|consult|slot|sessions?|before[- ](?:and|&)[- ]after|(?:progress\s+)?(?:pictures|photos|pics)|review|check|check[- ]?up|follow[- ]?up|top[- ]?up|topping[- ]up|aftercare|touch[- ]?up|touching[- ]up|treatment plan|price|offer|package|plan|course|membership|voucher|deposit|refund|receipt|payment|order|invoice|bill|financing|quote)\b/i;
// "I've got a Profhilo with Grace on Friday", "his Morpheus8 is Wednesday 3rd at 10": an
// appointment to come, not history.
const UPCOMING_AFTER =
  /^\s*(?:[\w'’]+\s+){0,3}?(?:(?:on\s+|is\s+(?:on\s+)?)(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|today|next\s+(?:week|month|time)|this\s+(?:week|afternoon|morning|evening)|booked|coming up)\b/i;
const CLAUSE_END =
  /[.!?;]|\bbut\b|\band(?=\s+(?:i|i'm|i'd|can|could|is|do)\b)|\b(?=i\s+(?:had|got|did|was|have)\b)/i;

// Recovery and abstinence: "in recovery", "eighteen months clean", "sober for two years", "off
// the gear six year now", "in the programme, ten month dry", "in the rooms", "a year without a
// drop", "my thirty day chip", meetings gone to beside a sponsor or a chip.
const RECOVERY =
  /\b(?:in recovery|(?:(?<![\w'’])\w+\s+){0,2}(?:days?|weeks?|months?|years?)\s+(?:off|clean off|clear of|free of)\s+the\s+(?:drink|booze|drugs|gear|fags|cigs|pills|weed|brown|smack|crack|coke|charlie|bottle|sauce)\b|(?:off|stopped|quit|given up|gave up|packed in)\s+the\s+(?:drink|booze|drugs|gear|fags|cigs|pills|weed|brown|smack|crack|coke|charlie|bottle|sauce|ale|beer|lager|cider|wine|vodka|whisky|spirits)(?:\s+(?:for\s+)?(?:(?:\w+|\d+)\s+){1,2}(?:days?|weeks?|months?|years?)(?:\s+now)?|\s+since\s+(?:(?:19|20)\d\d|(?:nineteen|twenty|two thousand)(?:\s+(?:and\s+)?[a-z]+){1,2}|last\s+\w+))?|(?:in|on)\s+(?:the|a)\s+(?:(?:recovery|methadone|treatment|detox|twelve step|12 step)\s+program(?:me)?|program(?:me)?(?=(?:\s+\w+){0,3}\s+(?:clean|sober|dry)\b))|(?:been|gone|stayed|kept|i'm|im|i am|he's|she's)\s+dry\s+(?:for\s+|since\s+)?(?:(?:\w+|\d+)\s+){0,2}(?:days?|weeks?|months?|years?|(?:19|20)\d\d|last\s+\w+)|teetotal|t total|on the wagon|in (?:aa|na)\b|(?:in|been in|back in)\s+the\s+rooms\b|(?:(?<![\w'’])\w+\s+){0,2}(?:days?|weeks?|months?|years?)\s+(?:recovered|in recovery)\b|(?:(?<![\w'’])\w+\s+){0,2}(?:days?|weeks?|months?|years?)\s+(?:sober|clean)\s+from\s+[a-z]+|(?:my|her|his)\s+home\s+group\b|(?:the\s+(?:[a-z]+\s+)?)?(?:program(?:me)?|treatment|rehab)\s+for\s+(?:my\s+|the\s+|his\s+|her\s+)?(?:drinking|drugs|alcohol|gambling|addiction)\b|(?:haven't|have not|hasn't|has not|not|ain't|aint|ay|ai|never)\s+(?:had|touched)\s+(?:a|one|a single)\s+(?:drink|drop|tot|sip|pint|bevvy|beer|smoke|cig)\s+(?:since|for|in)\s+(?:(?:\w+|\d+)\s+){0,2}(?:\w+|\d+)|(?:go|going|goes|went|been going)\s+to\s+the\s+fellowship\b|(?:got|came|come|just got)\s+out\s+of\s+(?:treatment|rehab|detox|the program(?:me)?)\b|(?:finished|completed|did)\s+(?:rehab|detox|treatment)\b|(?:(?<![\w'’])\w+\s+){0,2}(?:days?|weeks?|months?)\s+(?:at|in)\s+(?:hazelden|betty ford|rehab|detox|the priory)\b|(?:(?<![\w'’])\w+\s+){0,2}(?:days?|weeks?|months?|years?)\s+without\s+a\s+(?:drop|drink|drug|pill|smoke|cig|bet)\b|(?:my|a|his|her|the)\s+(?:(?:\w+|\d+)\s+){0,2}(?:day|month|year)s?\s+(?:chip|coin|medallion|token)\b|(?:go|going|went|goes|been going)\s+to\s+(?:my\s+|the\s+|(?:aa|na)\s+)?meetings\b(?=(?:\s+\w+){0,6}\s+(?:sponsor|sober|clean|chip|recovery|steps|program(?:me)?)\b)|(?:my|her|his)\s+sponsor\b|alcoholics anonymous|narcotics anonymous|(?:sober|clean) since (?:(?:19|20)\d\d|(?:nineteen|twenty|two thousand)(?:\s+[a-z]+){1,2}|last\s+\w+|(?:january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+(?:19|20)\d\d)?)|(?:(?<![\w'’])\w+\s+){0,2}(?:days?|weeks?|months?|years?)\s+(?:clean|sober|dry)|sober(?:\s+(?:for|now|since|going on|about|nearly|almost)(?:\s+(?:for|about|nearly|almost))?\s+(?:(?:\w+|\d+)\s+){0,2}(?:days|weeks|months|years)|\s+(?:(?:\w+|\d+)\s+){1,2}(?:days?|weeks?|months?|years?)(?:\s+now)?)?|clean\s+for\s+(?:(?:\w+|\d+)\s+){0,2}(?:days|weeks|months|years)|(?:clean|sober|dry)\s+(?:(?:\w+|\d+)\s+){1,2}(?:days?|weeks?|months?|years?)(?:\s+now)?|dry\s+since\s+(?:(?:19|20)\d\d|(?:nineteen|twenty|two thousand)(?:\s+(?:and\s+)?[a-z]+){1,2}|last\s+\w+)|(?:since|after|when)\s+(?:i|she|he|they)\s+(?:got|went|stayed|been)\s+(?:clean|sober|dry)|(?:(?<![\w'’])\w+\s+){0,2}(?:days?|weeks?|months?|years?)\s+(?:clean|sober)\s+(?:off|from)\s+[a-z]+)\b/gi;

/**
 * `pastAsked`: the assistant has just asked what the caller had before ("have you had filler
 * before?"), so a treatment named in the answer was had, unless asked for again.
 */
export function historyDetector(procedures: string[]) {
  const terms = compileLexicon(
    [...TREATMENTS, ...CONDITIONS_IN_CONTEXT, ...procedures].filter(
      (term) => !BOOKING_WORDS.test(term.trim()),
    ),
    "MEDICAL",
  );
  // The clinic's own terms: a disclosure inside one ("PRP for hair loss") is the clinic's service.
  const clinicTerms = compileLexicon(procedures, "MEDICAL");
  return (text: string, tokens: Token[], pastAsked = false): Finding[] => {
    const disclosed = disclosures(text);
    const services = disclosed.length ? clinicTerms(text, tokens) : [];
    const findings: Finding[] = disclosed.filter(
      (finding) =>
        !services.some(
          (term) =>
            term.start <= finding.start &&
            term.end >= finding.end &&
            term.end - term.start > finding.end - finding.start,
        ),
    );
    for (const match of text.matchAll(RECOVERY))
      findings.push({ type: "MEDICAL", start: match.index, end: match.index + match[0].length });
    for (const match of text.matchAll(BODY_DONE)) {
      const start = match.index + match[0].indexOf(" ") + 1;
      findings.push({ type: "MEDICAL", start, end: match.index + match[0].length });
    }
    let previousEnd = -1;
    for (const term of terms(text, tokens)) {
      // The clause the treatment is in: back to the last pause or "but", forward to the next.
      const raw = text.slice(Math.max(0, term.start - 80), term.start);
      const before = clauseBefore(raw);
      // "botox with robin for my forehead": a clinic term named for where another goes is the
      // area treated, not something had.
      const area =
        previousEnd >= term.start - before.length &&
        /\bfor\s+(?:my|me|her|his|their|the)\s*$/i.test(before);
      previousEnd = term.end;
      if (area) continue;
      const after = clauseAfter(text.slice(term.end, term.end + 60));
      // "can I have lip filler": a request, before the clause cut at "I have" hides the "can".
      const asking =
        /\b(?:can|could|would|will|shall|may)\s+(?:i|we|you|they|she|he)\b(?:\s+\w+)?\s+have\s+(?:[\w'’]+\s+){0,2}$/i.test(
          raw,
        );
      // "did you have Botox before?", "has she had filler?": asking about it tells nothing.
      if (ASKED_ABOUT.test(before) || ASKED_ABOUT.test(raw.slice(-40))) continue;
      // "I've got Botox on Friday" is to come; "she had the botox with you on tuesday" was had.
      const past = /\b(?:had|did|was|were)\b/i.test(before);
      if ((UPCOMING_AFTER.test(after) && !past) || APPOINTMENT_AFTER.test(after)) continue;
      // "for her lip filler" after a time or a price, "charged twice for my peel": business.
      if (FOR_BOOKING.test(before)) continue;
      // "you guys got the ozempic?": what the clinic has, not what the caller had.
      const theirs = CLINIC_HAS.test(before);
      // "is there a review after me profhilo", "is chase in on a saturday for me lumecca": a
      // question about the clinic's service for a treatment to come.
      const aboutService = SERVICE_QUESTION.test(before);
      const had = HAD_CUE.test(before) && !asking && !theirs;
      const owned = OWNED.test(before) && !asking && !aboutService;
      const dated =
        PAST_AFTER.test(after) && /\b(?:had|got|did|done|have|was|were)\b/i.test(before + after);
      // "I had two rounds of Accutane as a teen, and CO2 laser in Chicago": one "had", two things.
      const coordinated =
        /(?:,\s*|\s)(?:and|or|plus|then)\s+(?:also\s+|then\s+)?(?:(?:a|an|some|the|my|her|his|a bit of|a course of|a round of)\s+)?$/i.test(
          raw,
        ) && HAD_EARLIER.test(raw.split(/[.!?]/).at(-1) ?? "");
      const answered = pastAsked && !REQUEST.test(lastWords(before, 3));
      // "my nose filler dissolved", "the filler's migrated": what is in them was had.
      const still = (OWNED.test(before) || /\bthe\s*$/i.test(before)) && STILL_THERE.test(after);
      if (
        (had || owned || dated || coordinated || answered || still) &&
        !(REQUEST.test(lastWords(before, 8)) && !had && !still)
      ) {
        const found = withParticle(text, withHistoryVerb(text, term));
        // "...twice and a thread lift": the article with what was had.
        const article = /\b(?:a|an|the|some)\s+$/i.exec(
          text.slice(Math.max(0, found.start - 6), found.start),
        );
        findings.push(article ? { ...found, start: found.start - article[0].length } : found);
      }
    }
    return findings;
  };
}

const CLINIC_HAS =
  /\b(?:you|you guys|y'all|ya'll|ye|youse|yous|u|the clinic|the spa)\s+(?:(?:still|also|now|even|already)\s+)?(?:got|have|had|do|did|offer|sell|stock|carry|use)\s+(?:(?:the|a|an|any|that|this|some)\s+)?$/i;
const SERVICE_QUESTION =
  /(?:^|[.?!,]\s*|\b(?:and|so|but|also|ta|cheers|thanks|canny|right|oh|okay|ok)\s+)(?:is|are|can|could|do|does|will|would|when|when's|what|what's|how|should|shall)\b[^.?!]*\b(?:for|after|before|at)\s+(?:my|me|her|his)\s*$/i;
const STILL_THERE =
  /^\s*(?:(?:has|had|'s|’s)\s+)?(?:dissolved|dissolving|removed|reversed|corrected|redone|migrated|is swollen|lumpy|is lumpy|moved|went wrong|gone wrong|gone lumpy|gone hard)\b/i;
// A clinic's "procedures" that are a visit, not a treatment: never history ("at his consultation").
const BOOKING_WORDS =
  /^(?:(?:skin |free |initial |new patient |follow[- ]up |video |virtual |phone )?(?:consultation|consult|appointment|assessment|review|check|check[- ]up|skin check|follow[- ]up|top[- ]up|patch test|catch[- ]up)s?)$/i;
const OWNED =
  /\b(?:my|her|his|(?<=\b(?:after|before|since|with|from|for|of|on|in|had|got|did|done|and|about)\s+)me)\s*$/i;
const ASKED_ABOUT =
  /\b(?:did|have|has|had)\s+(?:you|she|he|they|either of you|any of you|both of you)\s+(?:ever\s+)?(?:had|have|tried|try|used|use)\b[^.!?]*$/i;
const FOR_BOOKING =
  /\b(?:(?:\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|\d+|o'clock|noon|morning|afternoon|evening|syringe|mil|ml|units?|booked|booking|charged|paid|pay|refund|receipt|invoice|bill|forms?|paperwork|questionnaire|consent|deposit|aftercare|instructions)\b[^.!?]{0,25}\bfor\s+(?:my|her|his|your|the)|\b(?:charged|billed|paid|refund(?:ed)?|receipt|invoice)\b[^.!?]{0,30}|\b(?:rest|balance|remainder)\s+(?:of|on|for)\s+(?:my|her|his|your|the))\s*$/i;
const HAD_EARLIER = /\b(?:i|i've|ive|she|he|she's|he's|we)\s+(?:had|got|tried|did|have had)\b/i;

// What follows a treatment or an organ that was had: "had filler done", "had me teeth done",
// "had my gallbladder out".
const PARTICLE_AFTER =
  /^\s+(?:done|redone|out|removed|taken out|cut out|put in|fixed|sorted|for\s+(?:about\s+|over\s+|nearly\s+|almost\s+)?(?:[a-z]+\s+){0,2}?(?:years?|months?|weeks?))\b/i;
function withParticle(text: string, finding: Finding): Finding {
  const match = PARTICLE_AFTER.exec(text.slice(finding.end, finding.end + 20));
  return match ? { ...finding, end: finding.end + match[0].length } : finding;
}

// The verb that says it happened: "had a facelift", "got implants", "been on roaccutane".
const VERB_BEFORE =
  /\b(?:had|got|been on|was on|were on|stopped|quit|came off|come off|finished)(?:\s+(?:a|an|my|some|the|two|three|few|several|couple of|bit of|really|quite|bad|nasty|severe|mild|(?:rounds?|courses?|sessions?|bouts?|cycles?|lots|years|months) of))*\s+$/i;

/**
 * A medical finding with the verb that makes it history ("I've [had a facelift] before"): what
 * was had is the caller's, and "had a ___ before" says as much as the word.
 */
export function withHistoryVerb(text: string, finding: Finding): Finding {
  const from = Math.max(0, finding.start - 40);
  const match = VERB_BEFORE.exec(text.slice(from, finding.start));
  return match ? { ...finding, start: from + match.index } : finding;
}

// "metformin for my diabetes", "propranolol for anxiety": what a medicine is taken for.
const TAKEN_FOR =
  /^\s*(?:,\s*)?(?:\d+\s*(?:mg|milligrams?|mcg|micrograms?)\s*,?\s*)?for\s+(?:my\s+|her\s+|his\s+|their\s+)?((?:[a-z'’-]+\s+){0,2}?[a-z'’-]{3,})(?=\s*(?:[.,;:!?]|$|\s+(?:and|but|so|is|was|which|that|since|too|as|if|because|can|could|would|do|does|i|i'm|it|at|every|each|now|though|anyway|right|then|from)\b))/i;
// "for a few days", "for that one", "for two weeks", "for the surgeon": not a condition.
const NOT_CONDITION_WORDS =
  /^(?:(?:a|an|the|some|that|this|these|those|them|it|about|around|over|ages|ever|now|life|work|years?|months?|weeks?|days?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|\d+)\b)/i;

/**
 * What a medicine was named as taken for ("Levo Thyroxin for my thyroid", "propranolol for
 * anxiety"): the condition, whether or not the lexicon knows it. `keep` are the clinic's terms.
 */
export function takenFor(text: string, medicine: Finding, keep: Set<string>): Finding[] {
  const match = TAKEN_FOR.exec(text.slice(medicine.end, medicine.end + 80));
  if (!match || NOT_CONDITION_WORDS.test(match[1]!)) return [];
  if (
    match[1]!
      .toLowerCase()
      .split(/\s+/)
      .some((word) => keep.has(word))
  )
    return [];
  const start = medicine.end + match.index + match[0].length - match[1]!.length;
  return [{ type: "MEDICAL", start, end: start + match[1]!.length }];
}

function clauseBefore(text: string): string {
  let cut = -1;
  for (const match of text.matchAll(new RegExp(CLAUSE_END, "gi")))
    cut = match.index + match[0].length;
  return cut >= 0 ? text.slice(cut) : text;
}

function clauseAfter(text: string): string {
  const match = CLAUSE_END.exec(text);
  return match ? text.slice(0, match.index) : text;
}

const lastWords = (text: string, count: number) => text.trim().split(/\s+/).slice(-count).join(" ");
