// Builds uk.jsonl (the seventeenth folder's UK half, clinic mumbles-road-skin) from source/uk.txt
// with the builder the later sets share (../../tools/build.mjs: the markup and its rules are
// there). Run: node eval/redaction/seventeenth/tools/build-uk.mjs
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { buildHalf } from "../../tools/build.mjs";

buildHalf(join(dirname(fileURLToPath(import.meta.url)), ".."), "uk", {
  clinic: "mumbles-road-skin",
  locale: "UK",
  callIds: /^lg0(0[1-9]|[1-3][0-9]|40)$/,
});
