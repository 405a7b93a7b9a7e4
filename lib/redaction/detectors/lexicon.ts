import type { Finding, RedactionType } from "../types";

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A term as a pattern: case-insensitive, spaces and hyphens interchangeable, simple plurals. */
function termPattern(term: string): string {
  const words = term
    .trim()
    .toLowerCase()
    .split(/[\s-]+/)
    .map(escape);
  const last = words.length - 1;
  words[last] = `${words[last]}(?:s|es)?`;
  return words.join("[\\s-]+");
}

/**
 * Whole-word matching of a term list (the medical lexicon, a clinic's keywords) in one regex,
 * longest terms first. Terms in `allow` (procedure names, staff) are skipped.
 */
export function compileLexicon(
  terms: Iterable<string>,
  type: RedactionType,
  allow: Set<string> = new Set(),
) {
  const unique = [
    ...new Set(
      [...terms]
        .map((term) => term.trim().toLowerCase())
        .filter((term) => term.length >= 2 && !allow.has(term)),
    ),
  ];
  unique.sort((a, b) => b.length - a.length);
  if (unique.length === 0) return (_text: string): Finding[] => [];
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${unique.map(termPattern).join("|")})(?![\\p{L}\\p{N}])`,
    "giu",
  );
  return (text: string): Finding[] =>
    [...text.matchAll(pattern)].map((match) => ({
      type,
      start: match.index,
      end: match.index + match[0].length,
    }));
}
