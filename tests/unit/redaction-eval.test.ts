import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { evaluateRedaction, meetsTargets, type LabelledTurn } from "@/lib/redaction/evaluate";
import { createRedactor } from "@/lib/redaction/redact";

const ALLOW = [
  "Facelift",
  "face lift",
  "Rhinoplasty",
  "nose job",
  "Blepharoplasty",
  "Botox",
  "Tummy tuck",
  "Breast augmentation",
  "breast implants",
  "Amara Okafor",
  "James Whitfield",
  "Harbour Aesthetics",
  "Voxanne",
];

describe("the labelled evaluation set (eval/redaction/turns.jsonl)", () => {
  const turns: LabelledTurn[] = readFileSync("eval/redaction/turns.jsonl", "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));

  it("is large and varied enough to mean something", () => {
    expect(turns.length).toBeGreaterThanOrEqual(300);
    const types = new Set(turns.flatMap((turn) => turn.entities.map((entity) => entity.type)));
    expect([...types].sort()).toEqual([
      "ADDRESS",
      "CARD",
      "DOB",
      "EMAIL",
      "ID",
      "MEDICAL",
      "NAME",
      "PHONE",
    ]);
    expect(turns.filter((turn) => turn.entities.length === 0).length).toBeGreaterThanOrEqual(90);
  });

  it("meets the targets: no structured identifier leaks, names and medical >= 98%, >= 95% of other words kept", () => {
    const evaluation = evaluateRedaction(createRedactor({ allow: ALLOW }), turns);
    expect(meetsTargets(evaluation)).toEqual({ ok: true, failures: [] });
    // A correctness check over the whole labelled set, not a timing test: on a loaded CI
    // machine it can take longer than vitest's 5 s default.
  }, 60_000);
});
