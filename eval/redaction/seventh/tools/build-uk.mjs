// Builds uk.jsonl (the seventh set's UK half, clinic ouseburn-aesthetics) from source/uk.txt with the
// builder the later sets share (../../tools/build.mjs: the markup and its rules are described there).
// Run: node eval/redaction/seventh/tools/build-uk.mjs
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { buildHalf } from "../../tools/build.mjs";

buildHalf(join(dirname(fileURLToPath(import.meta.url)), ".."), "uk", {
  clinic: "ouseburn-aesthetics",
  locale: "UK",
  callIds: /^v0(0[1-9]|[1-3][0-9]|4[0-5])$/,
});
