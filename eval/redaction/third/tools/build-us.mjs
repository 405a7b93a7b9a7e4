// Builds us.jsonl from the hand-written source/us.txt (one block per call).
// A block opens with "=== <call> <raw|smart>"; each turn is an "A:" (Voxanne) or "C:" (caller) line.
// Sensitive spans are marked [[T/class:value]] (T: N P E D A I C M) and business words {{...}};
// the markup is removed and every label is cut from the text it labels, so labels are verbatim.
// Run: node eval/redaction/third/tools/build-us.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const TYPE = { N: "NAME", P: "PHONE", E: "EMAIL", D: "DOB", A: "ADDRESS", I: "ID", C: "CARD" };
TYPE.M = "MEDICAL";
const CLINIC = "cherry-creek-skin";
const source = readFileSync(join(root, "source", "us.txt"), "utf8");
const out = [];
let call = null;
let style = null;
let turn = 0;
for (const [index, raw] of source.split("\n").entries()) {
  const line = raw.trimEnd();
  if (!line.trim() || line.startsWith("#")) continue;
  const header = /^=== (k\d{3}) (raw|smart)$/.exec(line);
  if (header) {
    [, call, style] = header;
    turn = 0;
    continue;
  }
  const body = /^([AC]): (.+)$/.exec(line);
  if (!body || !call) throw new Error(`source line ${index + 1}: cannot parse: ${line}`);
  const entities = [];
  const business = [];
  const text = body[2].replace(
    /\[\[([NPEDAICM])\/([a-z-]+):(.+?)\]\]|\{\{(.+?)\}\}/g,
    (_, type, cls, value, word) => {
      if (word !== undefined) {
        if (!business.includes(word)) business.push(word);
        return word;
      }
      if (!entities.some((e) => e.value === value))
        entities.push({ type: TYPE[type], value, class: cls });
      return value;
    },
  );
  if (/\[\[|\]\]|\{\{|\}\}/.test(text)) throw new Error(`source line ${index + 1}: stray markup`);
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
}
writeFileSync(join(root, "us.jsonl"), out.join("\n") + "\n");
console.log(`wrote ${out.length} turns`);
