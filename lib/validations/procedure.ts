import { z } from "zod";

import { KNOWLEDGE_TOPICS, type KnowledgeInput, type ProcedureInput } from "@/types/procedures";

// Admins type synonyms as one comma-separated line; the database keeps a text[] (at most 50).
const synonymsSchema = z
  .string()
  .max(4000)
  .default("")
  .transform((line) => {
    // Matching ignores case, so "Botox" and "botox" are one synonym; keep the first spelling.
    const byKey = new Map<string, string>();
    for (const raw of line.split(",")) {
      const term = raw.trim().replace(/\s+/g, " ");
      if (term && !byKey.has(term.toLowerCase())) byKey.set(term.toLowerCase(), term);
    }
    return [...byKey.values()];
  })
  .pipe(
    z
      .array(z.string().max(120, "Keep each synonym under 120 characters"))
      .max(50, "Up to 50 synonyms"),
  );

export const procedureSchema = z.object({
  id: z.uuid().optional(),
  name: z
    .string()
    .trim()
    .min(1, "Enter the procedure's name")
    .max(120, "Keep the name under 120 characters"),
  synonyms: synonymsSchema,
  durationMinutes: z.coerce
    .number({ message: "Enter the duration in minutes" })
    .int("Use whole minutes")
    .min(5, "At least 5 minutes")
    .max(1440, "At most 1,440 minutes (a day)"),
  description: z
    .string()
    .trim()
    .max(4000, "Keep the description under 4,000 characters")
    .default(""),
  active: z.boolean().default(true),
  // The form's "None" option is an empty string.
  aftercareDocumentId: z
    .union([z.uuid(), z.literal("").transform(() => null), z.null()])
    .default(null),
}) satisfies z.ZodType<ProcedureInput>;

export const procedureActiveSchema = z.object({ id: z.uuid(), active: z.boolean() });
export const procedureMoveSchema = z.object({ id: z.uuid(), direction: z.enum(["up", "down"]) });

export const knowledgeSchema = z.object({
  id: z.uuid().optional(),
  procedureId: z.uuid(),
  topic: z.enum(KNOWLEDGE_TOPICS, { message: "Choose a topic" }),
  question: z
    .string()
    .trim()
    .min(1, "Enter the question as a caller might ask it")
    .max(500, "Keep the question under 500 characters"),
  answer: z
    .string()
    .trim()
    .min(1, "Enter the approved answer")
    .max(4000, "Keep the answer under 4,000 characters"),
}) satisfies z.ZodType<KnowledgeInput>;

export const knowledgeDeleteSchema = z.object({ id: z.uuid() });
