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

/** Holds the level a set reaches on each half (below issue 17's target: docs/redaction.md). */
function holdsHalves(set: ReturnType<typeof loadCallSet>, floors: [number, number]) {
  for (const [heldOut, floor] of [
    [false, floors[0]],
    [true, floors[1]],
  ] as const) {
    const result = scoreCalls(
      set.turns.filter((turn) => isHeldOut(turn.call) === heldOut),
      set.redactorFor,
    );
    expect(overallRecall(result).recall).toBeGreaterThanOrEqual(floor);
    expect(result.business.share).toBeGreaterThanOrEqual(0.97);
  }
}

describe("the set written blind to the code (eval/redaction/fresh)", () => {
  const fresh = loadCallSet("eval/redaction/fresh");

  it("is whole calls, larger than the first set", () => {
    expect(new Set(fresh.turns.map((turn) => turn.call)).size).toBeGreaterThanOrEqual(180);
    expect(fresh.turns.length).toBeGreaterThanOrEqual(1_300);
  });

  it("keeps what the whole-call path reaches on both halves", () => {
    holdsHalves(fresh, [0.98, 0.93]);
  }, 60_000);
});

describe("the second set written blind to the code (eval/redaction/third)", () => {
  const third = loadCallSet("eval/redaction/third");

  it("is whole calls from two new clinics, UK and US", () => {
    expect(new Set(third.turns.map((turn) => turn.call)).size).toBeGreaterThanOrEqual(120);
    expect(third.turns.length).toBeGreaterThanOrEqual(1_200);
    expect(new Set(third.turns.map((turn) => turn.locale))).toEqual(new Set(["UK", "US"]));
  });

  it("keeps what the whole-call path reaches on both halves", () => {
    holdsHalves(third, [0.99, 0.955]);
  }, 60_000);
});

describe("the third set written blind to the code (eval/redaction/fourth)", () => {
  const fourth = loadCallSet("eval/redaction/fourth");

  it("is whole calls from two more clinics, UK and US", () => {
    expect(new Set(fourth.turns.map((turn) => turn.call)).size).toBeGreaterThanOrEqual(120);
    expect(fourth.turns.length).toBeGreaterThanOrEqual(1_200);
    expect(new Set(fourth.turns.map((turn) => turn.locale))).toEqual(new Set(["UK", "US"]));
  });

  it("keeps what the whole-call path reaches on both halves", () => {
    holdsHalves(fourth, [0.98, 0.975]);
  }, 60_000);
});

describe("the fourth set written blind to the code (eval/redaction/fifth)", () => {
  const fifth = loadCallSet("eval/redaction/fifth");

  it("is whole calls from two more clinics, UK and US", () => {
    expect(new Set(fifth.turns.map((turn) => turn.call)).size).toBeGreaterThanOrEqual(120);
    expect(fifth.turns.length).toBeGreaterThanOrEqual(1_150);
    expect(new Set(fifth.turns.map((turn) => turn.locale))).toEqual(new Set(["UK", "US"]));
  });

  it("keeps what the whole-call path reaches on both halves", () => {
    holdsHalves(fifth, [0.98, 0.94]);
  }, 60_000);
});

describe("the fifth set written blind to the code (eval/redaction/sixth)", () => {
  const sixth = loadCallSet("eval/redaction/sixth");

  it("is whole calls from two more clinics, UK and US", () => {
    expect(new Set(sixth.turns.map((turn) => turn.call)).size).toBeGreaterThanOrEqual(120);
    expect(sixth.turns.length).toBeGreaterThanOrEqual(1_250);
    expect(new Set(sixth.turns.map((turn) => turn.locale))).toEqual(new Set(["UK", "US"]));
  });

  it("keeps what the whole-call path reaches on both halves", () => {
    holdsHalves(sixth, [0.995, 0.96]);
  }, 60_000);
});

describe("the sixth set written blind to the code (eval/redaction/seventh)", () => {
  const seventh = loadCallSet("eval/redaction/seventh");

  it("is whole calls from two more clinics, UK and US", () => {
    expect(new Set(seventh.turns.map((turn) => turn.call)).size).toBeGreaterThanOrEqual(90);
    expect(seventh.turns.length).toBeGreaterThanOrEqual(1_300);
    expect(new Set(seventh.turns.map((turn) => turn.locale))).toEqual(new Set(["UK", "US"]));
  });

  it("keeps what the whole-call path reaches on both halves", () => {
    holdsHalves(seventh, [0.98, 0.93]);
  }, 60_000);
});

describe("the seventh set written blind to the code (eval/redaction/eighth)", () => {
  const eighth = loadCallSet("eval/redaction/eighth");

  it("is whole calls from two more clinics, UK and US", () => {
    expect(new Set(eighth.turns.map((turn) => turn.call)).size).toBeGreaterThanOrEqual(70);
    expect(eighth.turns.length).toBeGreaterThanOrEqual(1_050);
    expect(new Set(eighth.turns.map((turn) => turn.locale))).toEqual(new Set(["UK", "US"]));
  });

  it("keeps what the whole-call path reaches on both halves", () => {
    holdsHalves(eighth, [0.98, 0.88]);
  }, 60_000);
});

describe("the eighth set written blind to the code (eval/redaction/ninth)", () => {
  const ninth = loadCallSet("eval/redaction/ninth");

  it("is whole calls from two more clinics, UK and US", () => {
    expect(new Set(ninth.turns.map((turn) => turn.call)).size).toBeGreaterThanOrEqual(76);
    expect(ninth.turns.length).toBeGreaterThanOrEqual(1_350);
    expect(new Set(ninth.turns.map((turn) => turn.locale))).toEqual(new Set(["UK", "US"]));
  });

  it("keeps what the whole-call path reaches on both halves", () => {
    holdsHalves(ninth, [0.99, 0.92]);
  }, 60_000);
});

describe("the ninth set written blind to the code (eval/redaction/tenth)", () => {
  const tenth = loadCallSet("eval/redaction/tenth");

  it("is whole calls from two more clinics, UK and US", () => {
    expect(new Set(tenth.turns.map((turn) => turn.call)).size).toBeGreaterThanOrEqual(80);
    expect(tenth.turns.length).toBeGreaterThanOrEqual(1_400);
    expect(new Set(tenth.turns.map((turn) => turn.locale))).toEqual(new Set(["UK", "US"]));
  });

  it("keeps what the whole-call path reaches on both halves", () => {
    holdsHalves(tenth, [0.98, 0.94]);
  }, 60_000);
});

describe("the tenth set written blind to the code (eval/redaction/eleventh)", () => {
  const eleventh = loadCallSet("eval/redaction/eleventh");

  it("is whole calls from two more clinics, UK and US", () => {
    expect(new Set(eleventh.turns.map((turn) => turn.call)).size).toBeGreaterThanOrEqual(78);
    expect(eleventh.turns.length).toBeGreaterThanOrEqual(1_350);
    expect(new Set(eleventh.turns.map((turn) => turn.locale))).toEqual(new Set(["UK", "US"]));
  });

  it("keeps what the whole-call path reaches on both halves", () => {
    holdsHalves(eleventh, [0.985, 0.93]);
  }, 60_000);
});

describe("the eleventh set written blind to the code (eval/redaction/twelfth)", () => {
  const twelfth = loadCallSet("eval/redaction/twelfth");

  it("is whole calls from two more clinics, UK and US", () => {
    expect(new Set(twelfth.turns.map((turn) => turn.call)).size).toBeGreaterThanOrEqual(80);
    expect(twelfth.turns.length).toBeGreaterThanOrEqual(1_450);
    expect(new Set(twelfth.turns.map((turn) => turn.locale))).toEqual(new Set(["UK", "US"]));
  });

  it("keeps what the whole-call path reaches on both halves", () => {
    holdsHalves(twelfth, [0.99, 0.94]);
  }, 60_000);
});

describe("the twelfth set written blind to the code (eval/redaction/thirteenth)", () => {
  const thirteenth = loadCallSet("eval/redaction/thirteenth");

  it("is whole calls from two more clinics, UK and US", () => {
    expect(new Set(thirteenth.turns.map((turn) => turn.call)).size).toBeGreaterThanOrEqual(80);
    expect(thirteenth.turns.length).toBeGreaterThanOrEqual(1_500);
    expect(new Set(thirteenth.turns.map((turn) => turn.locale))).toEqual(new Set(["UK", "US"]));
  });

  it("keeps what the whole-call path reaches on both halves", () => {
    holdsHalves(thirteenth, [0.99, 0.92]);
  }, 60_000);
});

describe("the thirteenth set written blind to the code (eval/redaction/fourteenth)", () => {
  const fourteenth = loadCallSet("eval/redaction/fourteenth");

  it("is whole calls from two more clinics, UK and US", () => {
    expect(new Set(fourteenth.turns.map((turn) => turn.call)).size).toBeGreaterThanOrEqual(80);
    expect(fourteenth.turns.length).toBeGreaterThanOrEqual(1_400);
    expect(new Set(fourteenth.turns.map((turn) => turn.locale))).toEqual(new Set(["UK", "US"]));
  });

  it("keeps what the whole-call path reaches on both halves", () => {
    holdsHalves(fourteenth, [0.985, 0.95]);
  }, 60_000);
});

describe("the fourteenth set written blind to the code (eval/redaction/fifteenth)", () => {
  const fifteenth = loadCallSet("eval/redaction/fifteenth");

  it("is whole calls from two more clinics, UK and US", () => {
    expect(new Set(fifteenth.turns.map((turn) => turn.call)).size).toBeGreaterThanOrEqual(80);
    expect(fifteenth.turns.length).toBeGreaterThanOrEqual(1_500);
    expect(new Set(fifteenth.turns.map((turn) => turn.locale))).toEqual(new Set(["UK", "US"]));
  });

  it("keeps what the whole-call path reaches on both halves", () => {
    holdsHalves(fifteenth, [0.99, 0.96]);
  }, 60_000);
});

describe("the fifteenth set written blind to the code (eval/redaction/sixteenth)", () => {
  const sixteenth = loadCallSet("eval/redaction/sixteenth");

  it("is whole calls from two more clinics, UK and US", () => {
    expect(new Set(sixteenth.turns.map((turn) => turn.call)).size).toBeGreaterThanOrEqual(80);
    expect(sixteenth.turns.length).toBeGreaterThanOrEqual(1_400);
    expect(new Set(sixteenth.turns.map((turn) => turn.locale))).toEqual(new Set(["UK", "US"]));
  });

  it("keeps what the whole-call path reaches on both halves", () => {
    holdsHalves(sixteenth, [0.985, 0.92]);
  }, 60_000);
});

describe("the sixteenth set written blind to the code (eval/redaction/seventeenth)", () => {
  const seventeenth = loadCallSet("eval/redaction/seventeenth");

  it("is whole calls from two more clinics, UK and US, raw and smart in both halves", () => {
    expect(new Set(seventeenth.turns.map((turn) => turn.call)).size).toBeGreaterThanOrEqual(80);
    expect(seventeenth.turns.length).toBeGreaterThanOrEqual(1_300);
    expect(new Set(seventeenth.turns.map((turn) => turn.locale))).toEqual(new Set(["UK", "US"]));
    for (const heldOut of [false, true])
      expect(
        new Set(
          seventeenth.turns
            .filter((turn) => isHeldOut(turn.call) === heldOut && turn.role === "caller")
            .map((turn) => turn.style),
        ),
      ).toEqual(new Set(["raw", "smart"]));
  });

  it("keeps what the whole-call path reaches on both halves", () => {
    holdsHalves(seventeenth, [0.9, 0.9]);
  }, 60_000);
});
