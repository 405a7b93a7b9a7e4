import { NUMBER_WORDS } from "../numbers";
import { tokenIndexAfter, type Token } from "../tokens";
import type { Finding } from "../types";

const WRITTEN = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const TLD =
  "com|net|org|edu|gov|co|uk|io|us|ca|au|de|fr|ie|nz|me|info|biz|mail|se|nl|es|it|br|jp|in|dk|no|fi|pl|be|ch|at|pt|mx|za|sg|hk|ru|cn|kr|tv|app|dev|ai|cc|ly|xyz|online|store|email";
// A domain's label, or its letters spelled ("c p s" for cps).
const LABEL = "[a-z0-9-]+(?:\\s+[a-z0-9](?![a-z0-9]))*";
// The ending, said or spelled ("e d u", "c o dot u k").
const SPELLED_TLD = TLD.split("|")
  .filter((tld) => tld.length <= 3)
  .map((tld) => tld.split("").join("\\s+"))
  .join("|");
// A domain's dot, said ("dot") or written with nothing after it: a full stop and a space end
// a sentence ("see your grandmother Saturday at 10. It's ..." is no address).
const DOT = "(?:\\s*dot\\s*|\\s*\\.(?!\\s))";
// " at gmail dot com", " at yahoo dot co dot uk", " @ outlook.com", " at c p s dot e d u"
const SPOKEN_DOMAIN = new RegExp(
  `\\s+(?:at|@)\\s+${LABEL}(?:${DOT}${LABEL})*?${DOT}(?:${TLD}|${SPELLED_TLD})\\b(?:${DOT}(?:[a-z]{2}|[a-z]\\s+[a-z])\\b)?`,
  "gi",
);
const CONNECTORS = new Set(["dot", "underscore", "dash", "hyphen", "period", ".", "_", "-"]);
const STOP = new Set([
  "is",
  "it's",
  "its",
  "my",
  "email",
  "e-mail",
  "mail",
  "address",
  "the",
  "that's",
  "thats",
  "it",
  "me",
  "use",
  "send",
  "to",
  "at",
  "reach",
  "on",
  "by",
  "and",
  "or",
  "so",
  "yes",
  "yeah",
  "sure",
  "okay",
  "ok",
  "um",
  "uh",
  "you",
  "can",
  "could",
  "please",
  "just",
]);

/** Email addresses as written, and as spoken: "jane dot doe at gmail dot com", "j-d-o-e 84 at ...". */
export function detectEmails(text: string, tokens: Token[]): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(WRITTEN))
    findings.push({ type: "EMAIL", start: match.index, end: match.index + match[0].length });
  for (const match of text.matchAll(SPOKEN_DOMAIN)) {
    // Walk back from " at " over the local part: words, letters, digits and connectors.
    const atStart = match.index;
    let start = -1;
    let words = 0;
    for (let index = tokenIndexAfter(tokens, atStart) - 1; index >= 0 && words < 6; index--) {
      const token = tokens[index]!;
      if (STOP.has(token.lower) && !CONNECTORS.has(token.lower)) break;
      if (!/^[a-z0-9._-]+$/i.test(token.text) && !NUMBER_WORDS.has(token.lower)) break;
      start = token.start;
      if (!CONNECTORS.has(token.lower)) words++;
    }
    if (start >= 0) findings.push({ type: "EMAIL", start, end: match.index + match[0].length });
  }
  return findings;
}
