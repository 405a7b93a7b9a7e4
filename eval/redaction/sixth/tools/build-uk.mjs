// Builds uk.jsonl from source/uk.txt. Each call opens with `=== <call> <raw|smart>`; each turn is
// an `A:` (Voxanne) or `C:` (caller) line. Sensitive spans are marked `[[T/class:value]]` (T is one
// of N P E D A I C M) and business strings `{{...}}`; the markup is stripped, so every label is
// cut from the text it labels.
// Run: node eval/redaction/sixth/tools/build-uk.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLINIC = "glas-skin-clinic";
const TYPES = { N: "NAME", P: "PHONE", E: "EMAIL", D: "DOB", A: "ADDRESS", I: "ID", C: "CARD" };
TYPES.M = "MEDICAL";
const out = [];
let call = null;
let style = null;
let turn = 0;
for (const [index, line] of readFileSync(join(root, "source", "uk.txt"), "utf8")
  .split("\n")
  .entries()) {
  if (!line.trim() || line.startsWith("#")) continue;
  const header = line.match(/^=== (r\d{3}) (raw|smart)$/);
  if (header) {
    [, call, style] = header;
    turn = 0;
    continue;
  }
  const body = line.match(/^([AC]): (.+)$/);
  if (!body || !call) throw new Error(`line ${index + 1}: cannot parse: ${line}`);
  const entities = [];
  const business = [];
  let text = "";
  const markup = /\[\[([NPEDAICM])\/([a-z-]+):(.+?)\]\]|\{\{(.+?)\}\}/g;
  let last = 0;
  for (const match of body[2].matchAll(markup)) {
    text += body[2].slice(last, match.index);
    last = match.index + match[0].length;
    if (match[4] !== undefined) {
      text += match[4];
      if (!business.includes(match[4])) business.push(match[4]);
      continue;
    }
    text += match[3];
    if (!entities.some((e) => e.value === match[3]))
      entities.push({ type: TYPES[match[1]], value: match[3], class: match[2] });
  }
  text += body[2].slice(last);
  if (/\[\[|\]\]|\{\{|\}\}/.test(text)) throw new Error(`line ${index + 1}: stray markup`);
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
