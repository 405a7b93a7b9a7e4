/**
 * A clinic's redaction configuration as it is stored and loaded (lib/db/redaction.ts) and as
 * the redactor takes it (lib/redaction). The types are the `redaction_rules.category` check
 * (tests/integration/sql-lists.test.ts holds the two together). Client-safe.
 */
export const REDACTION_TYPES = [
  "NAME",
  "PHONE",
  "EMAIL",
  "DOB",
  "ADDRESS",
  "ID",
  "CARD",
  "MEDICAL",
  "CUSTOM",
] as const;
export type RedactionType = (typeof REDACTION_TYPES)[number];

export interface CustomRule {
  kind: "keyword" | "pattern";
  value: string;
  category: RedactionType;
  /** keyword rules: also remove the value said after the keyword ("password is hunter2"). */
  redactFollowing?: boolean;
}

/** Per-clinic configuration of the redactor. */
export interface RedactionConfig {
  rules?: CustomRule[];
  /** Words that are business data, never redacted: procedure names and synonyms, staff names, the clinic's name. */
  allow?: string[];
  /** The clinic's procedure names and synonyms: business when asked for, history when had. */
  procedures?: string[];
}

/**
 * Text that has been through the redactor. The logs table takes nothing else, so raw text cannot
 * reach it by accident: only the intercept (lib/redaction/intercept.ts) makes one.
 */
export type RedactedText = string & { readonly __redacted: true };
