/**
 * A procedure and its approved answers as the admin forms save them: what lib/validations
 * parses a form into and lib/db/procedures-admin.ts writes.
 */

/** Kinds of approved answer; lookup_procedure boosts the kind a caller's question is about. */
export const KNOWLEDGE_TOPICS = [
  "general",
  "recovery",
  "candidacy",
  "price",
  "risks",
  "preparation",
] as const;
export type KnowledgeTopic = (typeof KNOWLEDGE_TOPICS)[number];

/** A procedure to create (no id) or update. */
export interface ProcedureInput {
  id?: string;
  name: string;
  /** Distinct ignoring case, at most 50. */
  synonyms: string[];
  durationMinutes: number;
  description: string;
  active: boolean;
  aftercareDocumentId: string | null;
}

/** An approved answer to create (no id) or update. */
export interface KnowledgeInput {
  id?: string;
  procedureId: string;
  topic: KnowledgeTopic;
  question: string;
  answer: string;
}
