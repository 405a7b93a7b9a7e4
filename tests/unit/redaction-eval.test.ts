import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import {
  evaluateRedaction,
  meetsTargets,
  overallRecall,
  type LabelledTurn,
} from "@/lib/redaction/evaluate";
import { createRedactor } from "@/lib/redaction/redact";

import { isHeldOut, loadCallSet, scoreCalls } from "../../scripts/lib/redaction-eval";

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

describe("the whole-call evaluation set (eval/redaction/calls)", () => {
  const calls = loadCallSet();
  const half = (heldOut: boolean) =>
    scoreCalls(
      calls.turns.filter((turn) => isHeldOut(turn.call) === heldOut),
      calls.redactorFor,
    );

  it("is whole calls, large enough to mean something", () => {
    expect(new Set(calls.turns.map((turn) => turn.call)).size).toBeGreaterThanOrEqual(100);
    expect(calls.turns.length).toBeGreaterThanOrEqual(500);
  });

  // Issue 17's targets (recall 99.5%, business words 97%) are not met yet: `npm run
  // eval:redaction` fails on them and says where. This holds the level reached, per half, so
  // nothing slips back while the rest is done.
  it("keeps what the whole-call path reaches on both halves", () => {
    for (const [heldOut, floor] of [
      [false, 0.995],
      [true, 0.99],
    ] as const) {
      const result = half(heldOut);
      expect(overallRecall(result).recall).toBeGreaterThanOrEqual(floor);
      expect(result.business.share).toBeGreaterThanOrEqual(0.98);
      expect(result.perClass.context!.recall).toBe(1);
    }
  }, 60_000);
});

describe("the set written blind to the code (eval/redaction/fresh)", () => {
  const fresh = loadCallSet("eval/redaction/fresh");

  it("is whole calls, larger than the first set", () => {
    expect(new Set(fresh.turns.map((turn) => turn.call)).size).toBeGreaterThanOrEqual(180);
    expect(fresh.turns.length).toBeGreaterThanOrEqual(1_300);
  });

  // Below issue 17's target (docs/redaction.md): holds the level reached on both halves.
  it("keeps what the whole-call path reaches on both halves", () => {
    for (const [heldOut, floor] of [
      [false, 0.98],
      [true, 0.915],
    ] as const) {
      const result = scoreCalls(
        fresh.turns.filter((turn) => isHeldOut(turn.call) === heldOut),
        fresh.redactorFor,
      );
      expect(overallRecall(result).recall).toBeGreaterThanOrEqual(floor);
      expect(result.business.share).toBeGreaterThanOrEqual(0.97);
    }
  }, 60_000);
});
