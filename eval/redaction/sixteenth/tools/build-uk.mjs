// Builds uk.jsonl (the sixteenth folder's UK half, clinic castle-hill-skin) from source/uk.txt
// with the builder the later sets share (../../tools/build.mjs: the markup and its rules are
// there). Run: node eval/redaction/sixteenth/tools/build-uk.mjs
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { buildHalf } from "../../tools/build.mjs";

buildHalf(join(dirname(fileURLToPath(import.meta.url)), ".."), "uk", {
  clinic: "castle-hill-skin",
  locale: "UK",
  callIds: /^le0(0[1-9]|[1-3][0-9]|40)$/,
});
