// Builds a whole-call set's half (`<half>.jsonl`) from its hand-written `source/<half>.txt`,
// shared by the sets from eval/redaction/seventh on. Source format: a block per call opens with
// "=== <call> <raw|smart>"; each turn is an "A:" (Voxanne) or "C:" (caller) line. Sensitive
// spans are marked [[T/class:value]] (T is one of N P E D A I C M; the class in full or as
// ctx, spl, nvb, his, asr, ids, kv) and business strings {{...}}. The markup is stripped, so
// every label is cut from the text it labels: verbatim by construction.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const TYPES = { N: "NAME", P: "PHONE", E: "EMAIL", D: "DOB", A: "ADDRESS", I: "ID", C: "CARD" };
TYPES.M = "MEDICAL";
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
const MARKUP = /\[\[([NPEDAICM])\/([a-z-]+):(.+?)\]\]|\{\{(.+?)\}\}/g;

/** Writes `<half>.jsonl` under `root`; every turn of `clinic`, in `locale`. */
export function buildHalf(root, half, { clinic, locale, callIds }) {
  const out = [];
  let call = null;
  let style = null;
  let turn = 0;
  const source = readFileSync(join(root, "source", `${half}.txt`), "utf8").split("\n");
  for (const [index, raw] of source.entries()) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const header = /^=== (\S+) (raw|smart)$/.exec(line);
    if (header) {
      [, call, style] = header;
      if (!callIds.test(call)) throw new Error(`source line ${index + 1}: call id ${call}`);
      turn = 0;
      continue;
    }
    const body = /^([AC]): (.+)$/.exec(line);
    if (!body || !call) throw new Error(`source line ${index + 1}: cannot parse: ${line}`);
    const entities = [];
    const business = [];
    let text = "";
    let last = 0;
    for (const match of body[2].matchAll(MARKUP)) {
      text += body[2].slice(last, match.index);
      last = match.index + match[0].length;
      if (match[4] !== undefined) {
        text += match[4];
        if (!business.includes(match[4])) business.push(match[4]);
        continue;
      }
      const className = CLASSES[match[2]] ?? match[2];
      if (!Object.values(CLASSES).includes(className))
        throw new Error(`source line ${index + 1}: class ${match[2]}`);
      text += match[3];
      if (!entities.some((e) => e.value === match[3]))
        entities.push({ type: TYPES[match[1]], value: match[3], class: className });
    }
    text += body[2].slice(last);
    if (/\[\[|\]\]|\{\{|\}\}/.test(text)) throw new Error(`source line ${index + 1}: stray markup`);
    turn++;
    const role = body[1] === "A" ? "assistant" : "caller";
    out.push({ call, turn, role, style, locale, clinic, text, entities, business });
  }
  writeFileSync(join(root, `${half}.jsonl`), out.map((t) => JSON.stringify(t)).join("\n") + "\n");
  console.log(`wrote ${out.length} turns`);
}
