// Builds us.jsonl (the seventeenth folder's US half, clinic fells-point-aesthetics) from
// source/us.txt with the builder the later sets share (../../tools/build.mjs: the markup and its
// rules are described there). Run: node eval/redaction/seventeenth/tools/build-us.mjs
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { buildHalf } from "../../tools/build.mjs";

buildHalf(join(dirname(fileURLToPath(import.meta.url)), ".."), "us", {
  clinic: "fells-point-aesthetics",
  locale: "US",
  callIds: /^lh0(0[1-9]|[1-3][0-9]|40)$/,
});
