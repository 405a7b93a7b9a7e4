// Runs once per server process, before it serves anything: the production guard first, then the
// background work that keeps the system honest even when a request-time task was lost. Every job
// here is idempotent and safe with several instances.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads this file too; the guard is about the running server's configuration.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { checkDeployment } = await import("@/lib/deployment/service");
  try {
    await checkDeployment();
  } catch (error) {
    // Fail at boot, saying exactly why, instead of serving patients on unsafe settings.
    console.error(`[callwaiting] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const { startHoldSweeper } = await import("@/lib/call-flow/sweeper");
  startHoldSweeper();
  const { startFollowUpWorker } = await import("@/lib/follow-up/loop");
  startFollowUpWorker();
}
