import "server-only";

import {
  listActiveProcedures,
  rankKnowledge,
  type ActiveProcedure,
  type KnowledgeAnswer,
} from "@/lib/db/procedures";
import type { Tx } from "@/lib/db/transaction";

import { matchProcedureTerms, questionTopics, words } from "./match";

export type ProcedureMatch = Omit<ActiveProcedure, "synonyms"> & {
  /** The caller's words that named the procedure. */
  matchedWords: string[];
};

/** The clinic's active procedure a caller's words refer to, by name, synonym or misspelling. */
export async function matchProcedure(
  tx: Tx,
  clinicId: string,
  phrase: string,
): Promise<ProcedureMatch | null> {
  const procedures = await listActiveProcedures(tx, clinicId);
  const match = matchProcedureTerms(phrase, procedures);
  const procedure = match && procedures.find((candidate) => candidate.id === match.id);
  if (!match || !procedure) return null;
  const { synonyms: _synonyms, ...rest } = procedure;
  return { ...rest, matchedWords: match.matchedWords };
}

/** The ids of the clinic's procedures that any of `phrases` names (each phrase counts for its best match). */
export async function proceduresNamed(
  tx: Tx,
  clinicId: string,
  phrases: string[],
): Promise<string[]> {
  const procedures = await listActiveProcedures(tx, clinicId);
  const named = new Set<string>();
  for (const phrase of phrases) {
    const match = matchProcedureTerms(phrase, procedures);
    if (match) named.add(match.id);
  }
  return [...named];
}

/**
 * Approved answers for a procedure, most relevant first: full-text rank (any word counts),
 * question similarity, and a boost for the kind of question asked (price, recovery, ...).
 * The words that named the procedure are left out, since every entry is about it.
 */
export function searchKnowledge(
  tx: Tx,
  procedureId: string,
  question: string,
  ignoreWords: string[] = [],
  limit = 3,
): Promise<KnowledgeAnswer[]> {
  const ignored = new Set(ignoreWords);
  const terms = words(question).filter((word) => !ignored.has(word));
  return rankKnowledge(tx, procedureId, {
    anyWords: terms,
    phrase: terms.join(" "),
    topics: questionTopics(question),
    limit,
  });
}
