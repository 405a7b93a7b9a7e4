/**
 * The server's own check for urgent post-operative concerns in what a caller says, beside the
 * assistant's prompt (which recognises them too): a keyword check on each final transcript
 * line, so a call is flagged even when the model misses it. Pure; the text is never stored,
 * only the categories found.
 *
 * A sign said with a negation just before it ("no bleeding", "I don't have a fever",
 * "it isn't bleeding any more") does not count. Emergency signs (difficulty breathing, chest
 * pain, heavy or unstoppable bleeding, fainting) mean: call the local emergency number first.
 */

export const URGENT_SIGNS = [
  "bleeding",
  "fever",
  "severe_pain",
  "breathing",
  "wound_opening",
  "chest_pain",
] as const;
export type UrgentSign = (typeof URGENT_SIGNS)[number];

/** How staff read each sign. */
export const SIGN_LABELS: Record<UrgentSign, string> = {
  bleeding: "bleeding",
  fever: "fever",
  severe_pain: "severe or worsening pain",
  breathing: "difficulty breathing",
  wound_opening: "wound opening",
  chest_pain: "chest pain",
};

const PATTERNS: Record<UrgentSign, RegExp[]> = {
  bleeding: [
    /\b(bleed(?:ing|s)?|bled|ha?emorrhag\w*)\b/g,
    /\bblood\b[^.?!]{0,30}\b(coming|pouring|soak\w*|everywhere|through|won'?t stop|dripping|oozing)/g,
    /\bsoak(?:ed|ing)? (?:through )?(?:the |my )?(?:dressing|bandage|gauze)s?\b/g,
  ],
  fever: [
    /\b(fever\w*|feverish|high temperature|temperature of (?:3[89]|10[0-9])|chills|shivering|rigors)\b/g,
  ],
  severe_pain: [
    /\b(severe|unbearable|excruciating|agoni[sz]ing|terrible|awful|really bad|extreme|intense) (?:\w+ )?pain\b/g,
    /\bpain\b[^.?!]{0,25}\b(getting worse|worse and worse|worsening|unbearable|severe|excruciating|increasing|won'?t go)\b/g,
    /\b(worsening|increasing) (?:\w+ )?pain\b/g,
  ],
  breathing: [
    /\b(can'?t|cannot|can not|struggling to|hard to|trouble|difficulty|difficult to|unable to) (?:\w+ )?breath(?:e|ing)?\b/g,
    /\b(short(?:ness)? of breath|breathless\w*|gasping|wheez\w*)\b/g,
  ],
  wound_opening: [
    /\b(wound|incision|cut|scar|stitches|sutures?)\b[^.?!]{0,25}\b(opened|open(?:ing)? up|split|gaping|come apart|coming apart|came apart|came out|come out|coming out|undone|burst)\b/g,
    /\bdehiscen\w*\b/g,
  ],
  chest_pain: [
    /\bchest (?:pain|pains|is tight|tightness|hurts|hurting)\b/g,
    /\b(pain|tightness|pressure) in (?:my|the|his|her) chest\b/g,
    /\btight chest\b/g,
  ],
};

/** Emergency wording beyond the categories: heavy bleeding and collapse. */
const EMERGENCY = [
  /\b(won'?t stop|will not stop|can'?t stop|pouring|gushing|a lot of blood|so much blood|soak\w*)\b/g,
  /\b(faint\w*|passed out|passing out|collaps\w*|unconscious|unresponsive|blue lips|lips (?:are |have gone )?blue)\b/g,
];

const NEGATION =
  /\b(no|not|never|without|isn'?t|aren'?t|don'?t|doesn'?t|hasn'?t|haven'?t|wasn'?t|didn'?t|nor|any more|anymore)\b[^.?!,;]{0,20}$/;

function matches(text: string, pattern: RegExp): boolean {
  for (const match of text.matchAll(pattern)) {
    const before = text.slice(Math.max(0, match.index - 30), match.index);
    if (!NEGATION.test(before)) return true;
  }
  return false;
}

export interface UrgentCheck {
  signs: UrgentSign[];
  /** Signs to call the emergency number for first. */
  emergency: boolean;
}

/** The urgent signs in one line of what a caller said (empty when none). */
export function recogniseUrgentSigns(line: string): UrgentCheck {
  const text = line.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, " ");
  const signs = URGENT_SIGNS.filter((sign) =>
    PATTERNS[sign].some((pattern) => matches(text, pattern)),
  );
  const emergency =
    signs.includes("breathing") ||
    signs.includes("chest_pain") ||
    (signs.includes("bleeding") && matches(text, EMERGENCY[0]!)) ||
    matches(text, EMERGENCY[1]!);
  return { signs, emergency };
}
