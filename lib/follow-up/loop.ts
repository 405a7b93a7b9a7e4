import { runPurgeIfDue } from "@/lib/privacy/purge";
import { runReminders } from "@/lib/reminders/worker";

import { runFollowUps } from "./worker";

const INTERVAL_MS = 3_000;
const shared = globalThis as unknown as {
  __followUpLoop?: boolean;
  __followUpPass?: Promise<void> | null;
  __followUpAgain?: boolean;
};

/**
 * Runs worker passes now, until nothing new was asked for while one ran. Calls made during a
 * pass join it and ask for one more, so passes never overlap within a process (across
 * processes, SKIP LOCKED keeps jobs apart). State lives on globalThis because Next.js loads
 * instrumentation and route handlers as separate module instances.
 */
export function runFollowUpsNow(): Promise<void> {
  if (shared.__followUpPass) {
    shared.__followUpAgain = true;
    return shared.__followUpPass;
  }
  shared.__followUpPass = (async () => {
    do {
      shared.__followUpAgain = false;
      try {
        await runFollowUps();
      } catch (error) {
        console.warn(`[follow-up] pass skipped: ${(error as Error).message}`);
      }
      // Appointment confirmations, reminders and answers to replies (lib/reminders), in the same pass.
      try {
        await runReminders();
      } catch (error) {
        console.warn(`[reminders] pass skipped: ${(error as Error).message}`);
      }
    } while (shared.__followUpAgain);
    // The daily retention purge (lib/privacy/purge.ts): checked every 10 minutes, run once a
    // day, beside the passes rather than in them, so a long purge never delays a text.
    void runPurgeIfDue().catch((error: Error) =>
      console.warn(`[purge] pass skipped: ${error.message}`),
    );
  })().finally(() => {
    shared.__followUpPass = null;
  });
  return shared.__followUpPass;
}

/**
 * The in-app follow-up worker (embedded default; in production a cron route drives it too):
 * a pass every few seconds catches retries and anything a request-time pass missed.
 */
export function startFollowUpWorker() {
  if (shared.__followUpLoop) return;
  shared.__followUpLoop = true;
  const tick = () => void runFollowUpsNow().finally(() => setTimeout(tick, INTERVAL_MS).unref());
  setTimeout(tick, INTERVAL_MS).unref();
}
