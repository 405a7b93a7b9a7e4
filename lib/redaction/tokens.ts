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
