// Runs once per server process: background work that keeps the system honest even when a
// request-time task was lost. Every job here is idempotent and safe with several instances.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startHoldSweeper } = await import("@/lib/call-flow/sweeper");
  startHoldSweeper();
  const { startFollowUpWorker } = await import("@/lib/follow-up/loop");
  startFollowUpWorker();
}
