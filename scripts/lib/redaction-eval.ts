import { readdirSync, readFileSync } from "node:fs";

import { redactConversation, type Turn } from "../../lib/redaction/conversation";
import {
  evaluateCalls,
  type CallEvaluation,
  type LabelledCallTurn,
} from "../../lib/redaction/evaluate";
import { createRedactor, type Redactor } from "../../lib/redaction/redact";
import type { CustomRule, RedactionConfig } from "../../lib/redaction/types";

/**
 * The whole-call evaluation set (eval/redaction/calls) scored through the production path:
 * each clinic's redactor built from what the clinic configures (the server's
 * loadRedactionConfig: procedure names and synonyms, practitioners and staff without their
 * titles, the clinic's and the assistant's names, its rules) and each call redacted as one
 * conversation. The set's hand-made aliases ("Dr Okafor") are not used: the server cannot know them.
 */
interface ClinicContext {
  clinicName: string;
  assistantName: string;
  practitioners: { name: string }[];
  staff: { name: string }[];
  procedures: { name: string; synonyms: string[] }[];
  otherTerms?: (string | { term?: string; name?: string })[];
  rules: {
    kind: "keyword" | "pattern";
    value: string;
    category?: string;
    redactFollowing?: boolean;
  }[];
}

const TITLE = /^(?:dr|doctor|nurse|mr|mrs|ms|miss)\.?\s+/i;

export function clinicConfig(context: ClinicContext): RedactionConfig {
  const allow = [
    context.clinicName,
    context.assistantName,
    ...context.practitioners.map((person) => person.name.replace(TITLE, "")),
    ...context.staff.map((person) => person.name.replace(TITLE, "")),
    ...context.procedures.flatMap((procedure) => [procedure.name, ...procedure.synonyms]),
    ...(context.otherTerms ?? []).map((term) =>
      typeof term === "string" ? term : (term.term ?? term.name ?? ""),
    ),
  ].filter(Boolean);
  const rules: CustomRule[] = context.rules.map((rule) => ({
    kind: rule.kind,
    value: rule.value,
    category: (rule.category ?? "CUSTOM") as CustomRule["category"],
    redactFollowing: rule.redactFollowing ?? false,
  }));
  const procedures = context.procedures.flatMap((procedure) => [
    procedure.name,
    ...procedure.synonyms,
  ]);
  return { allow, rules, procedures };
}

/**
 * A set's turns are every `*.jsonl` in its folder (one file, or one per author: the third set's
 * uk.jsonl and us.jsonl) and its clinics every `*context.json` there.
 */
export function loadCallSet(dir = "eval/redaction/calls") {
  const files = readdirSync(dir).sort();
  const turns: LabelledCallTurn[] = files
    .filter((file) => file.endsWith(".jsonl"))
    .flatMap((file) => readFileSync(`${dir}/${file}`, "utf8").split("\n"))
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
  const contexts: Record<string, ClinicContext> = Object.assign(
    {},
    ...files
      .filter((file) => file.endsWith("context.json"))
      .map((file) => JSON.parse(readFileSync(`${dir}/${file}`, "utf8"))),
  );
  const redactors = new Map<string, Redactor>();
  const redactorFor = (clinic: string) => {
    let redactor = redactors.get(clinic);
    if (!redactor) {
      const context = contexts[clinic];
      if (!context) throw new Error(`No clinic context for ${clinic}`);
      redactors.set(clinic, (redactor = createRedactor(clinicConfig(context))));
    }
    return redactor;
  };
  return { turns, redactorFor };
}

/** Calls with an odd number tune the detectors; even ones are held out and judge them. */
export const isHeldOut = (call: string) => Number(call.replace(/\D/g, "")) % 2 === 0;

export function scoreCalls(
  turns: LabelledCallTurn[],
  redactorFor: (clinic: string) => Redactor,
): CallEvaluation {
  return evaluateCalls(
    (clinic, call: Turn[]) => redactConversation(redactorFor(clinic), call),
    turns,
  );
}
