// Builds calls.jsonl from the hand-written call scripts in ../source/*.txt.
//
// Source format (one call per block):
//   === f001 UK ancoats-skin raw
//   A: Good morning, {{Ancoats Skin Clinic}}, {{Voxanne}} speaking.
//   C: it's [[N/context:hannah pryce]] and i'm after {{profhilo}}
// `A:` is an assistant turn, `C:` a caller turn. `[[T/class:value]]` marks a sensitive span
// (T = N NAME, P PHONE, E EMAIL, D DOB, A ADDRESS, I ID, C CARD, M MEDICAL) and `{{...}}` a
// business word. The markup is removed from the text; values and business words are kept
// verbatim, so every label is an exact substring of its turn by construction.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
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
const CLASSES = new Set([
  "context",
  "split",
  "names-vs-business",
  "history",
  "asr",
  "identifiers",
  "keyword-value",
  "base",
]);

const out = [];
const seen = new Set();
const files = readdirSync(join(root, "source"))
  .filter((name) => name.endsWith(".txt"))
  .sort();
for (const file of files) {
  let call = null;
  const lines = readFileSync(join(root, "source", file), "utf8").split("\n");
  for (const [index, raw] of lines.entries()) {
    const where = `${file}:${index + 1}`;
    const line = raw.trimEnd();
    if (!line.trim() || line.startsWith("#")) continue;
    const header = line.match(/^=== (\S+) (UK|US) (\S+) (raw|smart)$/);
    if (header) {
      if (seen.has(header[1])) throw new Error(`${where}: duplicate call ${header[1]}`);
      seen.add(header[1]);
      call = { id: header[1], locale: header[2], clinic: header[3], style: header[4], turn: 0 };
      continue;
    }
    const turnLine = line.match(/^(A|C): (.+)$/);
    if (!turnLine || !call) throw new Error(`${where}: cannot parse: ${line}`);
    const entities = [];
    const business = [];
    let text = "";
    const pattern = /\[\[([A-Z])\/([a-z-]+):(.+?)\]\]|\{\{(.+?)\}\}/g;
    let last = 0;
    for (const match of turnLine[2].matchAll(pattern)) {
      text += turnLine[2].slice(last, match.index);
      last = match.index + match[0].length;
      if (match[4] !== undefined) {
        text += match[4];
        if (!business.includes(match[4])) business.push(match[4]);
        continue;
      }
      const type = TYPES[match[1]];
      if (!type) throw new Error(`${where}: unknown type ${match[1]}`);
      if (!CLASSES.has(match[2])) throw new Error(`${where}: unknown class ${match[2]}`);
      text += match[3];
      if (!entities.some((e) => e.type === type && e.value === match[3]))
        entities.push({ type, value: match[3], class: match[2] });
    }
    text += turnLine[2].slice(last);
    if (/\[\[|\]\]|\{\{|\}\}/.test(text)) throw new Error(`${where}: unbalanced markup`);
    call.turn++;
    out.push({
      call: call.id,
      turn: call.turn,
      role: turnLine[1] === "A" ? "assistant" : "caller",
      style: call.style,
      locale: call.locale,
      clinic: call.clinic,
      text,
      entities,
      business,
    });
  }
}
writeFileSync(join(root, "calls.jsonl"), out.map((t) => JSON.stringify(t)).join("\n") + "\n");
console.log(`wrote ${out.length} turns from ${seen.size} calls`);
