import { z } from "zod";

import { checkPattern, MAX_PATTERN_LENGTH } from "@/lib/redaction/rules";
import { REDACTION_TYPES } from "@/lib/redaction/types";

export const redactionRuleSchema = z
  .object({
    id: z.uuid().optional(),
    kind: z.enum(["keyword", "pattern"]),
    value: z.string().trim().min(1, "Enter a keyword or pattern").max(MAX_PATTERN_LENGTH),
    category: z.enum(REDACTION_TYPES),
    description: z.string().trim().max(500).default(""),
    enabled: z.coerce.boolean().default(true),
    /** keyword rules: remove the value said after the keyword too (a password, a code). */
    redactFollowing: z.coerce.boolean().default(false),
  })
  .superRefine((rule, ctx) => {
    if (rule.kind === "pattern") {
      const check = checkPattern(rule.value);
      if (!check.ok) ctx.addIssue({ code: "custom", path: ["value"], message: check.error });
    } else if (rule.value.length < 2) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: "Keywords need at least two characters",
      });
    }
  });
export type RedactionRuleInput = z.infer<typeof redactionRuleSchema>;

export const ruleToggleSchema = z.object({ id: z.uuid(), enabled: z.boolean() });
export const redactionTestSchema = z.object({
  text: z.string().max(5000, "Paste at most 5,000 characters"),
});
