import "server-only";

import type { Claims } from "@/lib/auth/claims";
import { withClaims } from "./transaction";

export interface ProcedureRow {
  id: string;
  name: string;
  synonyms: string[];
  durationMinutes: number;
  description: string;
  active: boolean;
  aftercareTitle: string | null;
  knowledgeCount: number;
}

export function listProcedures(claims: Claims, clinicId: string): Promise<ProcedureRow[]> {
  return withClaims(claims, (tx) =>
    tx.query<ProcedureRow>(
      `select p.id, p.name, p.synonyms, p.duration_minutes as "durationMinutes", p.description, p.active,
              d.title as "aftercareTitle",
              (select count(*)::int from public.procedure_knowledge k where k.procedure_id = p.id) as "knowledgeCount"
         from public.procedures p
         left join public.aftercare_documents d on d.id = p.aftercare_document_id
        where p.clinic_id = $1
        order by p.sort_order, p.name`,
      [clinicId],
    ),
  );
}

export interface AftercareDocumentRow {
  id: string;
  title: string;
  fileName: string;
  sizeBytes: number;
  updatedAt: Date;
  procedures: string[];
}

export function listAftercareDocuments(claims: Claims, clinicId: string): Promise<AftercareDocumentRow[]> {
  return withClaims(claims, (tx) =>
    tx.query<AftercareDocumentRow>(
      `select d.id, d.title, d.file_name as "fileName", d.size_bytes as "sizeBytes", d.updated_at as "updatedAt",
              coalesce(array_agg(p.name order by p.sort_order) filter (where p.id is not null), '{}') as procedures
         from public.aftercare_documents d
         left join public.procedures p on p.aftercare_document_id = d.id
        where d.clinic_id = $1
        group by d.id
        order by d.title`,
      [clinicId],
    ),
  );
}

export interface RedactionRuleRow {
  id: string;
  kind: "keyword" | "pattern";
  value: string;
  category: string;
  description: string;
  enabled: boolean;
}

export function listRedactionRules(claims: Claims, clinicId: string): Promise<RedactionRuleRow[]> {
  return withClaims(claims, (tx) =>
    tx.query<RedactionRuleRow>(
      `select id, kind, value, category, description, enabled
         from public.redaction_rules where clinic_id = $1
        order by category, lower(value)`,
      [clinicId],
    ),
  );
}

/** Creates or updates a rule as the signed-in admin (RLS: admins of the clinic only; audited by trigger). */
export function saveRedactionRule(
  claims: Claims,
  clinicId: string,
  rule: { id?: string; kind: string; value: string; category: string; description: string; enabled: boolean },
): Promise<"saved" | "not_found" | "duplicate"> {
  return withClaims(claims, async (tx) => {
    try {
      const rows = rule.id
        ? await tx.query(
            `update public.redaction_rules set kind = $3, value = $4, category = $5, description = $6, enabled = $7
              where id = $1 and clinic_id = $2 returning id`,
            [rule.id, clinicId, rule.kind, rule.value, rule.category, rule.description, rule.enabled],
          )
        : await tx.query(
            `insert into public.redaction_rules (clinic_id, kind, value, category, description, enabled, created_by)
             values ($1, $2, $3, $4, $5, $6, (select auth.uid())) returning id`,
            [clinicId, rule.kind, rule.value, rule.category, rule.description, rule.enabled],
          );
      return rows.length ? "saved" : "not_found";
    } catch (error) {
      if ((error as { code?: string }).code === "23505") return "duplicate";
      throw error;
    }
  });
}

export function setRedactionRuleEnabled(claims: Claims, clinicId: string, id: string, enabled: boolean): Promise<boolean> {
  return withClaims(claims, async (tx) => {
    const rows = await tx.query("update public.redaction_rules set enabled = $3 where id = $1 and clinic_id = $2 returning id", [id, clinicId, enabled]);
    return rows.length > 0;
  });
}
