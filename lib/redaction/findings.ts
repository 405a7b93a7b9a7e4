import { TYPE_PRIORITY, type Finding } from "./types";

/** Merges overlapping findings into one span each; the most specific type names it. */
export function mergeFindings(findings: Finding[]): Finding[] {
  const sorted = [...findings]
    .filter((finding) => finding.end > finding.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Finding[] = [];
  for (const finding of sorted) {
    const last = merged.at(-1);
    if (last && finding.start < last.end) {
      last.end = Math.max(last.end, finding.end);
      if (TYPE_PRIORITY[finding.type] > TYPE_PRIORITY[last.type]) last.type = finding.type;
    } else {
      merged.push({ ...finding });
    }
  }
  return merged;
}

// What may lie between two findings of one type that are one thing: a space, a comma or a
// pause ("[Denise] [Cawthorne]", "[O-K-A-F-O-R], hyphen, [L-U-N-D]"), and between two medical
// terms the little words that tie a condition to where it is ("a [clot] in me [lung]",
// "[pain] in her [lower back]") or say how much ("[my eyes went] all [starey]", "[my liver's] a
// bit [scarred]").
const JOIN_ANY = /^[\s,.;–—-]*(?:(?:hyphen|dash)[\s,.;–—-]*)?$/i;
// So do the words that tie one to its cause or the next ("[asthma's triggered] by [strong
// perfume]", "[five years clean] off [heroin]", "[got bucked off a horse] and [busted my
// pelvis]", "[third degree burns] that they had to [graft]"): only little words lie between, so
// no business word is lost.
const JOIN_MEDICAL =
  /^\s+(?:(?:in|on|of|to|for|my|me|her|his|their|the|a|an|left|right|both|lower|upper|all|bit|little|really|very|so|quite|proper|dead|kinda|kind|sort|go|goes|went|gone|got|get|gets|off|from|by|like|wi|with|and|after|efter|since|o|oh|at|that|which|they|had|have|has|i|she|he|was|were|it|then|up|out|down|over|every|each|per|its|it's)\s+){1,4}$/i;

// The little words inside a full name: "[maria] da [conceicao freitas]", "[van] der [berg]".
const NAME_PARTICLE =
  /^\s+(?:da|de|do|dos|das|del|della|di|du|van|von|der|den|la|le|bin|bint|ibn|al|el|ter|ten|y)\s+$/i;

/**
 * Merged findings (sorted, apart), with neighbours of one type that are one thing joined: the
 * redacted text says "[NAME]" once for a full name, not "[NAME] [NAME]".
 */
export function joinAdjacent(text: string, findings: Finding[]): Finding[] {
  const joined: Finding[] = [];
  for (const finding of findings) {
    const last = joined.at(-1);
    const gap = last ? text.slice(last.end, finding.start) : "";
    if (
      last &&
      last.type === finding.type &&
      (JOIN_ANY.test(gap) ||
        (finding.type === "MEDICAL" && JOIN_MEDICAL.test(gap)) ||
        (finding.type === "NAME" && NAME_PARTICLE.test(gap)) ||
        // "[two thousand] and [one]" is one year.
        (finding.type === "DOB" &&
          /^\s+and\s+$/i.test(gap) &&
          /(?:thousand|hundred)$/i.test(text.slice(last.start, last.end))))
    )
      last.end = finding.end;
    else joined.push({ ...finding });
  }
  return joined;
}

// What is said of a health finding that is part of it, so the redacted text keeps neither: the
// verb and words that tie it to someone ("she [has anxiety]", "i'm [on blood thinners]"), the
// medicine it is taken for ("[on the tablets for migraine]"), the operation for it ("[scoliosis
// surgery]"), where on the body ("[a spot on his
// cheek]") and when or where it was had ("[had a breakdown last year]", "[filler in turkey]").
const HEALTH_LEAD = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’])(?:\b(?:was\s+in|been\s+in|ended\s+up\s+in|admitted\s+to|has|have|had|having|got|gets|get|suffers?\s+from|suffered\s+from|diagnosed\s+with|on|taking|takes|take|with|doing|going\s+through|started|starting|(?:(?:on|taking|takes|take|using|uses)\s+)?(?:(?:the|some|a|an|my|me|her|his|their)\s+)?(?:tablets?|pills?|meds|medications?|medicine|injections?|jabs?|cream|creams|inhalers?|patch(?:es)?|drops|something|stuff)\s+for)\s+)(?:(?:a|an|the|some|my|me|her|his|their|bad|really|terrible|awful|chronic|severe|mild|little|small|slight|minor|mini|massive|major|big|two|three|four|a\s+couple\s+of|a\s+few|lots\s+of|a\s+lot\s+of)\s+){0,3}$`,
  "iu",
);
const BODY =
  "(?:face|cheeks?|chin|jaw(?:line)?|nose|lips?|forehead|eyes?|eyelids?|ears?|neck|chest|breasts?|back|shoulders?|arms?|hands?|legs?|knees?|hips?|thighs?|shins?|calf|calves|elbows?|shoulder\s+blades?|feet|foot|ankles?|stomach|tummy|belly|bum|scalp|head|temples?|skin|lungs?|heart|liver|kidneys?|brain|spine|wrists?|fingers?|toes?)";
const PLACE_NEXT = new RegExp(
  String.raw`^\s+(?:(?:put|injected|done|placed)\s+(?:in|into|on)\s+)?(?:my|me|her|his|their|the|both)\s+(?:(?:left|right|lower|upper|top|bottom)\s+)?${BODY}\b`,
  "i",
);
const HEALTH_TRAIL = new RegExp(
  String.raw`^(?:\s+(?:pills?|tablets?|tabs|meds|medications?|medicines?|inhalers?|injections?|jabs?|jags?|shots?|creams?|patch(?:es)?|drops|surgery|surgeries|operations?|ops?|thing|things|stuff|done|assessments?|diagnosis|allerg(?:y|ies)|intolerance|infusions?|ones?))?(?:\s+(?:at\s+night|every\s+(?:night|morning|day|weekday|week|month|winter|summer|spring|autumn|year|other\s+(?:day|week|month)|(?:few|couple\s+of|two|three|four|six|eight|twelve|\d+)\s+(?:days|weeks|months))|(?:once|twice|(?:two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|many)\s+times)(?![\w'’]|\s+a\s+(?:day|week|month))|for\s+(?:another\s+|the\s+next\s+|about\s+|over\s+)?(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|a\s+few|\d+)\s+)?years?|(?:since|in|back\s+in)\s+(?:(?:sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|oh\s+(?:one|two|three|four|five|six|seven|eight|nine)|(?:19|20)\d\d|'\d\d)|a\s+(?:day|week|month)(?![\w'’])|overnight|in\s+the\s+mornings?|(?:once|twice|(?:(?:two|three|four|five|six|\d)\s+)?times)\s+a\s+(?:day|week|month)|daily|weekly))?(?:\s+with\s+(?:mesh|stitches|staples|pins|plates|screws|rods|an?\s+(?:stent|plate|rod|pin)))?(?:\s+(?:on|in|under|behind|around|round|near|off|from)\s+(?:the\s+(?:top|side|back|front|tip|bottom)\s+of\s+)?(?:my|me|her|his|their|the|both)\s+(?:(?:left|right|lower|upper|top|bottom)\s+)?${BODY}\b)?(?:,?\s+(?:last\s+(?:year|month|week|summer|winter|spring|autumn|fall|christmas)|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|a\s+couple\s+of|\d+)\s+(?:years?|months?|weeks?)\s+ago|(?:back\s+)?in\s+(?:19|20)\d\d|(?:back\s+)?in\s+(?:nineteen|twenty|two\s+thousand)(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)){1,2}|as\s+a\s+(?:teen|teenager|kid|child|baby)|(?:in|out\s+in|over\s+in)\s+(?:turkey|istanbul|lithuania|poland|hungary|budapest|mexico|tijuana|colombia|the\s+dominican\s+republic|thailand|bangkok|korea|seoul|brazil|dubai)|abroad|overseas|(?:like|about|around|nearly|almost|just\s+over|just\s+under)?\s*(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty[\s-]\w+|thirty|thirty[\s-]\w+|forty)\s+weeks(?:\s+(?:along|gone|in))?|survivor|undetectable|in\s+remission|for\s+(?:my|me|her|his|their|the)\s+(?:nerves|thyroid|heart|blood\s+pressure|pressure|sugar|cholesterol|depression|anxiety|acne|psoriasis|eczema|migraines?|headaches?|pain|joints|arthritis|bones|mood|sleep|periods?|hormones|blood|stomach|bladder|skin\s+condition))\b)?(?:\s+(?:that|which)(?:'s|’s|\s+has|\s+is|\s+keeps)?\s+(?:been\s+)?(?:growing|bleeding|changing|spreading|itching|getting\s+bigger)\b|\s+(?:has\s+|'s\s+|’s\s+|had\s+)?(?:migrated|moved|dissolved|gone\s+(?:lumpy|hard)|went\s+(?:lumpy|hard))\b|\s+(?:shocked|zapped|stented|ablated|frozen|froze|cauteri[sz]ed|burn(?:ed|t)\s+off|cut\s+out|drained|biopsied|radiated)\b)?(?:(?:\s+too)?,?\s+(?:and|plus|&)\s+(?:(?:my|me|her|his|their|the|high|low|bad)\s+)?(?:pressure|sugar|nerves|cholesterol|thyroid|asthma|arthritis)\b)?`,
  "i",
);
// "the" said with a date of birth or an address ("[the 21st of May]", "[the top flat, 19 ...]"),
// and a determiner or whose it is with a
// health finding ("[the menopause]", "[a biopsy]", "[me heart]").
const THE_BEFORE = /(?<![\p{L}\p{N}'’])the\s+$/iu;
// "...the fourth" (a pause) "[of July]": the rest of a date said over two turns.
const DATE_BEFORE = /(?<![\p{L}\p{N}'’])(?:the|of)\s+$/iu;
// "[I'm pregnant]", "[she's breastfeeding]": said of someone, the whole is the disclosure.
// ...and so are the states said of someone ("[i'm a little deaf] in the left ear").
const EXPECTING =
  /^(?:pregnant|expecting|breast ?feeding|breast-feeding|nursing|deaf|blind|diabetic|epileptic|asthmatic|an(?:a)?emic|dyslexic|autistic|bipolar|allergic|housebound|disabled)\b/i;
const SAYS_OF_ONESELF =
  /(?<![\p{L}\p{N}'’])(?:i'm|i’m|im|i am|she's|she’s|she is|he's|he’s|he is|we're|we’re|we are)\s+(?:(?:just|now|currently|still|newly|also|a\s+little|a\s+bit|a\s+wee\s+bit|quite|very|really|slightly|partially|totally|completely|profoundly)\s+)*$/iu;
// Spanish ones too, said by a caller who switches for the condition ("[la presión alta]"); how
// much, said before a state ("she's [a bit muddled]", "i'm [quite anxious]").
const DETERMINER_BEFORE =
  /(?<![\p{L}\p{N}'’])(?:(?:one|two|three|a\s+couple|a\s+few|some|all)\s+of\s+(?:them|those|these|the|my|her|his)|the|a|an|some|my|me|her|his|their|your|them|those|la|el|los|las|mi|su|un|una)\s+(?:(?:little|small|slight|minor|mini|massive|major|big|bad|early|late|advanced|chronic|severe|mild)\s+)?$|(?<![\p{L}\p{N}'’])(?:early|late|advanced|chronic|severe|mild)\s+$|(?<![\p{L}\p{N}'’])(?:a\s+(?:wee\s+|little\s+)?bit|a\s+little|quite|very|really|awfully|affa|that)\s+(?=[\p{L}]*$)/iu;

// A dose said before a medicine ("[the seventy five aspirin]", "[the 20 mg citalopram]").
const DOSE_BEFORE =
  /(?<![\p{L}\p{N}'’])(?:(?:the|my|her|his|a|an)\s+)?(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\s+(?:(?:and|\d+|one|two|three|four|five|six|seven|eight|nine|hundred|fifty)\s+){0,3}(?:(?:mg|milligrams?|mil|mcg|micrograms?)\s+)?$/iu;
const LED =
  /^(?:on|in|at|for|with|to|from|of|by|my|me|her|his|their|your|the|a|an|some|had|has|have|got|taking|takes)\b/i;
// "[broke my nose three] times": how many times, after a finding that ends on the number.
const TIMES_AFTER = /^\s+times\b/i;
const ENDS_ON_NUMBER = /(?:\b(?:two|three|four|five|six|seven|eight|nine|ten|many|several)|\d)$/i;

const TITLE_BEFORE =
  /(?<![\p{L}])(?:mr|mrs|ms|miss|mx|master|dr|doctor|sir|madam|auntie|aunty|uncle|nana|nanna)\.?\s+$/iu;
// An initial or a particle between the title and the name ("Mrs. C de Baca", "Mr J. Okafor",
// "Mrs. de Souza").
const INITIAL_BEFORE =
  /(?<![\p{L}])(?:[A-Z]\.?\s+)?(?:(?:[Dd][aeiou]|[Dd]el|[Dd]ella|[Dd]os|[Vv][ao]n|[Dd]er|[Ll][ae])\s+)?$/u;

// How far either side of a health finding the words said with it are looked for: a long
// transcript's gaps between findings are never scanned whole.
const WIDEN_REACH = 80;

/**
 * The findings of one text as it is redacted: neighbours that are one thing joined
 * (joinAdjacent), a name widened over its title ("[Mr. Beaumont]"), a date of birth over "the",
 * health findings widened over what is said with them (HEALTH_LEAD, HEALTH_TRAIL: "[the heart
 * pills]", "[sugar too and pressure]") but never into another finding, and
 * the result merged (two widened neighbours may meet) and joined again.
 */
export function finishFindings(text: string, merged: Finding[]): Finding[] {
  const findings = joinAdjacent(text, merged);
  const widened = findings.map((finding, index) => {
    if (finding.type === "NAME") {
      // "Thank you, [Mr. Beaumont]", "[Mrs. C de Baca]": the title (and an initial) is said of
      // that person.
      const before = text.slice(Math.max(0, finding.start - 16), finding.start);
      const initial = INITIAL_BEFORE.exec(before)?.[0] ?? "";
      const title = TITLE_BEFORE.exec(before.slice(0, before.length - initial.length));
      const length = title ? title[0].length + initial.length : 0;
      if (!title || (findings[index - 1]?.end ?? 0) > finding.start - length) return finding;
      return { ...finding, start: finding.start - length };
    }
    if (finding.type !== "MEDICAL" && finding.type !== "DOB" && finding.type !== "ADDRESS")
      return finding;
    const from = Math.max(findings[index - 1]?.end ?? 0, finding.start - WIDEN_REACH);
    const before = text.slice(from, finding.start);
    if (finding.type === "DOB" || finding.type === "ADDRESS") {
      const the = (finding.type === "DOB" ? DATE_BEFORE : THE_BEFORE).exec(before);
      return the ? { ...finding, start: finding.start - the[0].length } : finding;
    }
    const lead =
      HEALTH_LEAD.exec(before) ??
      (EXPECTING.test(text.slice(finding.start, finding.end))
        ? SAYS_OF_ONESELF.exec(before)
        : null) ??
      DETERMINER_BEFORE.exec(before) ??
      // Only before the medicine itself: a finding already widened over its lead ("[on my
      // acne]") is not widened again (the call's pass finishes findings a second time).
      (LED.test(text.slice(finding.start, finding.end)) ? null : DOSE_BEFORE.exec(before));
    const to = Math.min(findings[index + 1]?.start ?? text.length, finding.end + WIDEN_REACH);
    const trail = ENDS_ON_NUMBER.test(text.slice(finding.start, finding.end))
      ? (TIMES_AFTER.exec(text.slice(finding.end, to)) ??
        HEALTH_TRAIL.exec(text.slice(finding.end, to)))
      : HEALTH_TRAIL.exec(text.slice(finding.end, to));
    // "[had filler put in] my top lip", "[had filler] injected into her chin": where it went.
    const place = trail?.[0] ? null : PLACE_NEXT.exec(text.slice(finding.end, to));
    const placed =
      place &&
      (/^\s+(?:put|injected|done|placed)\b/i.test(place[0]) ||
        /\b(?:in|into|on)$/i.test(text.slice(finding.start, finding.end)));
    return {
      ...finding,
      start: lead ? finding.start - lead[0].length : finding.start,
      end: finding.end + (trail?.[0].length || (placed ? place[0].length : 0)),
    };
  });
  return joinAdjacent(text, mergeFindings(widened));
}

/**
 * Does a span overlap any of `spans`? The spans merged and sorted once, then a binary search
 * per question: a long call has thousands of names and terms to compare.
 */
export function overlapChecker(spans: Finding[]) {
  const merged = mergeFindings(spans);
  return (finding: Finding) => {
    let low = 0;
    let high = merged.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (merged[middle]!.end <= finding.start) low = middle + 1;
      else high = middle;
    }
    return low < merged.length && merged[low]!.start < finding.end;
  };
}

export function applyFindings(text: string, findings: Finding[]): string {
  let output = "";
  let cursor = 0;
  for (const finding of findings) {
    output += `${text.slice(cursor, finding.start)}[${finding.type}]`;
    cursor = finding.end;
  }
  return output + text.slice(cursor);
}
