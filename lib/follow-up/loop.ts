import { runFollowUps } from "./worker";

const INTERVAL_MS = 3_000;
const globalForLoop = globalThis as unknown as { __followUpLoop?: boolean };

/**
 * The in-app follow-up worker (embedded default; in production a cron route can drive it
 * too). Passes never overlap within a process; across processes, SKIP LOCKED keeps jobs apart.
 */
export function startFollowUpWorker() {
  if (globalForLoop.__followUpLoop) return;
  globalForLoop.__followUpLoop = true;
  const tick = async () => {
    try {
      await runFollowUps();
    } catch (error) {
      console.warn(`[follow-up] pass skipped: ${(error as Error).message}`);
    } finally {
      setTimeout(tick, INTERVAL_MS).unref();
    }
  };
  setTimeout(tick, INTERVAL_MS).unref();
}
