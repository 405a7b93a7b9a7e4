import "server-only";

import { databaseFailure } from "./errors";
import type { Checked, Col } from "./rows";
import type { Tx } from "./transaction";

export interface AftercareDocumentRow {
  id: Col<"aftercare_documents", "id">;
  title: Col<"aftercare_documents", "title">;
  fileName: Col<"aftercare_documents", "file_name">;
  sizeBytes: Col<"aftercare_documents", "size_bytes">;
  updatedAt: Col<"aftercare_documents", "updated_at">;
  /** array_agg of the procedures' names. */
  procedures: Col<"procedures", "name">[];
}

export function listAftercareDocuments(tx: Tx, clinicId: string): Promise<AftercareDocumentRow[]> {
  return tx.query<AftercareDocumentRow>(
    `select d.id, d.title, d.file_name as "fileName", d.size_bytes as "sizeBytes", d.updated_at as "updatedAt",
            coalesce(array_agg(p.name order by p.sort_order) filter (where p.id is not null), '{}') as procedures
       from public.aftercare_documents d
       left join public.procedures p on p.aftercare_document_id = d.id
      where d.clinic_id = $1
      group by d.id
      order by d.title`,
    [clinicId],
  );
}

export interface RedactionRuleRow {
  id: Col<"redaction_rules", "id">;
  kind: Checked<Col<"redaction_rules", "kind">, "keyword" | "pattern">;
  value: Col<"redaction_rules", "value">;
  category: Col<"redaction_rules", "category">;
  description: Col<"redaction_rules", "description">;
  enabled: Col<"redaction_rules", "enabled">;
  redactFollowing: Col<"redaction_rules", "redact_following">;
}

export function listRedactionRules(tx: Tx, clinicId: string): Promise<RedactionRuleRow[]> {
  return tx.query<RedactionRuleRow>(
    `select id, kind, value, category, description, enabled, redact_following as "redactFollowing"
       from public.redaction_rules where clinic_id = $1
      order by category, lower(value)`,
    [clinicId],
  );
}

/**
 * Creates or updates a rule (RLS: admins of the clinic only; audited by trigger). A duplicate
 * aborts the transaction, so this is its last statement.
 */
export async function saveRedactionRule(
  tx: Tx,
  clinicId: string,
  rule: {
    id?: string;
    kind: string;
    value: string;
    category: string;
    description: string;
    enabled: boolean;
    redactFollowing: boolean;
  },
): Promise<"saved" | "not_found" | "duplicate"> {
  // Only a keyword has a value after it (a constraint says so too).
  const following = rule.kind === "keyword" && rule.redactFollowing;
  try {
    const rows = rule.id
      ? await tx.query(
          `update public.redaction_rules set kind = $3, value = $4, category = $5, description = $6, enabled = $7,
                  redact_following = $8
            where id = $1 and clinic_id = $2 returning id`,
          [
            rule.id,
            clinicId,
            rule.kind,
            rule.value,
            rule.category,
            rule.description,
            rule.enabled,
            following,
          ],
        )
      : await tx.query(
          `insert into public.redaction_rules (clinic_id, kind, value, category, description, enabled, redact_following, created_by)
           values ($1, $2, $3, $4, $5, $6, $7, (select auth.uid())) returning id`,
          [
            clinicId,
            rule.kind,
            rule.value,
            rule.category,
            rule.description,
            rule.enabled,
            following,
          ],
        );
    return rows.length ? "saved" : "not_found";
  } catch (error) {
    if (databaseFailure(error) === "duplicate") return "duplicate";
    throw error;
  }
}

export async function setRedactionRuleEnabled(
  tx: Tx,
  clinicId: string,
  id: string,
  enabled: boolean,
): Promise<boolean> {
  const rows = await tx.query(
    "update public.redaction_rules set enabled = $3 where id = $1 and clinic_id = $2 returning id",
    [id, clinicId, enabled],
  );
  return rows.length > 0;
}
