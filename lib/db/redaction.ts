import "server-only";

import type { CustomRule, RedactionConfig, RedactionType } from "@/types/redaction";

import type { Checked, Col } from "./rows";
import type { Tx } from "./transaction";

/**
 * A clinic's redaction configuration: its enabled rules, plus the business words that must
 * never be redacted (procedure names and synonyms, practitioners, the clinic, the assistant).
 */
export async function loadRedactionConfig(tx: Tx, clinicId: string): Promise<RedactionConfig> {
  const rules = await tx.query<{
    kind: Checked<Col<"redaction_rules", "kind">, CustomRule["kind"]>;
    value: Col<"redaction_rules", "value">;
    category: Checked<Col<"redaction_rules", "category">, RedactionType>;
    redactFollowing: Col<"redaction_rules", "redact_following">;
  }>(
    `select kind, value, category, redact_following as "redactFollowing"
       from public.redaction_rules where clinic_id = $1 and enabled`,
    [clinicId],
  );
  // Business words: procedures and synonyms, practitioners, staff (as the dashboard names
  // them), appointment types, rooms, the clinic and the assistant.
  const allow = await tx.query<{ term: Col<"procedures", "name"> | Col<"practitioners", "name"> }>(
    `select unnest(array_append(synonyms, name)) as term from public.procedures where clinic_id = $1
     union select name from public.practitioners where clinic_id = $1
     union select name from public.clinics where id = $1
     union select display_name from public.clinic_members where clinic_id = $1 and display_name <> ''
     union select name from public.appointment_types where clinic_id = $1
     union select name from public.resources where clinic_id = $1
     union select 'Voxanne'`,
    [clinicId],
  );
  const procedures = await tx.query<{ term: Col<"procedures", "name"> }>(
    "select unnest(array_append(synonyms, name)) as term from public.procedures where clinic_id = $1",
    [clinicId],
  );
  return {
    rules,
    allow: allow.map((row) => row.term.replace(/^(dr|doctor|nurse)\.?\s+/i, "")),
    procedures: procedures.map((row) => row.term),
  };
}
