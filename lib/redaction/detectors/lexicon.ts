import { tokenize, type Token } from "../tokens";
import type { Finding, RedactionType } from "../types";

/** One word of a term list: the words that may follow it, and whether a term ends here. */
interface TrieNode {
  next: Map<string, TrieNode>;
  /** A term ends on this word. */
  end: boolean;
}

const node = (): TrieNode => ({ next: new Map(), end: false });
const normalise = (word: string) => word.toLowerCase().replace(/’/g, "'");
const ALNUM = /[\p{L}\p{N}]/u;

// Every lexicon (the medical one, each keyword rule) walks the same tokens of a turn.
const normalised = new WeakMap<Token[], string[]>();
function normalisedWords(tokens: Token[]): string[] {
  let words = normalised.get(tokens);
  if (!words) {
    words = tokens.map((token) =>
      token.lower.includes("’") ? token.lower.replace(/’/g, "'") : token.lower,
    );
    normalised.set(tokens, words);
  }
  return words;
}

/** A term's words as the tokenizer splits text; spaces and hyphens between words are equivalent. */
function termWords(term: string): string[] {
  const tokens = tokenize(term.trim());
  return tokens
    .map((token, index) => {
      const previous = tokens[index - 1];
      // "co2 laser", "morpheus8": words written together in the term are together in the text.
      const together =
        previous?.end === token.start && ALNUM.test(previous.text) && ALNUM.test(token.text);
      return `${together ? GLUED : ""}${normalise(token.text)}`;
    })
    .filter((word) => word !== "-" && word !== "–");
}
// Marks a term's word written against the one before it, with no space ("co" + "2").
const GLUED = "\u0001";

/**
 * Whole-word matching of a term list (the medical lexicon, a clinic's keywords): case-
 * insensitive, spaces and hyphens interchangeable between words, simple plurals ("s", "es")
 * on the last word, the longest term at the leftmost position. Terms in `allow` (procedure
 * names, staff) are skipped.
 *
 * A trie over the words, walked from each token: linear in the text (at most the longest
 * term's length in steps per token), where one regular expression of ~2,000 alternatives cost
 * 0.5 s on a 20,000-word call.
 */
export function compileLexicon(
  terms: Iterable<string>,
  type: RedactionType,
  allow: Set<string> = new Set(),
) {
  const root = node();
  let longest = 0;
  for (const raw of terms) {
    const term = raw.trim().toLowerCase();
    if (term.length < 2 || allow.has(term)) continue;
    const words = termWords(term);
    if (words.length === 0) continue;
    longest = Math.max(longest, words.length);
    let at = root;
    for (const word of words.slice(0, -1)) {
      let child = at.next.get(word);
      if (!child) at.next.set(word, (child = node()));
      at = child;
    }
    const last = words.at(-1)!;
    for (const form of [last, `${last}s`, `${last}es`]) {
      let child = at.next.get(form);
      if (!child) at.next.set(form, (child = node()));
      child.end = true;
    }
  }
  if (longest === 0) return (_text: string, _tokens?: Token[]): Finding[] => [];

  return (text: string, tokens: Token[] = tokenize(text)): Finding[] => {
    const findings: Finding[] = [];
    const words = normalisedWords(tokens);
    const glued = (offset: number) => ALNUM.test(text[offset] ?? "");
    for (let index = 0; index < tokens.length;) {
      const first = tokens[index]!;
      // Most words start no term: one lookup, no more.
      if (
        (!root.next.has(words[index]!) && !words[index]!.endsWith("'s")) ||
        glued(first.start - 1)
      ) {
        index++;
        continue;
      }
      let at: TrieNode | undefined = root;
      let matched = -1;
      let cursor = index;
      let matchedEnd = -1;
      let together = false;
      while (cursor < tokens.length) {
        const word = together ? GLUED + words[cursor]! : words[cursor]!;
        // A possessive ends a term inside its token: "password's" is "password" + "'s".
        const bare = word.endsWith("'s") ? word.slice(0, -2) : null;
        const possessive = bare ? at.next.get(bare) : undefined;
        if (possessive?.end) {
          matched = cursor;
          matchedEnd = tokens[cursor]!.end - 2;
        }
        at = at.next.get(word);
        if (!at) break;
        if (at.end && !glued(tokens[cursor]!.end)) {
          matched = cursor;
          matchedEnd = tokens[cursor]!.end;
        }
        // Between words: whitespace and hyphens only ("latex allergy", "latex-allergy").
        let following = cursor + 1;
        while (
          following < tokens.length &&
          (tokens[following]!.text === "-" || tokens[following]!.text === "–") &&
          /^[\s-–]*$/.test(text.slice(tokens[cursor]!.end, tokens[following]!.start))
        )
          following++;
        if (following >= tokens.length) break;
        const previous = tokens[following - 1]!;
        const gap = text.slice(previous.end, tokens[following]!.start);
        if (!/^\s*$/.test(gap)) break;
        // "covid19" is one word to a reader, not "covid 19": glued words match only a term
        // written glued ("co2 laser").
        together = !gap && ALNUM.test(previous.text) && ALNUM.test(tokens[following]!.text);
        cursor = following;
      }
      if (matched >= 0) {
        findings.push({ type, start: first.start, end: matchedEnd });
        index = matched + 1;
      } else {
        index++;
      }
    }
    return findings;
  };
}
