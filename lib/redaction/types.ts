import type { RedactionType } from "@/types/redaction";

// The configuration's shapes are shared with the data layer; redaction code imports them from here.
export {
  REDACTION_TYPES,
  type CustomRule,
  type RedactionConfig,
  type RedactionType,
} from "@/types/redaction";

/** What was redacted: its type and where it was in the input. Never the matched text. */
export interface Finding {
  type: RedactionType;
  start: number;
  end: number;
  /**
   * Found by what the word is alone (a first name in lower case with no cue): a medicine heard
   * like it outranks it.
   */
  guessed?: boolean;
}

export interface RedactionResult {
  text: string;
  findings: Finding[];
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
