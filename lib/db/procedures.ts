import "server-only";

import { matchProcedureTerms, questionTopics, words } from "@/lib/call-flow/procedure-match";
import type { Tx } from "./transaction";

export interface ProcedureMatch {
  id: string;
  name: string;
  description: string;
  durationMinutes: number;
  aftercareAvailable: boolean;
  /** The caller's words that named the procedure. */
  matchedWords: string[];
}

/** The clinic's active procedure a caller's words refer to, by name, synonym or misspelling. */
export async function matchProcedure(tx: Tx, clinicId: string, phrase: string): Promise<ProcedureMatch | null> {
  const procedures = await tx.query<Omit<ProcedureMatch, "matchedWords"> & { synonyms: string[] }>(
    `select id, name, synonyms, description, duration_minutes as "durationMinutes",
            aftercare_document_id is not null as "aftercareAvailable"
       from public.procedures where clinic_id = $1 and active`,
    [clinicId],
  );
  const match = matchProcedureTerms(phrase, procedures);
  const procedure = match && procedures.find((candidate) => candidate.id === match.id);
  if (!match || !procedure) return null;
  const { synonyms: _synonyms, ...rest } = procedure;
  return { ...rest, matchedWords: match.matchedWords };
}

export interface KnowledgeAnswer {
  topic: string;
  question: string;
  answer: string;
  relevance: number;
}

/**
 * Approved answers for a procedure, most relevant first: full-text rank (any word counts),
 * question similarity, and a boost for the kind of question asked (price, recovery, ...).
 * The words that named the procedure are left out, since every entry is about it.
 */
export function searchKnowledge(tx: Tx, procedureId: string, question: string, ignoreWords: string[] = [], limit = 3): Promise<KnowledgeAnswer[]> {
  const ignored = new Set(ignoreWords);
  const terms = words(question).filter((word) => !ignored.has(word));
  return tx.query<KnowledgeAnswer>(
    `select k.topic, k.question, k.answer,
            ts_rank(k.search, websearch_to_tsquery('english', $2)) + extensions.similarity(k.question, $3)
              + case when k.topic = any ($4::text[]) then 1 else 0 end as relevance
       from public.procedure_knowledge k
      where k.procedure_id = $1
      order by relevance desc, k.topic
      limit $5`,
    [procedureId, terms.join(" or "), terms.join(" "), questionTopics(question), limit],
  );
}

/** The clinic's active procedures with their names and synonyms, for matching a whole transcript. */
export function listProcedureTerms(tx: Tx, clinicId: string): Promise<{ id: string; name: string; synonyms: string[] }[]> {
  return tx.query("select id, name, synonyms from public.procedures where clinic_id = $1 and active", [clinicId]);
}
