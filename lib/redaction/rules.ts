import { RE2JS } from "re2js";

import type { CustomRule, Finding } from "./types";

export const MAX_PATTERN_LENGTH = 200;
/** Longest text a custom pattern is run over in one go; longer input is scanned in windows. */
const WINDOW = 20_000;

export type PatternCheck = { ok: true } | { ok: false; error: string };

/**
 * Validates an admin's regular expression. Patterns run on RE2 (re2js), which guarantees
 * linear time, so no pattern can hang the server; what RE2 cannot do (backreferences,
 * lookaround) is refused here with a message, as are patterns that match empty text.
 */
export function checkPattern(pattern: string): PatternCheck {
  if (!pattern.trim()) return { ok: false, error: "Enter a pattern." };
  if (pattern.length > MAX_PATTERN_LENGTH)
    return { ok: false, error: `Patterns are limited to ${MAX_PATTERN_LENGTH} characters.` };
  try {
    const compiled = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
    if (compiled.matcher("").find() || compiled.matches(""))
      return { ok: false, error: "This pattern matches empty text, so it would match everywhere." };
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      error: `Not a valid pattern: ${(error as Error).message.replace(/^error parsing regexp: /, "")}`,
    };
  }
}

/** Compiles a clinic's pattern rules; invalid ones are skipped (they were refused on save). */
export function compilePatterns(rules: CustomRule[]) {
  const compiled = rules
    .filter((rule) => rule.kind === "pattern" && checkPattern(rule.value).ok)
    .map((rule) => ({
      regex: RE2JS.compile(rule.value, RE2JS.CASE_INSENSITIVE),
      type: rule.category,
    }));
  return (text: string): Finding[] => {
    const findings: Finding[] = [];
    for (let offset = 0; offset < text.length; offset += WINDOW) {
      // Windows overlap by 200 characters so a match across a boundary is still seen.
      const slice = text.slice(offset, offset + WINDOW + MAX_PATTERN_LENGTH);
      const last = offset + slice.length >= text.length;
      for (const { regex, type } of compiled) {
        const matcher = regex.matcher(slice);
        while (matcher.find()) {
          const start = matcher.start();
          const end = matcher.end();
          if (end <= start) continue;
          // A window's edges are not the text's: "^" at a later window's start and "$" at an
          // earlier window's end would match there. What really starts at a window's start was
          // seen by the window before (they overlap); what ends at an earlier window's end and
          // starts in the overlap is seen whole by the next.
          if (offset > 0 && start === 0 && end - start <= MAX_PATTERN_LENGTH) continue;
          if (!last && end === slice.length && start > WINDOW) continue;
          findings.push({ type, start: offset + start, end: offset + end });
        }
      }
    }
    return findings;
  };
}
