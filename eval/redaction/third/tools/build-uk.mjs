// Builds uk.jsonl from the hand-written source/uk.txt.
// Run: node eval/redaction/third/tools/build-uk.mjs
//
// Source format: a call opens with `=== <call> <raw|smart>`; each turn is an `A:` (Voxanne) or
// `C:` (caller) line. Sensitive spans are marked `[[T/class:value]]`, where T is one of
// N P E D A I C M (NAME PHONE EMAIL DOB ADDRESS ID CARD MEDICAL), and business strings `{{...}}`.
// Every label is cut from the text it labels, so it is verbatim by construction.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLINIC = "headrow-aesthetics";
const LOCALE = "UK";
const TYPES = { N: "NAME", P: "PHONE", E: "EMAIL", D: "DOB", A: "ADDRESS", I: "ID", C: "CARD" };
TYPES.M = "MEDICAL";
const source = readFileSync(join(root, "source", "uk.txt"), "utf8");
const out = [];
let call = null;
let style = null;
let turn = 0;
for (const [index, raw] of source.split("\n").entries()) {
  const line = raw.trim();
  if (!line || line.startsWith("#")) continue;
  const header = /^=== (h\d{3}) (raw|smart)$/.exec(line);
  if (header) {
    [, call, style] = header;
    turn = 0;
    continue;
  }
  const match = /^([AC]): (.+)$/.exec(line);
  if (!match || !call) throw new Error(`source line ${index + 1}: cannot parse: ${line}`);
  const entities = [];
  const business = [];
  const text = match[2].replace(
    /\[\[([NPEDAICM])\/([a-z-]+):(.+?)\]\]|\{\{(.+?)\}\}/g,
    (_, type, cls, value, word) => {
      if (word !== undefined) {
        if (!business.includes(word)) business.push(word);
        return word;
      }
      if (!entities.some((e) => e.value === value))
        entities.push({ type: TYPES[type], value, class: cls });
      return value;
    },
  );
  if (/\[\[|\]\]|\{\{|\}\}/.test(text)) throw new Error(`source line ${index + 1}: stray markup`);
  turn++;
  out.push({
    call,
    turn,
    role: match[1] === "A" ? "assistant" : "caller",
    style,
    locale: LOCALE,
    clinic: CLINIC,
    text,
    entities,
    business,
  });
}
writeFileSync(join(root, "uk.jsonl"), out.map((t) => JSON.stringify(t)).join("\n") + "\n");
console.log(`wrote ${out.length} turns`);
