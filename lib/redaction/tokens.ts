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

/** The lower-cased words just before `start`, nearest last (for context checks). */
export function wordsBefore(tokens: Token[], start: number, count: number): string {
  const before = tokens.filter((token) => token.end <= start && /\w/.test(token.text));
  return before
    .slice(-count)
    .map((token) => token.lower)
    .join(" ");
}
