// Builds uk.jsonl from source/uk.txt (hand-written calls with inline labels).
// Run: node eval/redaction/fourth/tools/build-uk.mjs
//
// Source format: a block per call opens with `=== <call> <raw|smart>`; each turn is an `A:`
// (assistant) or `C:` (caller) line. A sensitive span is `[[T/class:value]]` with T one of
// N P E D A I C M (NAME PHONE EMAIL DOB ADDRESS ID CARD MEDICAL); a business string is `{{...}}`.
// Every label is cut from the text it labels, so values are verbatim by construction.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLINIC = "finnieston-skin";
const TYPES = { N: "NAME", P: "PHONE", E: "EMAIL", D: "DOB", A: "ADDRESS", I: "ID", C: "CARD" };
TYPES.M = "MEDICAL";
const source = readFileSync(join(root, "source", "uk.txt"), "utf8").split("\n");
const out = [];
let call = null;
let style = null;
let turn = 0;
for (const [index, raw] of source.entries()) {
  const line = raw.trimEnd();
  if (!line.trim() || line.startsWith("#")) continue;
  const header = /^=== (m\d{3}) (raw|smart)$/.exec(line);
  if (header) {
    [, call, style] = header;
    turn = 0;
    continue;
  }
  const body = /^([AC]): (.+)$/.exec(line);
  if (!body || !call) throw new Error(`source line ${index + 1}: cannot parse: ${line}`);
  const entities = [];
  const business = [];
  const text = body[2]
    .replace(/\[\[([NPEDAICM])\/([a-z-]+):(.+?)\]\]/g, (_, t, cls, value) => {
      if (!entities.some((e) => e.value === value))
        entities.push({ type: TYPES[t], value, class: cls });
      return value;
    })
    .replace(/\{\{(.+?)\}\}/g, (_, word) => {
      if (!business.includes(word)) business.push(word);
      return word;
    });
  if (/\[\[|\]\]|\{\{|\}\}/.test(text)) throw new Error(`source line ${index + 1}: stray markup`);
  turn++;
  out.push({
    call,
    turn,
    role: body[1] === "A" ? "assistant" : "caller",
    style,
    locale: "UK",
    clinic: CLINIC,
    text,
    entities,
    business,
  });
}
writeFileSync(join(root, "uk.jsonl"), out.map((t) => JSON.stringify(t)).join("\n") + "\n");
console.log(`wrote ${out.length} turns`);
