import type { Finding } from "../types";

// What a typed secret joins its parts with; "@", ".", "/" and "-" belong to emails, links,
// dates and prices, which other detectors judge.
const JOINER = /[#$%^&*_+=~|]|[!?](?=[A-Za-z0-9])/;
const RUN = /[^\s,;:()"“”'‘’]+/g;
const SYMBOL = /[#$%^&*_+=~|!?]/;
const SECRET_SHAPE = /^[A-Za-z0-9#$%^&*_+=~|!?]+$/;

/**
 * Values shaped like a typed password or code, with no cue needed: letters and digits joined
 * by a symbol ("Tulip#2291", "Bluebird_77", "Sunflower$12", "Pumpkin!7", "9x&Lm2"). No
 * business word has that shape: brand names with a digit ("Morpheus8"), prices ("$250"),
 * times, dates and emails have no symbol inside, or one the joiner excludes.
 */
export function detectSymbolSecrets(text: string): Finding[] {
  const findings: Finding[] = [];
  // Most turns have no symbol at all: one scan, no more.
  if (!SYMBOL.test(text)) return findings;
  for (const match of text.matchAll(RUN)) {
    // A sentence's own punctuation is not part of the value.
    const value = match[0].replace(/[.!?]+$/, "");
    if (
      value.length >= 4 &&
      SECRET_SHAPE.test(value) &&
      JOINER.test(value) &&
      /\d/.test(value) &&
      (value.match(/[A-Za-z]/g)?.length ?? 0) >= 2
    )
      findings.push({ type: "ID", start: match.index, end: match.index + value.length });
  }
  return findings;
}
