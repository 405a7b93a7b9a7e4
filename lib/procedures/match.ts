/**
 * Which of a clinic's procedures a caller's words refer to. Callers say names, synonyms and
 * misspellings ("facelfit", "nose job", "face lift"), inside longer sentences; transcription
 * joins or splits words. We compare each term, without spaces, to every run of one to three
 * words, allowing edits in proportion to length, so "face" never passes for "facelift".
 */

export interface ProcedureTerms {
  id: string;
  name: string;
  synonyms: string[];
}

export interface TermMatch {
  id: string;
  score: number;
  /** The caller's words that matched, to leave out of the question. */
  matchedWords: string[];
}

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

function allowedEdits(length: number): number {
  return length <= 4 ? 0 : length <= 7 ? 1 : 2;
}

export function matchProcedureTerms(
  phrase: string,
  procedures: ProcedureTerms[],
): TermMatch | null {
  const tokens = words(phrase);
  let best: TermMatch | null = null;
  for (const procedure of procedures) {
    for (const term of [procedure.name, ...procedure.synonyms]) {
      const compact = words(term).join("");
      if (!compact) continue;
      for (let size = 1; size <= 3; size++) {
        for (let start = 0; start + size <= tokens.length; start++) {
          const window = tokens.slice(start, start + size);
          const distance = editDistance(compact, window.join(""));
          if (distance > allowedEdits(compact.length)) continue;
          const score = 1 - distance / compact.length + compact.length / 1000; // longer terms win ties
          if (!best || score > best.score) best = { id: procedure.id, score, matchedWords: window };
        }
      }
    }
  }
  return best;
}

/** Which kind of question a caller is asking, to prefer that kind of approved answer. */
const TOPIC_CUES: Record<string, RegExp> = {
  price:
    /\b(cost|costs|price|prices|pricing|much|expensive|fee|fees|pay|afford|finance|financing)\b/,
  recovery:
    /\b(recover|recovery|heal|healing|downtime|off work|back to work|swelling|bruising|how long)\b/,
  candidacy: /\b(candidate|suitable|right for me|eligible|too old|too young|age)\b/,
  risks:
    /\b(risk|risks|safe|safety|complication|complications|side effects?|scar|scars|scarring)\b/,
  preparation: /\b(prepare|preparation|before surgery|beforehand|stop taking)\b/,
};

export function questionTopics(question: string): string[] {
  const text = question.toLowerCase();
  return Object.entries(TOPIC_CUES)
    .filter(([, cue]) => cue.test(text))
    .map(([topic]) => topic);
}
