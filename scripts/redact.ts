/**
 * `npm run --silent redact -- [--clinic <slug>] [--rules rules.json] [--allow allow.txt]`
 *
 * Reads JSON lines on stdin and writes one JSON line per input line, in the same order:
 * {"text": "<redacted>", "findings": [{"type","start","end"}]}.
 *
 * - `{"text": "..."}` is redacted on its own.
 * - `{"call": "c1", "role": "assistant" | "caller", "text": "..."}`: consecutive lines with the
 *   same `call` are one conversation, in order, redacted with the whole call's context exactly
 *   as the server stores a transcript (lib/redaction/conversation.ts). A call's lines are
 *   written once the call ends (the next line is another call, or input ends).
 *
 * `--clinic <slug>` uses that clinic's configuration from the database (the running app's, or
 * the embedded one started as the other scripts do): its rules, and its procedures,
 * practitioners, clinic and assistant names as business words. `--rules` adds keywords and
 * patterns ({"keywords": [...], "patterns": [...]}, each a string or {"value", "category",
 * "redactFollowing"}); `--allow` adds business words, one per line.
 */
import { readFileSync } from "node:fs";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";

import { redactConversation, type Turn } from "../lib/redaction/conversation";
import { createRedactor } from "../lib/redaction/redact";
import { checkPattern } from "../lib/redaction/rules";
import { REDACTION_TYPES, type CustomRule, type RedactionConfig } from "../lib/redaction/types";
import type { Finding } from "../lib/redaction/types";

const ruleEntry = z.union([
  z.string().min(1),
  z.object({
    value: z.string().min(1),
    category: z.enum(REDACTION_TYPES).default("CUSTOM"),
    redactFollowing: z.boolean().default(false),
  }),
]);
const rulesFile = z.object({
  keywords: z.array(ruleEntry).default([]),
  patterns: z.array(ruleEntry).default([]),
});
const callLine = z.object({
  call: z.union([z.string(), z.number()]).transform(String),
  role: z.enum(["assistant", "caller"]),
  text: z.string(),
});
const textLine = z.object({ text: z.string() });

function fail(message: string): never {
  process.stderr.write(`redact: ${message}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: { rules: { type: "string" }, allow: { type: "string" }, clinic: { type: "string" } },
});

const config: Required<Pick<RedactionConfig, "rules" | "allow" | "procedures">> = {
  rules: [],
  allow: [],
  procedures: [],
};
if (values.clinic) {
  const clinic = await loadClinicConfig(values.clinic).catch((error: Error) =>
    fail(`cannot load clinic ${values.clinic}: ${error.message}`),
  );
  config.rules.push(...(clinic.rules ?? []));
  config.allow.push(...(clinic.allow ?? []));
  config.procedures.push(...(clinic.procedures ?? []));
}
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
        : {
            kind,
            value: item.value,
            category: item.category,
            redactFollowing: kind === "keyword" && item.redactFollowing,
          };
  const added = [
    ...parsed.keywords.map(entry("keyword")),
    ...parsed.patterns.map(entry("pattern")),
  ];
  for (const rule of added.filter((candidate) => candidate.kind === "pattern")) {
    const check = checkPattern(rule.value);
    if (!check.ok) fail(`pattern ${JSON.stringify(rule.value)}: ${check.error}`);
  }
  config.rules.push(...added);
}
if (values.allow) {
  try {
    config.allow.push(
      ...readFileSync(values.allow, "utf8")
        .split("\n")
        .map((entry) => entry.trim())
        .filter((entry) => entry && !entry.startsWith("#")),
    );
  } catch (error) {
    fail(`cannot use ${values.allow}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const redactor = createRedactor(config);
// A reader that stops early (`| head`) ends the run quietly, as other Unix filters do.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
const write = (result: { text: string; findings: Finding[] }) =>
  process.stdout.write(
    `${JSON.stringify({ text: result.text, findings: result.findings.map(({ type, start, end }) => ({ type, start, end })) })}\n`,
  );

let call: { id: string; turns: Turn[] } | null = null;
const endCall = () => {
  if (call) for (const turn of redactConversation(redactor, call.turns)) write(turn);
  call = null;
};

const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
let lineNumber = 0;
for await (const raw of input) {
  lineNumber++;
  if (!raw.trim()) continue;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    endCall();
    fail(`line ${lineNumber} is not JSON`);
  }
  const isCall = typeof json === "object" && json !== null && "call" in json;
  const problem = `line ${lineNumber} needs a "text" string (and, for a call, "call" and "role": "assistant" or "caller")`;
  if (isCall) {
    const parsed = callLine.safeParse(json);
    if (!parsed.success) {
      endCall();
      fail(problem);
    }
    const message = parsed.data;
    if (call && call.id !== message.call) endCall();
    call ??= { id: message.call, turns: [] };
    call.turns.push({ role: message.role, text: message.text });
  } else {
    const parsed = textLine.safeParse(json);
    endCall();
    if (!parsed.success) fail(problem);
    write(redactor.redact(parsed.data.text));
  }
}
endCall();

/** A clinic's configuration as the server loads it (lib/db/redaction.ts), by its slug. */
async function loadClinicConfig(slug: string): Promise<RedactionConfig> {
  const { connectDatabase } = await import("./lib/connect");
  const { wrap } = await import("../lib/db/transaction");
  const { loadRedactionConfig } = await import("../lib/db/redaction");
  const { client, close } = await connectDatabase();
  try {
    const clinic = await client.query<{ id: string }>(
      "select id from public.clinics where slug = $1",
      [slug],
    );
    if (!clinic.rows[0]) throw new Error("no clinic has that slug");
    return await loadRedactionConfig(wrap(client), clinic.rows[0].id);
  } finally {
    await close();
  }
}
