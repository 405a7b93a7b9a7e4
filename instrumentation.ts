// Runs once per server process. Starts the background sweeper for expired slot holds; on
// Supabase with pg_cron the database sweeps too, and both are idempotent.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startHoldSweeper } = await import("@/lib/call-flow/sweeper");
  startHoldSweeper();
}
