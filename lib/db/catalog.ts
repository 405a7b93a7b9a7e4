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
