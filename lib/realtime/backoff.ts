/** Reconnect delays: 1 s, 2 s, 4 s ... capped at 30 s, with jitter so tabs don't stampede. */
export function backoffDelay(attempt: number, random = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** attempt);
  return Math.round(base * (0.75 + random() * 0.5));
}
