import { NUMBER_WORDS } from "../numbers";
import { FILLERS, type Token } from "../tokens";
import type { Finding } from "../types";

/**
 * A token that is part of something spelled out, as speech-to-text writes it: a single letter
 * ("h", "W"), a number word or a short digit group ("six", "oh", "4"), or a separator said or
 * written ("dash", "-").
 */
export function isSpelledToken(token: Token): boolean {
  return (
    /^[a-z]$/i.test(token.text) ||
    NUMBER_WORDS.has(token.lower) ||
    /^\d{1,4}$/.test(token.text) ||
    ["-", "/", "dash", "hyphen", "slash"].includes(token.lower) ||
    // Smart format writes a code's pieces together: "TX", "P2", "7K" ("91-TX", "X9B4").
    ((/^[A-Z]{2,3}$/.test(token.text) ||
      /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]{2,6}$/.test(token.text)) &&
      !NOT_CODES.has(token.lower))
  );
}
// Capitals and short words with a digit that are no piece of a code.
const NOT_CODES = new Set(
  "ok tv nhs gp id pm am uk us usa er md dr mr ms mrs asap fyi ipl prp hrt bbl ivf atm sms pin 1st 2nd 3rd 4th 5th 6th 7th 8th 9th 10th 11th 12th 20th 21st 30th 31st 3d 4k co2".split(
    " ",
  ),
);

/** Letters that are also everyday words ("a", "I") or a spoken zero ("o"). */
const WORD_LETTERS = new Set(["a", "i", "o"]);
const MIN_TOKENS = 4;

/**
 * Letters and digits spelled one by one, whatever they spell ("three h w eight", "k i t t y c
 * a t seven", "l s six one a a"): a code, a password, a postcode or a name being spelled is
 * never business wording. A run of at least four such tokens with at least two letters, one of
 * them not an everyday word, is removed whole (fillers inside it are kept in the run). Where a
 * more specific detector found part of it (`others`: a name spelled, a custom rule's value),
 * the run takes that finding's type.
 */
export function detectSpelledRuns(tokens: Token[], others: Finding[] = []): Finding[] {
  const findings: Finding[] = [];
  let run: Token[] = [];
  const close = () => {
    while (run.length && FILLERS.has(run.at(-1)!.lower)) run.pop();
    const letters = run.filter((token) => /^[a-z]$/i.test(token.text));
    if (
      run.filter((token) => !FILLERS.has(token.lower)).length >= MIN_TOKENS &&
      letters.length >= 2 &&
      letters.some((token) => !WORD_LETTERS.has(token.lower))
    )
      findings.push({
        // Letters alone are a name being spelled; with digits, a code.
        type: run.some((token) => !/^[a-z]$/i.test(token.text) && !FILLERS.has(token.lower))
          ? "ID"
          : "NAME",
        start: run[0]!.start,
        end: run.at(-1)!.end,
      });
    run = [];
  };
  for (const token of tokens) {
    if (isSpelledToken(token) || (run.length > 0 && FILLERS.has(token.lower))) run.push(token);
    else close();
  }
  close();
  return findings.map((finding) => {
    const named = others.find((other) => other.start < finding.end && other.end > finding.start);
    return named ? { ...finding, type: named.type } : finding;
  });
}

/**
 * The word a run of single letters spells ("k o w a l c z y k", "O-K-A-F-O-R", "b double o
 * t h"), lower case, or null when the text is not letters spelled one by one.
 */
export function spelledWord(text: string): string | null {
  const parts = text
    .toLowerCase()
    .split(/[\s,.-]+/)
    .filter((part) => part && part !== "hyphen" && part !== "dash");
  let word = "";
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (/^[a-z]$/.test(part)) word += part;
    else if (
      (part === "double" || part === "triple" || part === "treble") &&
      /^[a-z]$/.test(parts[index + 1] ?? "")
    )
      word += parts[++index]!.repeat(part === "double" ? 2 : 3);
    else return null;
  }
  return word.length >= 3 ? word : null;
}

const LETTER = /^[a-z]$/i;
const SPELLING_GLUE = new Set(["-", ",", ".", "then", "and"]);

/**
 * A name spelled out as people spell on the phone: "s as in sam, m, i, t, h", "b double o t h",
 * "r for robert o s e". Units are a letter, "double"/"triple" and a letter, or a letter "as in"
 * (or "for", "like") a word; three units make a spelling, or two when one of them is one of
 * the spoken forms, which no ordinary sentence has.
 */
export function detectSpelling(tokens: Token[]): Finding[] {
  const findings: Finding[] = [];
  let index = 0;
  while (index < tokens.length) {
    let cursor = index;
    let units = 0;
    let spoken = 0;
    let end = -1;
    for (;;) {
      const token = tokens[cursor];
      if (!token) break;
      const after = tokens[cursor + 1];
      if (
        (token.lower === "double" || token.lower === "triple") &&
        after &&
        LETTER.test(after.text)
      ) {
        units++;
        spoken++;
        end = cursor + 1;
        cursor += 2;
      } else if (LETTER.test(token.text)) {
        units++;
        end = cursor;
        cursor++;
        // "s as in sam", "r for robert", "p like peter"
        const link = tokens[cursor];
        const linkNext = tokens[cursor + 1];
        if (link?.lower === "as" && linkNext?.lower === "in" && tokens[cursor + 2]) {
          spoken++;
          end = cursor + 2;
          cursor += 3;
        } else if (
          (link?.lower === "for" || link?.lower === "like") &&
          linkNext &&
          /^[a-z]{2,}$/i.test(linkNext.text) &&
          units + spoken > 0 &&
          tokens[cursor + 2] &&
          (LETTER.test(tokens[cursor + 2]!.text) || SPELLING_GLUE.has(tokens[cursor + 2]!.text))
        ) {
          spoken++;
          end = cursor + 1;
          cursor += 2;
        }
      } else if (units > 0 && (SPELLING_GLUE.has(token.lower) || FILLERS.has(token.lower))) {
        cursor++;
      } else break;
    }
    if (
      end >= 0 &&
      (units >= 3 || (units >= 2 && spoken > 0) || (units >= 1 && spoken > 0 && end > index + 1))
    ) {
      findings.push({ type: "NAME", start: tokens[index]!.start, end: tokens[end]!.end });
      index = end + 1;
    } else index++;
  }
  return findings;
}
