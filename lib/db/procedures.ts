import "server-only";

import type { Col } from "./rows";
import type { Tx } from "./transaction";

export interface ActiveProcedure {
  id: Col<"procedures", "id">;
  name: Col<"procedures", "name">;
  synonyms: Col<"procedures", "synonyms">;
  description: Col<"procedures", "description">;
  durationMinutes: Col<"procedures", "duration_minutes">;
  /** aftercare_document_id is not null. */
  aftercareAvailable: boolean;
}

/** The clinic's active procedures, with the names and synonyms callers may use for them. */
export function listActiveProcedures(tx: Tx, clinicId: string): Promise<ActiveProcedure[]> {
  return tx.query<ActiveProcedure>(
    `select id, name, synonyms, description, duration_minutes as "durationMinutes",
            aftercare_document_id is not null as "aftercareAvailable"
       from public.procedures where clinic_id = $1 and active`,
    [clinicId],
  );
}

export interface KnowledgeAnswer {
  topic: Col<"procedure_knowledge", "topic">;
  question: Col<"procedure_knowledge", "question">;
  answer: Col<"procedure_knowledge", "answer">;
  /** Full-text rank plus similarity plus topic boost, computed in SQL. */
  relevance: number;
}

/**
 * A procedure's approved answers ranked for a question: full-text rank of `anyWords` (any of
 * them counts), similarity of the question to `phrase`, and a boost for entries on `topics`.
 */
export function rankKnowledge(
  tx: Tx,
  procedureId: string,
  query: { anyWords: string[]; phrase: string; topics: string[]; limit: number },
): Promise<KnowledgeAnswer[]> {
  return tx.query<KnowledgeAnswer>(
    `select k.topic, k.question, k.answer,
            ts_rank(k.search, websearch_to_tsquery('english', $2)) + extensions.similarity(k.question, $3)
              + case when k.topic = any ($4::text[]) then 1 else 0 end as relevance
       from public.procedure_knowledge k
      where k.procedure_id = $1
      order by relevance desc, k.topic
      limit $5`,
    [procedureId, query.anyWords.join(" or "), query.phrase, query.topics, query.limit],
  );
}
