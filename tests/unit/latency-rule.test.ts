import { describe, expect, it } from "vitest";

import { formatLatencyReport } from "@/lib/latency/report";
import { latencyVerdict, MIN_TURNS_FOR_ADVICE } from "@/lib/latency/rule";

describe("the 700 ms rule", () => {
  it("offers the low-latency profile when p95 over recent turns exceeds 700 ms on the standard profile", () => {
    expect(latencyVerdict({ turns: 50, p95: 701 }, "standard")).toEqual({
      kind: "offer_low_latency",
      p95: 701,
    });
  });

  it("is satisfied at exactly 700 ms and below", () => {
    expect(latencyVerdict({ turns: 50, p95: 700 }, "standard")).toEqual({ kind: "on_target" });
    expect(latencyVerdict({ turns: 50, p95: 420 }, "low_latency")).toEqual({ kind: "on_target" });
  });

  it("does not offer what is already on, and says so", () => {
    expect(latencyVerdict({ turns: 50, p95: 900 }, "low_latency")).toEqual({
      kind: "slow_on_low_latency",
      p95: 900,
    });
  });

  it("waits for enough turns before judging a p95", () => {
    expect(latencyVerdict({ turns: MIN_TURNS_FOR_ADVICE - 1, p95: 2000 }, "standard")).toEqual({
      kind: "unmeasured",
    });
    expect(latencyVerdict({ turns: MIN_TURNS_FOR_ADVICE, p95: 2000 }, "standard").kind).toBe(
      "offer_low_latency",
    );
    expect(latencyVerdict({ turns: 0, p95: null }, "standard")).toEqual({ kind: "unmeasured" });
  });
});

describe("formatLatencyReport", () => {
  const base = {
    clinic: "Harbour Aesthetics",
    profile: "standard",
    from: "2026-11-01",
    to: "2026-11-07",
  };

  it("aligns the table, flags days over target and ends with the verdict", () => {
    const text = formatLatencyReport({
      ...base,
      summary: { turns: 30, p50: 500, p95: 820, p99: 1400, over700: 3 },
      days: [
        {
          day: "2026-11-01",
          profile: "standard",
          turns: 10,
          p50: 450,
          p95: 690,
          p99: 700,
          over700: 0,
          hangs: 0,
        },
        {
          day: "2026-11-02",
          profile: "low_latency",
          turns: 20,
          p50: 520,
          p95: 1210,
          p99: 1400,
          over700: 3,
          hangs: 2,
        },
      ],
    });
    const lines = text.split("\n");
    expect(lines[0]).toBe(
      "Turn latency for Harbour Aesthetics, 2026-11-01 to 2026-11-07 (target 700 ms)",
    );
    expect(text).toContain("30 turns  p50 500 ms  p95 820 ms  p99 1400 ms  over 700 ms: 3 (10%)");
    const table = lines.filter((line) => line.startsWith("2026-"));
    expect(table).toEqual([
      "2026-11-01  standard        10  450 ms   690 ms   700 ms     0      0",
      "2026-11-02  low_latency     20  520 ms  1210 ms  1400 ms     3      2  !",
    ]);
    expect(lines.at(-1)).toMatch(/^p95 is 820 ms, over 700 ms: switch to the low-latency profile/);
  });

  it("says when nothing was measured", () => {
    expect(
      formatLatencyReport({
        ...base,
        summary: { turns: 0, p50: null, p95: null, p99: null, over700: 0 },
        days: [],
      }),
    ).toContain("No turns measured in this range.");
  });
});
