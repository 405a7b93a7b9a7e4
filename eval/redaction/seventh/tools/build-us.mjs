// Builds us.jsonl (the seventh set's US half, clinic back-bay-lumen) from source/us.txt with the
// builder the later sets share (../../tools/build.mjs: the markup and its rules are described there).
// Run: node eval/redaction/seventh/tools/build-us.mjs
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { buildHalf } from "../../tools/build.mjs";

buildHalf(join(dirname(fileURLToPath(import.meta.url)), ".."), "us", {
  clinic: "back-bay-lumen",
  locale: "US",
  callIds: /^w0(0[1-9]|[1-3][0-9]|4[0-5])$/,
});
