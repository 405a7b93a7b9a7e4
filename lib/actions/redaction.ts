"use server";

import { revalidatePath } from "next/cache";

import * as redaction from "@/lib/redaction/service";
import {
  redactionRuleSchema,
  redactionTestSchema,
  ruleToggleSchema,
} from "@/lib/validations/redaction-rule";

import { clinicAction } from "./safe-action";

const adminAction = clinicAction({
  role: "admin",
  refused: "Only clinic admins can change redaction rules.",
});

// Add or edit a rule. Patterns are checked for RE2 validity before they can be saved.
export const saveRule = adminAction(
  { schema: redactionRuleSchema, invalid: "fields" },
  async (rule, { claims, clinic }) => {
    const outcome = await redaction.saveRule(claims, clinic.id, rule);
    revalidatePath("/admin/redaction");
    if (outcome === "duplicate") return { fieldErrors: { value: "You already have this rule." } };
    if (outcome === "not_found") return { error: "That rule no longer exists." };
    return {};
  },
);

export const toggleRule = adminAction(
  { schema: ruleToggleSchema, invalid: { error: "Invalid request." } },
  async ({ id, enabled }, { claims, clinic }) => {
    const ok = await redaction.setRuleEnabled(claims, clinic.id, id, enabled);
    revalidatePath("/admin/redaction");
    return ok ? {} : { error: "That rule no longer exists." };
  },
);

// The live tester: the clinic's real redactor (built-in detectors, lexicon, its rules) on pasted text.
// Nothing is stored or logged.
export const testRedaction = clinicAction({
  role: "admin",
  refused: "Only clinic admins can use the tester.",
})({ schema: redactionTestSchema, invalid: "first-issue" }, ({ text }, { claims, clinic }) =>
  redaction.redactWithClinicRules(claims, clinic.id, text),
);
