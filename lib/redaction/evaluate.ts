import type { Redactor } from "./redact";
import { REDACTION_TYPES, type Finding, type RedactionType } from "./types";

export interface LabelledTurn {
  id: string;
  speaker?: string;
  text: string;
  entities: { type: RedactionType; value: string }[];
}

export interface Evaluation {
  turns: number;
  perType: Record<RedactionType, { total: number; caught: number; recall: number }>;
  wordsKept: { total: number; kept: number; share: number };
  leaks: { id: string; type: RedactionType; value: string }[];
  overRedacted: { id: string; word: string }[];
}

/** Every occurrence of `value` in `text`. */
function occurrences(text: string, value: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1))
    spans.push([at, at + value.length]);
  return spans;
}

// Words a labelled span may hold that say nothing by themselves: where one of these alone is
// left ("she has [anxiety]", "I'm on [blood thinners]", "[had filler] in turkey"), the span's
// words that matter were removed. Counted apart from the strict figure, never instead of it.
const GRAMMAR = new Set(
  (
    "a an the some any my me her his their our your its i i'm i've she she's he he's they we you it " +
    "is are was were be been being am has have had having got get gets getting do does did done " +
    "on in at of for to from with by as about into onto off out up over under since ago " +
    "and or but so just still really very quite bit little like um uh er erm " +
    "last this next year years month months week weeks day days time times before after now then"
  ).split(" "),
);

/** Every word of [start, end) that is not grammar lies inside some finding. */
const wordsCovered = (text: string, findings: Finding[], start: number, end: number) => {
  for (const match of text.slice(start, end).matchAll(/[\p{L}\p{N}'’]+/gu)) {
    if (GRAMMAR.has(match[0].toLowerCase().replace(/’/g, "'"))) continue;
    const from = start + match.index;
    if (!covered(text, findings, from, from + match[0].length)) return false;
  }
  return true;
};

/**
 * Every non-space character of [start, end) lies inside some finding: a value removed by two
 * findings side by side ("[NAME] [ADDRESS]") leaks nothing but the space between them.
 */
const covered = (text: string, findings: Finding[], start: number, end: number) => {
  for (let index = start; index < end; index++)
    if (!/\s/.test(text[index]!) && !findings.some((f) => f.start <= index && index < f.end))
      return false;
  return true;
};

/**
 * Scores the redactor on a labelled set: recall per type (a labelled value counts as caught
 * only if it is redacted in full, by any placeholder) and the share of non-sensitive words kept.
 */
export function evaluateRedaction(redactor: Redactor, turns: LabelledTurn[]): Evaluation {
  const perType = Object.fromEntries(
    REDACTION_TYPES.map((type) => [type, { total: 0, caught: 0, recall: 1 }]),
  ) as Evaluation["perType"];
  const leaks: Evaluation["leaks"] = [];
  const overRedacted: Evaluation["overRedacted"] = [];
  let words = 0;
  let kept = 0;
  for (const turn of turns) {
    const { findings } = redactor.redact(turn.text);
    const labelled: [number, number][] = [];
    for (const entity of turn.entities) {
      const spans = occurrences(turn.text, entity.value);
      labelled.push(...spans);
      const stats = perType[entity.type];
      stats.total++;
      const textSpans = spans.map(([start, end]) => {
        // Ignore surrounding whitespace and punctuation inside the label.
        const inner = turn.text.slice(start, end);
        const lead = inner.length - inner.trimStart().length;
        return [start + lead, start + inner.trimEnd().length] as const;
      });
      if (
        textSpans.length &&
        textSpans.every(([start, end]) => covered(turn.text, findings, start, end))
      )
        stats.caught++;
      else leaks.push({ id: turn.id, type: entity.type, value: entity.value });
    }
    for (const match of turn.text.matchAll(/[A-Za-z0-9']+/g)) {
      const start = match.index;
      const end = start + match[0].length;
      if (labelled.some(([a, b]) => start < b && end > a)) continue;
      words++;
      if (findings.some((finding) => start < finding.end && end > finding.start))
        overRedacted.push({ id: turn.id, word: match[0] });
      else kept++;
    }
  }
  for (const stats of Object.values(perType))
    stats.recall = stats.total ? stats.caught / stats.total : 1;
  return {
    turns: turns.length,
    perType,
    wordsKept: { total: words, kept, share: words ? kept / words : 1 },
    leaks,
    overRedacted,
  };
}

/** The targets the product promises. */
export const REDACTION_TARGETS = {
  structured: ["PHONE", "EMAIL", "DOB", "ID", "CARD"] as RedactionType[],
  names: 0.98,
  medical: 0.98,
  wordsKept: 0.95,
};

export function meetsTargets(evaluation: Evaluation): { ok: boolean; failures: string[] } {
  const failures: string[] = [];
  for (const type of REDACTION_TARGETS.structured) {
    if (evaluation.perType[type].caught < evaluation.perType[type].total)
      failures.push(
        `${type}: ${evaluation.perType[type].total - evaluation.perType[type].caught} leaked`,
      );
  }
  if (evaluation.perType.NAME.recall < REDACTION_TARGETS.names)
    failures.push(
      `NAME recall ${evaluation.perType.NAME.recall.toFixed(3)} < ${REDACTION_TARGETS.names}`,
    );
  if (evaluation.perType.MEDICAL.recall < REDACTION_TARGETS.medical)
    failures.push(
      `MEDICAL recall ${evaluation.perType.MEDICAL.recall.toFixed(3)} < ${REDACTION_TARGETS.medical}`,
    );
  if (evaluation.wordsKept.share < REDACTION_TARGETS.wordsKept)
    failures.push(
      `words kept ${evaluation.wordsKept.share.toFixed(3)} < ${REDACTION_TARGETS.wordsKept}`,
    );
  return { ok: failures.length === 0, failures };
}

/** One turn of the whole-call set (eval/redaction/calls/calls.jsonl). */
export interface LabelledCallTurn {
  call: string;
  turn: number;
  role: "assistant" | "caller";
  style: "raw" | "smart";
  locale: "UK" | "US";
  clinic: string;
  text: string;
  entities: { type: RedactionType; value: string; class?: string }[];
  business: string[];
}

export interface RecallStats {
  total: number;
  caught: number;
  recall: number;
}

export interface CallEvaluation {
  calls: number;
  turns: number;
  perType: Record<string, RecallStats>;
  perClass: Record<string, RecallStats>;
  perStyle: Record<string, RecallStats>;
  business: { total: number; kept: number; share: number };
  /**
   * Labelled spans whose words that matter were all removed, leaving at most grammar ("she
   * has", "on", "last year"): the strict recall counts those as leaks.
   */
  words: RecallStats;
  leaks: { call: string; turn: number; type: string; class: string; value: string }[];
  lostBusiness: { call: string; turn: number; word: string }[];
}

const count = (stats: Record<string, RecallStats>, key: string, caught: boolean) => {
  const entry = (stats[key] ??= { total: 0, caught: 0, recall: 1 });
  entry.total++;
  if (caught) entry.caught++;
};

/**
 * Scores whole calls through `redactCall` (the production path: the conversation with its
 * context): recall per type, per class of the set and per transcript style (a labelled value
 * counts as caught only if every occurrence is redacted in full), and the share of business
 * words (staff, procedures, brands, times, prices) kept whole.
 */
export function evaluateCalls(
  redactCall: (
    clinic: string,
    turns: { role: "assistant" | "caller"; text: string }[],
  ) => {
    findings: Finding[];
  }[],
  turns: LabelledCallTurn[],
): CallEvaluation {
  const calls = new Map<string, LabelledCallTurn[]>();
  for (const turn of turns) calls.set(turn.call, [...(calls.get(turn.call) ?? []), turn]);
  const result: CallEvaluation = {
    calls: calls.size,
    turns: turns.length,
    perType: {},
    perClass: {},
    perStyle: {},
    business: { total: 0, kept: 0, share: 1 },
    words: { total: 0, caught: 0, recall: 1 },
    leaks: [],
    lostBusiness: [],
  };
  for (const call of calls.values()) {
    const ordered = [...call].sort((a, b) => a.turn - b.turn);
    const redacted = redactCall(ordered[0]!.clinic, ordered);
    for (const [index, turn] of ordered.entries()) {
      const { findings } = redacted[index]!;
      for (const entity of turn.entities) {
        const spans = occurrences(turn.text, entity.value).map(([start, end]) => {
          const inner = turn.text.slice(start, end);
          const lead = inner.length - inner.trimStart().length;
          return [start + lead, start + inner.trimEnd().length] as const;
        });
        const caught =
          spans.length > 0 &&
          spans.every(([start, end]) => covered(turn.text, findings, start, end));
        count(result.perType, entity.type, caught);
        count(result.perClass, entity.class ?? "other", caught);
        count(result.perStyle, turn.role === "assistant" ? "assistant" : turn.style, caught);
        result.words.total++;
        if (
          spans.length > 0 &&
          spans.every(([start, end]) => wordsCovered(turn.text, findings, start, end))
        )
          result.words.caught++;
        if (!caught)
          result.leaks.push({
            call: turn.call,
            turn: turn.turn,
            type: entity.type,
            class: entity.class ?? "other",
            value: entity.value,
          });
      }
      for (const word of turn.business) {
        result.business.total++;
        const hit = occurrences(turn.text, word).some(([start, end]) =>
          findings.some((finding) => start < finding.end && end > finding.start),
        );
        if (hit) result.lostBusiness.push({ call: turn.call, turn: turn.turn, word });
        else result.business.kept++;
      }
    }
  }
  for (const stats of [result.perType, result.perClass, result.perStyle])
    for (const entry of Object.values(stats))
      entry.recall = entry.total ? entry.caught / entry.total : 1;
  result.business.share = result.business.total ? result.business.kept / result.business.total : 1;
  result.words.recall = result.words.total ? result.words.caught / result.words.total : 1;
  return result;
}

/** Issue 17's targets for whole calls: sensitive spans recall and business words kept. */
export const CALL_TARGETS = { recall: 0.995, businessKept: 0.97 };

/** Overall recall of a call evaluation (every labelled span counts once). */
export function overallRecall(evaluation: CallEvaluation): RecallStats {
  const total = Object.values(evaluation.perType).reduce((sum, entry) => sum + entry.total, 0);
  const caught = Object.values(evaluation.perType).reduce((sum, entry) => sum + entry.caught, 0);
  return { total, caught, recall: total ? caught / total : 1 };
}
