// Builds uk.jsonl (the ninth set's UK half, clinic clifton-skin-studio) from source/uk.txt with the
// builder the later sets share (../../tools/build.mjs: the markup and its rules are described there).
// Run: node eval/redaction/ninth/tools/build-uk.mjs
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { buildHalf } from "../../tools/build.mjs";

buildHalf(join(dirname(fileURLToPath(import.meta.url)), ".."), "uk", {
  clinic: "clifton-skin-studio",
  locale: "UK",
  callIds: /^z0(0[1-9]|[1-3][0-9]|40)$/,
});
