"use server";

import { revalidatePath } from "next/cache";

import { adminContext, fieldErrors, type ActionResult } from "@/lib/actions/admin";
import { redactWithClinicRules, saveRule as saveRedactionRule, setRuleEnabled } from "@/lib/redaction/service";
import type { Finding } from "@/lib/redaction/types";
import { redactionRuleSchema, redactionTestSchema, ruleToggleSchema } from "@/lib/validations/redaction-rule";

type Result = ActionResult;

// Add or edit a rule. Patterns are checked for RE2 validity before they can be saved.
export async function saveRule(input: unknown): Promise<Result> {
  const admin = await adminContext();
  if (!admin) return { error: "Only clinic admins can change redaction rules." };
  const parsed = redactionRuleSchema.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const outcome = await saveRedactionRule(admin.claims, admin.clinicId, parsed.data);
  revalidatePath("/admin/redaction");
  if (outcome === "duplicate") return { fieldErrors: { value: "You already have this rule." } };
  if (outcome === "not_found") return { error: "That rule no longer exists." };
  return {};
}

export async function toggleRule(input: unknown): Promise<Result> {
  const admin = await adminContext();
  if (!admin) return { error: "Only clinic admins can change redaction rules." };
  const parsed = ruleToggleSchema.safeParse(input);
  if (!parsed.success) return { error: "Invalid request." };
  const ok = await setRuleEnabled(admin.claims, admin.clinicId, parsed.data.id, parsed.data.enabled);
  revalidatePath("/admin/redaction");
  return ok ? {} : { error: "That rule no longer exists." };
}

// The live tester: the clinic's real redactor (built-in detectors, lexicon, its rules) on pasted text.
// Nothing is stored or logged.
export async function testRedaction(input: unknown): Promise<{ error?: string; text?: string; findings?: Finding[] }> {
  const admin = await adminContext();
  if (!admin) return { error: "Only clinic admins can use the tester." };
  const parsed = redactionTestSchema.safeParse(input);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message };
  return redactWithClinicRules(admin.claims, admin.clinicId, parsed.data.text);
}
