import type { TranscriptLine } from "@/types/transcript";

import { detectAddresses } from "./detectors/address";
import { detectAlphanumericIds, detectCodes, detectDigitRuns } from "./detectors/digits";
import { detectDatesOfBirth } from "./detectors/dob";
import { detectEmails } from "./detectors/email";
import { compileLexicon } from "./detectors/lexicon";
import { detectKnownNames, detectNames } from "./detectors/names";
import { valueAfter } from "./following";
import { MEDICAL_LEXICON } from "./lexicon/medical";
import { compilePatterns } from "./rules";
import { tokenize, type Token } from "./tokens";
import { TYPE_PRIORITY, type Finding, type RedactionConfig, type RedactionResult } from "./types";

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

/**
 * Does a span overlap any of `spans`? The spans merged and sorted once, then a binary search
 * per question: a long call has thousands of names and terms to compare.
 */
function overlapChecker(spans: Finding[]) {
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

export interface Redactor {
  /** Redacts one piece of text. `knownNames` are names learned earlier in the same call. */
  redact(text: string, knownNames?: Set<string>): RedactionResult & { names: string[] };
}

/**
 * Builds the redactor for one clinic: built-in detectors (numbers and ids written or spoken,
 * emails, dates of birth, addresses, names), the medical lexicon, and the clinic's own rules.
 * Detection runs on the original and on a normalised shadow whose spans map back to the
 * original; only the redacted text ever leaves this module.
 */
export function createRedactor(config: RedactionConfig = {}): Redactor {
  const allow = new Set(
    (config.allow ?? [])
      .flatMap((term) => [term.toLowerCase(), ...term.toLowerCase().split(/\s+/)])
      .filter(Boolean),
  );
  const rules = config.rules ?? [];
  const medical = compileLexicon(Object.values(MEDICAL_LEXICON).flat(), "MEDICAL", allow);
  const keywords = rules
    .filter((rule) => rule.kind === "keyword")
    .map((rule) => {
      const match = compileLexicon([rule.value], rule.category);
      return (text: string, tokens: Token[]): Finding[] =>
        match(text, tokens).flatMap((found) =>
          rule.redactFollowing
            ? [found, ...valueAfter(text, tokens, found.end, rule.category)]
            : [found],
        );
    });
  const patterns = compilePatterns(rules);

  return {
    redact(text, knownNames = new Set()) {
      const tokens = tokenize(text);
      // Terms the clinic or the lexicon name explicitly outrank a guess that a word is a name.
      const terms = [...medical(text, tokens), ...keywords.flatMap((match) => match(text, tokens))];
      const overlapsTerm = overlapChecker(terms);
      const names = detectNames(text, tokens, allow).filter((finding) => !overlapsTerm(finding));
      const findings = mergeFindings([
        ...detectDigitRuns(text, tokens),
        ...detectAlphanumericIds(text, tokens),
        ...detectCodes(text),
        ...detectEmails(text, tokens),
        ...detectDatesOfBirth(text, tokens),
        ...detectAddresses(text),
        ...names,
        ...detectKnownNames(text, knownNames).filter((finding) => !overlapsTerm(finding)),
        ...terms,
        ...patterns(text),
      ]);
      const learned = names
        .map((finding) => text.slice(finding.start, finding.end))
        .flatMap((name) => name.split(/\s+/))
        .filter(
          (part) =>
            part.length >= 2 &&
            !/^[A-Za-z]([\s.-][A-Za-z])+$/.test(part) &&
            !allow.has(part.toLowerCase()),
        );
      return { text: applyFindings(text, findings), findings, names: learned };
    },
  };
}

/**
 * Redacts a whole call in two passes, so a name given late ("...it's Jane, by the way") is
 * also removed from earlier lines ("Thanks Jane" from the assistant).
 */
export function redactTranscript(redactor: Redactor, lines: TranscriptLine[]) {
  const names = new Set<string>();
  for (const line of lines)
    for (const name of redactor.redact(line.text).names) names.add(name.toLowerCase());
  return lines.map((line) => {
    const { text, findings } = redactor.redact(line.text, names);
    return { speaker: line.speaker, at: line.at, text, findings };
  });
}
