// Builds us.jsonl (the sixteenth folder's US half, clinic mount-washington-aesthetics) from
// source/us.txt with the builder the later sets share (../../tools/build.mjs: the markup and its
// rules are described there). Run: node eval/redaction/sixteenth/tools/build-us.mjs
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { buildHalf } from "../../tools/build.mjs";

buildHalf(join(dirname(fileURLToPath(import.meta.url)), ".."), "us", {
  clinic: "mount-washington-aesthetics",
  locale: "US",
  callIds: /^lf0(0[1-9]|[1-3][0-9]|40)$/,
});
