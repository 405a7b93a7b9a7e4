import { describe, expect, it } from "vitest";

import { MEDICAL_LEXICON } from "@/lib/redaction/lexicon/medical";

const groups = Object.entries(MEDICAL_LEXICON);
const all = groups.flatMap(([, terms]) => terms);
const normalise = (term: string) => term.toLowerCase().replace(/\s+/g, " ").trim();
/** Words of a term, hyphens read as spaces, for whole-word containment checks. */
const wordsOf = (term: string) => ` ${normalise(term).replace(/-/g, " ").replace(/\s+/g, " ")} `;

/** The clinics' own procedures and their common names: business data, never redacted. */
const PROCEDURE_TERMS = [
  "facelift",
  "face lift",
  "face-lift",
  "lower facelift",
  "mini facelift",
  "rhytidectomy",
  "neck lift",
  "rhinoplasty",
  "septorhinoplasty",
  "nose job",
  "nose surgery",
  "nose reshaping",
  "blepharoplasty",
  "eyelid surgery",
  "eyelid lift",
  "eye lift",
  "eye bags",
  "botox",
  "botulinum toxin",
  "anti-wrinkle injections",
  "wrinkle relaxer",
  "tox",
  "filler",
  "fillers",
  "dermal filler",
  "dermal fillers",
  "lip filler",
  "lip fillers",
  "tummy tuck",
  "mini tummy tuck",
  "stomach tuck",
  "abdominoplasty",
  "breast augmentation",
  "augmentation mammoplasty",
  "boob job",
  "breast implants",
  "breast implant",
  "breast enlargement",
  "breast lift",
  "liposuction",
  "lipo",
  "laser resurfacing",
  "laser facial",
  "fractional laser",
  "co2 laser",
  "chemical peel",
  "microneedling",
  "consultation",
];

/** Everyday words that come up in scheduling talk; only specific phrases built on them belong. */
const EVERYDAY_WORDS = [
  "cold",
  "pressure",
  "heart",
  "pill",
  "pills",
  "shot",
  "shots",
  "fine",
  "tired",
  "stress",
  "stressed",
  "pain",
  "back",
  "sick",
  "surgery",
  "operation",
  "doctor",
  "nurse",
  "nursing",
  "medicine",
  "medication",
  "medications",
  "treatment",
  "allergies",
  "allergic",
  "allergy",
  "blood",
  "sugar",
  "weight",
  "diet",
  "therapy",
  "coil",
  "implant",
  "implants",
  "injection",
  "injections",
  "tablets",
  "jab",
  "patch",
  "ring",
  "expecting",
  "termination",
  "recovery",
  "drinking",
  "drink",
  "weed",
  "pot",
  "anxious",
  "depressed",
  "lump",
  "ms",
  "ra",
  "tia",
  "pe",
  "add",
  "pots",
  "aids",
  "prep",
];

describe("MEDICAL_LEXICON", () => {
  it("is broad", () => {
    expect(all.length).toBeGreaterThanOrEqual(600);
    for (const [, terms] of groups) expect(terms.length).toBeGreaterThan(0);
  });

  it("has no duplicates within or across groups", () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const [group, terms] of groups) {
      for (const term of terms) {
        const key = normalise(term);
        const previous = seen.get(key);
        if (previous) duplicates.push(`${term} (${previous}, ${group})`);
        seen.set(key, group);
      }
    }
    expect(duplicates).toEqual([]);
  });

  it("holds trimmed, lower-case words and short phrases", () => {
    const bad = all.filter(
      (term) =>
        term !== term.trim() ||
        term !== term.toLowerCase() ||
        term.length < 2 ||
        term.length > 60 ||
        /\s{2,}/.test(term) ||
        !/^[a-z0-9][a-z0-9 '-]*[a-z0-9']$/.test(term),
    );
    expect(bad).toEqual([]);
  });

  it("never names the clinics' own procedures, even inside a phrase", () => {
    const offending = all.filter((term) =>
      PROCEDURE_TERMS.some((procedure) => wordsOf(term).includes(wordsOf(procedure))),
    );
    expect(offending).toEqual([]);
  });

  it("leaves out everyday words on their own", () => {
    const entries = new Set(all.map(normalise));
    expect(EVERYDAY_WORDS.filter((word) => entries.has(word))).toEqual([]);
  });

  it.each([
    ["medication", "warfarin"],
    ["medication", "ozempic"],
    ["medication", "semaglutide"],
    ["medication", "accutane"],
    ["medication", "isotretinoin"],
    ["condition", "diabetes"],
    ["condition", "type 2 diabetes"],
    ["condition", "type two diabetes"],
    ["condition", "lupus"],
    ["condition", "keloids"],
    ["pregnancy", "pregnant"],
    ["pregnancy", "breastfeeding"],
    ["implant_device", "pacemaker"],
    ["mental_health", "anxiety"],
    ["allergy", "penicillin allergy"],
    ["substance", "smoker"],
  ] as const)("has %s term %j", (group, term) => {
    expect(MEDICAL_LEXICON[group]).toContain(term);
  });
});
