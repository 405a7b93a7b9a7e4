// Builds us.jsonl from the hand-written source/us.txt.
// Run: node eval/redaction/fourth/tools/build-us.mjs
// Source: a block per call opens with `=== <call> <raw|smart>`; each turn is an `A:` (Voxanne) or
// `C:` (caller) line. Sensitive spans are `[[T/class:value]]` (T: N P E D A I C M; class may be
// abbreviated: ctx spl nvb his asr ids kv base) and business words are `{{...}}`. Every label is cut
// from the text it labels, so it is verbatim by construction.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLINIC = "montrose-skin";
const TYPE = { N: "NAME", P: "PHONE", E: "EMAIL", D: "DOB", A: "ADDRESS", I: "ID", C: "CARD" };
TYPE.M = "MEDICAL";
const CLASS = { ctx: "context", spl: "split", nvb: "names-vs-business", his: "history" };
Object.assign(CLASS, { asr: "asr", ids: "identifiers", kv: "keyword-value", base: "base" });
const out = [];
let call = null;
let style = null;
let turn = 0;
const source = readFileSync(join(root, "source", "us.txt"), "utf8").split("\n");
source.forEach((line, index) => {
  if (!line.trim() || line.startsWith("#")) return;
  const header = line.match(/^=== (n\d{3}) (raw|smart)$/);
  if (header) {
    [, call, style] = header;
    turn = 0;
    return;
  }
  const body = line.match(/^([AC]): (.+)$/);
  if (!body || !call) throw new Error(`line ${index + 1}: cannot parse: ${line}`);
  const entities = [];
  const business = [];
  const text = body[2]
    .replace(/\[\[([NPEDAICM])\/([a-z-]+):(.+?)\]\]/g, (_, type, cls, value) => {
      const name = CLASS[cls] ?? cls;
      if (!Object.values(CLASS).includes(name)) throw new Error(`line ${index + 1}: class ${cls}`);
      if (!entities.some((e) => e.value === value))
        entities.push({ type: TYPE[type], value, class: name });
      return value;
    })
    .replace(/\{\{(.+?)\}\}/g, (_, word) => {
      if (!business.includes(word)) business.push(word);
      return word;
    });
  if (/\[\[|\]\]|\{\{|\}\}/.test(text)) throw new Error(`line ${index + 1}: stray markup`);
  turn++;
  out.push(
    JSON.stringify({
      call,
      turn,
      role: body[1] === "A" ? "assistant" : "caller",
      style,
      locale: "US",
      clinic: CLINIC,
      text,
      entities,
      business,
    }),
  );
});
writeFileSync(join(root, "us.jsonl"), out.join("\n") + "\n");
console.log(`wrote ${out.length} turns`);
