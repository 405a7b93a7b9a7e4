/**
 * `npm run --silent redact -- [--rules rules.json]` — JSON lines {"text": "..."} on stdin, one
 * JSON line per input on stdout, in order: {"text": "<redacted>", "findings": [{"type","start","end"}]}.
 * rules.json: {"keywords": [...], "patterns": [...]}, each a string or {"value", "category"},
 * added to the built-in detectors and the medical lexicon.
 */
import { readFileSync } from "node:fs";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";

import { createRedactor } from "../lib/redaction/redact";
import { checkPattern } from "../lib/redaction/rules";
import { REDACTION_TYPES, type CustomRule } from "../lib/redaction/types";

const ruleEntry = z.union([
  z.string().min(1),
  z.object({ value: z.string().min(1), category: z.enum(REDACTION_TYPES).default("CUSTOM") }),
]);
const rulesFile = z.object({
  keywords: z.array(ruleEntry).default([]),
  patterns: z.array(ruleEntry).default([]),
});

function fail(message: string): never {
  process.stderr.write(`redact: ${message}\n`);
  process.exit(2);
}

const { values } = parseArgs({ options: { rules: { type: "string" } } });
const rules: CustomRule[] = [];
if (values.rules) {
  let parsed;
  try {
    parsed = rulesFile.parse(JSON.parse(readFileSync(values.rules, "utf8")));
  } catch (error) {
    fail(`cannot use ${values.rules}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const entry =
    (kind: CustomRule["kind"]) =>
    (item: z.infer<typeof ruleEntry>): CustomRule =>
      typeof item === "string"
        ? { kind, value: item, category: "CUSTOM" }
        : { kind, value: item.value, category: item.category };
  rules.push(...parsed.keywords.map(entry("keyword")), ...parsed.patterns.map(entry("pattern")));
  for (const rule of rules.filter((candidate) => candidate.kind === "pattern")) {
    const check = checkPattern(rule.value);
    if (!check.ok) fail(`pattern ${JSON.stringify(rule.value)}: ${check.error}`);
  }
}

const redactor = createRedactor({ rules });
const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
let lineNumber = 0;
for await (const line of input) {
  lineNumber++;
  if (!line.trim()) continue;
  let text: unknown;
  try {
    text = (JSON.parse(line) as { text?: unknown }).text;
  } catch {
    fail(`line ${lineNumber} is not JSON`);
  }
  if (typeof text !== "string") fail(`line ${lineNumber} has no "text" string`);
  const { text: redacted, findings } = redactor.redact(text);
  process.stdout.write(
    `${JSON.stringify({ text: redacted, findings: findings.map(({ type, start, end }) => ({ type, start, end })) })}\n`,
  );
}
