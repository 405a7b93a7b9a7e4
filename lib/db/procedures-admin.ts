import "server-only";

import type { KnowledgeInput, KnowledgeTopic, ProcedureInput } from "@/types/procedures";

import { databaseFailure } from "./errors";
import type { Checked, Col, Outer } from "./rows";
import type { Tx } from "./transaction";

// Meant to run as the signed-in person: RLS lets members read and only the clinic's admins
// write, and the audit trigger records who changed what. A save that fails on a constraint
// aborts its transaction, so saves are the last statement of theirs.

export interface KnowledgeEntry {
  id: Col<"procedure_knowledge", "id">;
  topic: Checked<Col<"procedure_knowledge", "topic">, KnowledgeTopic>;
  question: Col<"procedure_knowledge", "question">;
  answer: Col<"procedure_knowledge", "answer">;
}

export interface AdminProcedure {
  id: Col<"procedures", "id">;
  name: Col<"procedures", "name">;
  synonyms: Col<"procedures", "synonyms">;
  durationMinutes: Col<"procedures", "duration_minutes">;
  description: Col<"procedures", "description">;
  active: Col<"procedures", "active">;
  aftercareDocumentId: Col<"procedures", "aftercare_document_id">;
  aftercareTitle: Outer<Col<"aftercare_documents", "title">>;
  /** json_agg of the procedure's answers, built in SQL. */
  knowledge: KnowledgeEntry[];
}

export type SaveOutcome = "saved" | "not_found" | "duplicate" | "forbidden" | "bad_reference";

/** Database failures a form can explain (./errors.ts); anything else is a bug and is rethrown. */
function outcomeOf(error: unknown): SaveOutcome {
  const failure = databaseFailure(error);
  if (failure === "duplicate") return "duplicate"; // unique lower(name) per clinic
  if (failure === "forbidden") return "forbidden"; // RLS: not an admin of the clinic
  if (failure === "bad_reference") return "bad_reference"; // aftercare document or procedure not in this clinic
  throw error;
}

export function listAdminProcedures(tx: Tx, clinicId: string): Promise<AdminProcedure[]> {
  return tx.query<AdminProcedure>(
    `select p.id, p.name, p.synonyms, p.duration_minutes as "durationMinutes", p.description, p.active,
            p.aftercare_document_id as "aftercareDocumentId", d.title as "aftercareTitle",
            coalesce((select json_agg(json_build_object('id', k.id, 'topic', k.topic, 'question', k.question, 'answer', k.answer)
                                      order by k.created_at, k.id)
                        from public.procedure_knowledge k where k.procedure_id = p.id), '[]') as knowledge
       from public.procedures p
       left join public.aftercare_documents d on d.id = p.aftercare_document_id
      where p.clinic_id = $1
      order by p.sort_order, p.name`,
    [clinicId],
  );
}

/** Creates (at the end of the list) or updates a procedure. */
export async function saveProcedure(
  tx: Tx,
  clinicId: string,
  input: ProcedureInput,
): Promise<SaveOutcome> {
  const values = [
    clinicId,
    input.name,
    input.synonyms,
    input.durationMinutes,
    input.description,
    input.active,
    input.aftercareDocumentId,
  ];
  try {
    const rows = input.id
      ? await tx.query(
          `update public.procedures set name = $2, synonyms = $3, duration_minutes = $4, description = $5, active = $6,
                  aftercare_document_id = $7
            where id = $8 and clinic_id = $1 returning id`,
          [...values, input.id],
        )
      : await tx.query(
          `insert into public.procedures (clinic_id, name, synonyms, duration_minutes, description, active, aftercare_document_id, sort_order)
           values ($1, $2, $3, $4, $5, $6, $7,
                   (select coalesce(max(sort_order), 0) + 1 from public.procedures where clinic_id = $1))
           returning id`,
          values,
        );
    return rows.length ? "saved" : "not_found";
  } catch (error) {
    return outcomeOf(error);
  }
}

export async function setProcedureActive(
  tx: Tx,
  clinicId: string,
  id: string,
  active: boolean,
): Promise<boolean> {
  const rows = await tx.query(
    "update public.procedures set active = $3 where id = $1 and clinic_id = $2 returning id",
    [id, clinicId, active],
  );
  return rows.length > 0;
}

/**
 * Swaps a procedure with its neighbour. The clinic's rows are locked and renumbered 1..n, so
 * ties or gaps left by older data heal, and two admins moving at once cannot interleave.
 * Returns false if the procedure is not there (or the person may not change it).
 */
export async function moveProcedure(
  tx: Tx,
  clinicId: string,
  id: string,
  direction: "up" | "down",
): Promise<boolean> {
  const rows = await tx.query<{ id: Col<"procedures", "id"> }>(
    "select id from public.procedures where clinic_id = $1 order by sort_order, name, id for update",
    [clinicId],
  );
  const ids = rows.map((row) => row.id);
  const from = ids.indexOf(id);
  if (from === -1) return false;
  const to = direction === "up" ? from - 1 : from + 1;
  if (to < 0 || to >= ids.length) return true; // already first or last
  [ids[from], ids[to]] = [ids[to]!, ids[from]!];
  await tx.query(
    `update public.procedures p set sort_order = v.position
       from unnest($2::uuid[]) with ordinality as v (id, position)
      where p.id = v.id and p.clinic_id = $1 and p.sort_order is distinct from v.position`,
    [clinicId, ids],
  );
  return true;
}

/** Adds or edits an approved answer; the procedure must belong to the same clinic. */
export async function saveKnowledge(
  tx: Tx,
  clinicId: string,
  input: KnowledgeInput,
): Promise<SaveOutcome> {
  try {
    const rows = input.id
      ? await tx.query(
          `update public.procedure_knowledge set topic = $3, question = $4, answer = $5
            where id = $1 and clinic_id = $2 and procedure_id = $6 returning id`,
          [input.id, clinicId, input.topic, input.question, input.answer, input.procedureId],
        )
      : await tx.query(
          `insert into public.procedure_knowledge (clinic_id, procedure_id, topic, question, answer)
           values ($1, $2, $3, $4, $5) returning id`,
          [clinicId, input.procedureId, input.topic, input.question, input.answer],
        );
    return rows.length ? "saved" : "not_found";
  } catch (error) {
    const outcome = outcomeOf(error);
    return outcome === "bad_reference" ? "not_found" : outcome;
  }
}

export async function deleteKnowledge(tx: Tx, clinicId: string, id: string): Promise<boolean> {
  const rows = await tx.query(
    "delete from public.procedure_knowledge where id = $1 and clinic_id = $2 returning id",
    [id, clinicId],
  );
  return rows.length > 0;
}
