import type { LatencyDay } from "@/lib/db/latency";
import { LATENCY_TARGET_MS, latencyVerdict } from "@/lib/latency/rule";

export interface LatencyReportInput {
  clinic: string;
  profile: string;
  from: string;
  to: string;
  summary: {
    turns: number;
    p50: number | null;
    p95: number | null;
    p99: number | null;
    over700: number;
  };
  days: LatencyDay[];
}

const ms = (value: number | null) => (value === null ? "-" : `${value} ms`);

/** `npm run latency:report` as text: the Latency page's summary and per-day, per-profile table. */
export function formatLatencyReport(input: LatencyReportInput): string {
  const { summary } = input;
  const lines = [
    `Turn latency for ${input.clinic}, ${input.from} to ${input.to} (target ${LATENCY_TARGET_MS} ms)`,
    "",
  ];
  if (summary.turns === 0) {
    lines.push("No turns measured in this range.");
    return lines.join("\n");
  }
  const share = Math.round((summary.over700 / summary.turns) * 1000) / 10;
  lines.push(
    `${summary.turns} turns  p50 ${ms(summary.p50)}  p95 ${ms(summary.p95)}  p99 ${ms(summary.p99)}  over ${LATENCY_TARGET_MS} ms: ${summary.over700} (${share}%)`,
    "",
  );
  const header = ["day", "profile", "turns", "p50", "p95", "p99", `>${LATENCY_TARGET_MS}`, "hangs"];
  const rows = input.days.map((d) => [
    d.day,
    d.profile,
    String(d.turns),
    ms(d.p50),
    ms(d.p95),
    ms(d.p99),
    String(d.over700),
    String(d.hangs),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  lines.push(
    line(header),
    ...rows.map((r, i) => line(r) + (input.days[i]!.p95 > LATENCY_TARGET_MS ? "  !" : "")),
  );
  const verdict = latencyVerdict(summary, input.profile);
  lines.push("");
  if (verdict.kind === "offer_low_latency") {
    lines.push(
      `p95 is ${verdict.p95} ms, over ${LATENCY_TARGET_MS} ms: switch to the low-latency profile (Admin -> Assistant, or npm run vapi:config -- --profile low_latency --push).`,
    );
  } else if (verdict.kind === "slow_on_low_latency") {
    lines.push(
      `p95 is ${verdict.p95} ms on the low-latency profile: look at tool-call time and the model next.`,
    );
  } else if (verdict.kind === "on_target") {
    lines.push(`p95 is within ${LATENCY_TARGET_MS} ms.`);
  } else {
    lines.push("Too few turns for a verdict on p95.");
  }
  return lines.join("\n");
}
