/** The reply time we hold Voxanne to: caller's last word to her first, per turn. */
export const LATENCY_TARGET_MS = 700;
/** Below this many measured turns a p95 is one slow call, not a pattern; no advice yet. */
export const MIN_TURNS_FOR_ADVICE = 20;

export interface LatencyFigures {
  turns: number;
  p95: number | null;
}

export type LatencyVerdict =
  | { kind: "unmeasured" }
  | { kind: "on_target" }
  /** p95 over target on the standard profile: offer the low-latency one. */
  | { kind: "offer_low_latency"; p95: number }
  /** p95 over target although the low-latency profile is on: nothing more to switch, look at tools and the model. */
  | { kind: "slow_on_low_latency"; p95: number };

/**
 * The optimisation rule: when a clinic's p95 over its recent turns exceeds 700 ms, say so and
 * offer the low-latency profile, unless it is already on.
 */
export function latencyVerdict(figures: LatencyFigures, profile: string): LatencyVerdict {
  if (figures.p95 === null || figures.turns < MIN_TURNS_FOR_ADVICE) return { kind: "unmeasured" };
  if (figures.p95 <= LATENCY_TARGET_MS) return { kind: "on_target" };
  return profile === "low_latency"
    ? { kind: "slow_on_low_latency", p95: figures.p95 }
    : { kind: "offer_low_latency", p95: figures.p95 };
}
