/**
 * Whether the name a caller gives is the name on an appointment. Strict on purpose: a caller
 * only hears an appointment's details when they are calling from its number and say the
 * patient's first and last name (case, accents, punctuation, titles and middle names aside).
 * A first name alone, or a surname alone, is not enough for a two-part name.
 */
const TITLES = new Set(["mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "sir", "dame"]);

export function nameWords(name: string): string[] {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0 && !TITLES.has(word));
}

export function namesMatch(given: string, onFile: string): boolean {
  const said = nameWords(given);
  const stored = nameWords(onFile);
  if (said.length === 0 || stored.length === 0) return false;
  if (stored.length === 1) return said.length === 1 && said[0] === stored[0];
  return (
    said.length >= 2 && said[0] === stored[0] && said[said.length - 1] === stored[stored.length - 1]
  );
}

/** The first name on file, as written there (for the assistant to use once the caller has said it). */
export function firstName(onFile: string): string {
  const first = onFile
    .trim()
    .split(/\s+/)
    .find((word) => !TITLES.has(word.toLowerCase().replace(/\.$/, "")));
  return first ?? onFile.trim();
}
