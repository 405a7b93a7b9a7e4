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

/**
 * The clinic's first active procedure (in its order) with a consultation someone performs: what
 * a demo caller books. Null when the diary offers no consultation at all.
 */
export async function firstConsultationProcedure(
  tx: Tx,
  clinicId: string,
): Promise<Col<"procedures", "name"> | null> {
  const row = await tx.maybeOne<{ name: Col<"procedures", "name"> }>(
    `select p.name
       from public.procedures p
       join public.appointment_types t on t.procedure_id = p.id and t.kind = 'consultation' and t.active
      where p.clinic_id = $1 and p.active
        and exists (select 1 from public.appointment_type_practitioners tp
                      join public.practitioners pr on pr.id = tp.practitioner_id and pr.active
                     where tp.appointment_type_id = t.id)
      order by p.sort_order, p.name
      limit 1`,
    [clinicId],
  );
  return row?.name ?? null;
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
