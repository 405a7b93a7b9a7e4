/**
 * What the assistant says it noted after a caller's health answer ("Thank you, I've noted the
 * alendronate and the rest", "I've noted finasteride and the transplant for Dr Marsh",
 * "Thanks, sertraline noted"): the caller's history read back, in words the detectors may not
 * know. Used by conversation.ts, which knows who said what.
 */
import type { Expectation } from "./context";
import { tokenize } from "./tokens";
import type { Finding } from "./types";

// "I've noted ...", "I've made a note of ...", "I've added ... to your notes".
// "I'll note Suboxone for Marina", "I'll update your notes with the ACL repair".
const NOTED =
  /\b(?:noted(?:\s+down)?|(?:i['’]ll|we['’]ll|i\s+will|let\s+me)\s+note|made\s+a\s+note\s+of|made\s+note\s+of|a\s+note\s+of|written\s+down|jotted\s+down|put\s+down|logged|recorded|flagged|passed\s+on|added|(?:update|updated|updating)\s+(?:your|her|his|their)\s+(?:notes|chart|file|records?)\s+with)\s+/gi;
// "... sertraline noted", "the statins noted": what was noted, said first.
const NAMED_NOTED =
  /(?:^|[,.;:!?]\s*|\b(?:thanks|thank you|okay|ok|right)\s+)([a-z][a-z'’-]*(?:\s+[a-z][a-z'’-]*)?)\s+noted\b/gi;
// Where what was noted ends: "... for Dr Marsh", "... to your notes", a full stop; never a
// comma ("the autoimmune thyroid, Eltroxin, the rubber glove reaction and the nerve palsy").
const ITEMS_END =
  /\s+(?:for\s+(?:dr|doctor|nurse|mr|mrs|ms|miss|you|your|her|him|them|the\s+(?:doctor|nurse|team|practitioner))|(?:to|in|on|into)\s+(?:your|her|his|their|the)\s+(?:file|notes|records?|account|chart)|with\s+(?:dr|doctor|nurse)|so|which|because|as|before|ahead|privately|confidentially|down)\b|\s*[.;:!?—–(]|$/i;
// ...or "for" and a name ("... and the aspirin for Lane"): "for gout" goes on.
const FOR_SOMEONE = /\s+for\s+(?=\p{Lu})/u;
// What the caller asked for, noted: "that you'd like lip filler", "your interest in Profhilo".
const REQUESTED =
  /^(?:that\s+)?(?:you['’]d\s+like|you\s+would\s+like|you\s+want|you['’]re\s+(?:interested|after|looking)|your\s+(?:interest|request|enquiry|inquiry))\b/i;
// What a noted item is when it is no health matter.
const NOT_AN_ITEM =
  /^(?:that|that['’]s|thats|that is|that['’]s all|it|it['’]s|it all|this|those|these|both|all|all of (?:it|that|them)|everything|everything['’]s|them|the rest|the rest of it|anything else|nothing|none|no|your (?:answers?|details|preferences?|request|notes))$/i;
// Said before a noted item, not part of it: "that she's on", "the fact that".
const ITEM_LEAD =
  /^(?:(?:the\s+fact\s+)?that\s+(?:she|he|you|they)(?:['’]s|['’]re|\s+(?:is|are|has|have|had|takes?|uses?))\s+(?:on\s+|got\s+|had\s+)?|(?:her|his|your|their)\s+)/i;
// "I've noted", "that's all noted": who noted it, or how much.
const WHO_NOTED =
  /^(?:i|i['’]ve|i['’]ll|i['’]d|we|we['’]ve|she|he|they|it|it['’]s|that|that['’]s|this|all|both|everything|has|have|is|was|been|also|just|and|so|now|ha|oh)\b/i;
const BOOKING_WORD =
  /\b(?:appointment|booking|consult(?:ation)?|time|day|date|slot|deposit|card|payment|price|address|number|mobile|phone|email|name|preference|request|voucher|gift|review|photos?|pictures?|allergy test|patch test|(?:mon|tues|wednes|thurs|fri|satur|sun)day|morning|afternoon|evening|\d{1,2}(?::\d\d)?\s*(?:am|pm))\b|[£$]\d/i;

/**
 * The health items the assistant says it noted in `text` (conversation.ts asks only right
 * after a caller's health answer: `answeredHealth`). `keeps` says whether a word is one of the
 * clinic's own (a treatment, a member of staff).
 */
export function readBack(text: string, keeps: (word: string) => boolean): Finding[] {
  const findings: Finding[] = [];
  const push = (start: number, item: string) => {
    const lead = ITEM_LEAD.exec(item)?.[0] ?? "";
    const rest = item.slice(lead.length).trim();
    if (!rest || NOT_AN_ITEM.test(rest) || BOOKING_WORD.test(rest)) return;
    if (rest.split(/\s+/).length > 5) return;
    // A member of staff or a product named with a capital ("Ember will call you", "the Botox
    // for Friday"); a treatment had elsewhere, in lower case, is history ("the breast
    // augmentation", "the nose surgery").
    if (
      tokenize(rest).some((token) => /^[A-Z]/.test(token.text) && keeps(token.lower)) ||
      REQUESTED.test(rest)
    )
      return;
    const at = start + lead.length + item.slice(lead.length).indexOf(rest);
    findings.push({ type: "MEDICAL", start: at, end: at + rest.length });
  };
  for (const match of text.matchAll(NOTED)) {
    const from = match.index + match[0].length;
    const after = text.slice(from, from + 120);
    const ends = [ITEMS_END.exec(after)?.index, FOR_SOMEONE.exec(after)?.index].filter(
      (index): index is number => index !== undefined,
    );
    const span = after.slice(0, ends.length ? Math.min(...ends) : after.length);
    // "finasteride and the transplant", "the rivastigmine and that she's on a blood thinner".
    let offset = 0;
    for (const item of span.split(/\s+and\s+|,\s*/)) {
      const at = span.indexOf(item, offset);
      offset = at + item.length;
      push(from + at, item);
    }
  }
  for (const match of text.matchAll(NAMED_NOTED)) {
    const item = match[1]!;
    if (WHO_NOTED.test(item)) continue;
    push(match.index + match[0].indexOf(item), item);
  }
  return findings;
}

/** Did the caller's turn answer a health question or say something medical? */
export function answeredHealth(expected: Expectation[], findings: Finding[]): boolean {
  return (
    expected.some((item) => item === "MEDICAL" || item === "HAD_BEFORE") ||
    findings.some((finding) => finding.type === "MEDICAL")
  );
}
