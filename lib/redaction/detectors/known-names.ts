import type { Token } from "../tokens";
import type { Finding } from "../types";
import {
  AMBIGUOUS_NAMES,
  couldBeName,
  MONTH_NAMES,
  NOT_AFTER_NAME,
  PREDICATE_SHAPE,
  PREDICATES,
  STAFF_TITLE,
} from "./name-words";

// The same call's names are looked up for every turn: partition them once per set and size.
const partitions = new WeakMap<
  Set<string>,
  { size: number; whole: Set<string>; split: string[] }
>();
function partitioned(names: Set<string>) {
  const cached = partitions.get(names);
  if (cached && cached.size === names.size) return cached;
  const whole = new Set<string>();
  const split: string[] = [];
  for (const name of names) {
    if (name.length < 2) continue;
    if (/^[a-z\u00C0-\u024F]+(?:['’][a-z]+)?$/i.test(name)) whole.add(name.toLowerCase());
    else split.push(name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  }
  const entry = { size: names.size, whole, split };
  partitions.set(names, entry);
  return entry;
}

const SPOKEN_TO = new Set(
  "thanks thank you cheers hi hello hey dear bye goodbye sorry welcome congratulations morning afternoon evening lovely great perfect brilliant okay ok right".split(
    " ",
  ),
);

/**
 * Whole-word occurrences of names already found elsewhere in the call ("Thanks, Jane"). Not
 * where a member of staff is named ("Nurse Grace", "Dr Amara Okafor"): a caller may share a
 * staff member's name. A name that is also a word ("Bill", "May") only where it is written
 * as a name: capitalised, not opening a sentence.
 */
export function detectKnownNames(
  text: string,
  names: Set<string>,
  allow: Set<string> = new Set(),
  tokens: Token[] = [],
): Finding[] {
  const findings: Finding[] = [];
  // Names learned are single words; most are one token ("jane", "o'brien"), looked up per
  // token. The rare ones the tokenizer splits ("smith-jones") go through one small pattern.
  // (One pattern of every name, rebuilt per turn, made a long call cost names × turns.)
  const { whole, split } = partitioned(names);
  if (whole.size === 0 && split.length === 0) return findings;
  const matches: { index: number; text: string }[] = [];
  for (const token of tokens) {
    const bare = token.lower.replace(/['’]s$/, "");
    if (
      (whole.has(token.lower) || whole.has(bare)) &&
      !/[\p{L}\p{N}_]/u.test(text[token.start - 1] ?? "") &&
      !/[\p{L}\p{N}_]/u.test(text[token.end] ?? "")
    )
      matches.push({ index: token.start, text: token.text });
  }
  if (split.length)
    for (const match of text.matchAll(new RegExp(`\\b(?:${split.join("|")})(?:['’]s)?\\b`, "gi")))
      matches.push({ index: match.index, text: match[0] });
  matches.sort((a, b) => a.index - b.index);
  let cursor = 0;
  for (const match of matches) {
    const word = match.text.toLowerCase().replace(/['’]s$/, "");
    while (cursor < tokens.length && tokens[cursor]!.start < match.index) cursor++;
    // Up to two words back: a title, with only staff names between ("Dr Amara [Okafor]").
    let titled = false;
    for (let back = cursor - 1; back >= 0 && back >= cursor - 3; back--) {
      const previous = tokens[back]!;
      if (previous.text === ".") continue;
      if (STAFF_TITLE.test(previous.text)) {
        titled = true;
        break;
      }
      if (!allow.has(previous.lower)) break;
    }
    if (titled && allow.has(word)) continue;
    const after = tokens[cursor + 1];
    let end = match.index + match.text.length;
    // A caller who shares a staff member's first name ("I'm Holly Greenwood" at a clinic with
    // a Holly): that word alone is theirs only where they are spoken to ("Thanks, Holly.",
    // "your mobile, Holly?"); "with Holly" and "Holly has Wednesday" are the member of staff.
    const surnamed =
      after !== undefined &&
      after.start === end + 1 &&
      couldBeName(after) &&
      !allow.has(after.lower) &&
      !AMBIGUOUS_NAMES.has(after.lower);
    if (allow.has(word) && !surnamed) {
      let back = cursor - 1;
      while (back >= 0 && /^[,.]$/.test(tokens[back]!.text)) back--;
      const spokenTo =
        /['’]s$/.test(match.text) ||
        (back >= 0 && /^(?:mr|mrs|ms|miss|mx)$/i.test(tokens[back]!.text)) ||
        (back >= 0 && SPOKEN_TO.has(tokens[back]!.lower) && tokens[back]!.end <= match.index) ||
        /^\s*[?!]/.test(text.slice(end, end + 3)) ||
        (back >= 0 &&
          tokens[cursor - 1]?.text === "," &&
          /^\s*[.?!]?\s*$/.test(text.slice(end, end + 2)));
      if (!spokenTo) continue;
    }
    // "Summer Blake is our skin therapist": a member of staff's whole name, said by name.
    if (after && allow.has(word) && allow.has(after.lower) && after.start === end + 1) continue;
    if (AMBIGUOUS_NAMES.has(word)) {
      // "in April", "since May", "June 3rd": the month.
      if (
        MONTH_NAMES.has(word) &&
        (/^(?:in|on|of|since|until|till|by|from|before|after|early|late|mid|next|last|this|every|through|during)$/i.test(
          tokens[cursor - 1]?.text ?? "",
        ) ||
          /^\d/.test(after?.text ?? ""))
      )
        continue;
      const opensSentence = /(?:^|[.!?:]\s*|["“]\s*)$/.test(
        text.slice(Math.max(0, match.index - 40), match.index),
      );
      // "Mark Delgado", "mark delgado" (both learned): the first name with its surname.
      const withSurname =
        after !== undefined &&
        after.start === end + 1 &&
        couldBeName(after) &&
        // Lower case, any word could follow ("she may come"): only a surname already learned.
        (/^[A-Z]/.test(after.text) || whole.has(after.lower)) &&
        !AMBIGUOUS_NAMES.has(after.lower) &&
        !allow.has(after.lower);
      // "Rose is booked with April.": written as a name, opening a sentence that is not a
      // question or an auxiliary ("May I", "Will you", "Will do").
      const namedFirst =
        /^[A-Z]/.test(match.text) &&
        opensSentence &&
        after !== undefined &&
        !NOT_AFTER_NAME.has(after.lower);
      if (withSurname) end = after.end;
      else if (!(/^[A-Z]/.test(match.text) && !opensSentence) && !namedFirst) continue;
    }
    // "he's ravi patel" in a call where the assistant has said "Ravi": the surname after a
    // learned first name goes with it, in lower case too, when it is no common word.
    if (
      surnamed &&
      !AMBIGUOUS_NAMES.has(word) &&
      !allow.has(word) &&
      /^[a-z]/.test(after.text) &&
      !PREDICATES.has(after.lower) &&
      !PREDICATE_SHAPE.test(after.lower)
    )
      end = after.end;
    // A word that is also a name, just before a surname this call has learned, is that
    // person's first name ("may hartley", "so dawn fisher"): "i may" never precedes a surname.
    const before = tokens[cursor - 1];
    const start =
      before &&
      /^ $/.test(text.slice(before.end, match.index)) &&
      // "will will ainscough": a name said twice over a stumble.
      (before.lower === word || (AMBIGUOUS_NAMES.has(before.lower) && !AMBIGUOUS_NAMES.has(word)))
        ? before.start
        : match.index;
    findings.push({ type: "NAME", start, end });
  }
  return findings;
}
