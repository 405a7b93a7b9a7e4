// Builds us.jsonl (the sixth set's US half) from the hand-written source/us.txt.
// Adapted from ../../fifth/tools/build-us.mjs (call ids s001-s060, clinic hollyhock-wicker-park).
// Run: node eval/redaction/sixth/tools/build-us.mjs
// Source format: a block per call opens with "=== <call> <raw|smart>"; each turn is an "A:"
// (Voxanne) or "C:" (caller) line. Sensitive spans are marked [[T/class:value]] (T is one of
// N P E D A I C M) and business strings {{...}}. Every label is cut from the text it labels,
// so it is verbatim by construction.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const TYPES = {
  N: "NAME",
  P: "PHONE",
  E: "EMAIL",
  D: "DOB",
  A: "ADDRESS",
  I: "ID",
  C: "CARD",
  M: "MEDICAL",
};
const CLASSES = {
  ctx: "context",
  spl: "split",
  nvb: "names-vs-business",
  his: "history",
  asr: "asr",
  ids: "identifiers",
  kv: "keyword-value",
  base: "base",
};
const CLINIC = "hollyhock-wicker-park";
const out = [];
let call = null;
let style = null;
let turn = 0;
const source = readFileSync(join(root, "source", "us.txt"), "utf8").split("\n");
for (const [index, raw] of source.entries()) {
  const line = raw.trim();
  if (!line || line.startsWith("#")) continue;
  const header = /^=== (s\d{3}) (raw|smart)$/.exec(line);
  if (header) {
    [, call, style] = header;
    turn = 0;
    continue;
  }
  const match = /^([AC]): (.*)$/.exec(line);
  if (!match || !call) throw new Error(`source line ${index + 1}: cannot parse: ${line}`);
  const role = match[1] === "A" ? "assistant" : "caller";
  const entities = [];
  const business = [];
  const text = match[2]
    .replace(/\[\[([NPEDAICM])\/([a-z-]+):(.*?)\]\]/g, (_, type, cls, value) => {
      const className = CLASSES[cls] ?? cls;
      if (!Object.values(CLASSES).includes(className))
        throw new Error(`source line ${index + 1}: class ${cls}`);
      if (!entities.some((e) => e.value === value))
        entities.push({ type: TYPES[type], value, class: className });
      return value;
    })
    .replace(/\{\{(.*?)\}\}/g, (_, word) => {
      if (!business.includes(word)) business.push(word);
      return word;
    });
  if (/\[\[|\]\]|\{\{|\}\}/.test(text)) throw new Error(`source line ${index + 1}: stray markup`);
  turn++;
  out.push(
    JSON.stringify({
      call,
      turn,
      role,
      style,
      locale: "US",
      clinic: CLINIC,
      text,
      entities,
      business,
    }),
  );
}
writeFileSync(join(root, "us.jsonl"), out.join("\n") + "\n");
console.log(`wrote ${out.length} turns`);
