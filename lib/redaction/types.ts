export const REDACTION_TYPES = ["NAME", "PHONE", "EMAIL", "DOB", "ADDRESS", "ID", "CARD", "MEDICAL", "CUSTOM"] as const;
export type RedactionType = (typeof REDACTION_TYPES)[number];

/** What was redacted: its type and where it was in the input. Never the matched text. */
export interface Finding {
  type: RedactionType;
  start: number;
  end: number;
}

export interface RedactionResult {
  text: string;
  findings: Finding[];
}

export interface CustomRule {
  kind: "keyword" | "pattern";
  value: string;
  category: RedactionType;
}

/** Per-clinic configuration of the redactor. */
export interface RedactionConfig {
  rules?: CustomRule[];
  /** Words that are business data, never redacted: procedure names and synonyms, staff names, the clinic's name. */
  allow?: string[];
}

/** Placeholder priority when findings overlap: the most specific identifier wins. */
export const TYPE_PRIORITY: Record<RedactionType, number> = {
  CARD: 9,
  ID: 8,
  PHONE: 7,
  EMAIL: 6,
  DOB: 5,
  ADDRESS: 4,
  NAME: 3,
  MEDICAL: 2,
  CUSTOM: 1,
};
