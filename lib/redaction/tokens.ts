/** Word tokens with their offsets in the original text; detectors reason over these. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const TOKEN = /[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z]+)?|\d+|[^\s]/g;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    tokens.push({
      text: match[0],
      lower: match[0].toLowerCase(),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return tokens;
}

export const FILLERS = new Set(["um", "uh", "er", "erm", "ah", "uhm", "hmm", "mm"]);

/** Index of the first token that ends after `offset` (tokens are in text order): binary search. */
export function tokenIndexAfter(tokens: Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (tokens[middle]!.end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The lower-cased words just before `start`, nearest last (for context checks). Walks back from
 * a binary search, so each call costs O(log n + count), not a pass over the whole text.
 */
export function wordsBefore(tokens: Token[], start: number, count: number): string {
  const words: string[] = [];
  for (let index = tokenIndexAfter(tokens, start) - 1; index >= 0 && words.length < count; index--)
    if (/\w/.test(tokens[index]!.text)) words.push(tokens[index]!.lower);
  return words.reverse().join(" ");
}

// Scots "ma" for "my" before a part of the body or a health word ("i had ma lips done", "broke
// ma pelvis"): never the mother ("ma said", "me ma linda") nor "ma'am".
const MA_FOR_MY =
  /\bma(?=\s+(?:(?:left|right|wee|poor|bad|own)\s+)?(?:lips?|face|skin|nose|eyes?|eyelids?|ears?|cheeks?|chin|jaw|neck|chest|breasts?|boobs?|back|shoulders?|arms?|hands?|fingers?|legs?|knees?|hips?|feet|foot|ankles?|wrists?|belly|stomach|tummy|bum|scalp|hair|head|forehead|teeth|heart|lungs?|liver|kidneys?|bowels?|bladder|womb|pelvis|bones?|joints?|back|gastric|sugar|pressure|nerves|meds|medication|tablets|pills|jags?|inhaler|periods?|operation|op|surgery|bypass|cancer|diabetes|asthma|arthritis)\b)/gi;

/**
 * The text as detection reads it: dialect words that stand for a common word of the same length
 * replaced by it, so every offset stays the original's (only the original is ever redacted).
 */
export function asSaid(text: string): string {
  return /\bma\b/i.test(text)
    ? text.replace(MA_FOR_MY, (word) => (word[0] === "M" ? "My" : "my"))
    : text;
}
