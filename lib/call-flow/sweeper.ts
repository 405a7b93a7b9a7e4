import { expireManageOffers } from "@/lib/db/appointment-changes";
import { expireSlotHolds } from "@/lib/db/slots";
import { withService } from "@/lib/db/transaction";

import { closeLostCalls } from "./lost-calls";

const INTERVAL_MS = 15_000;
const globalForSweeper = globalThis as unknown as { __holdSweeper?: NodeJS.Timeout };

/**
 * Removes holds past held_until (and expired offers) every 15 s, and closes calls that outlived
 * the assistant's maximum duration without an end as lost (lost-calls.ts). Claims already treat an
 * expired hold as free, so this only keeps the diary, counts and the board honest; a failed sweep is retried next tick.
 */
export function startHoldSweeper() {
  if (globalForSweeper.__holdSweeper) return;
  const timer = setInterval(() => {
    withService(async (tx) => {
      await expireSlotHolds(tx);
      // The manage link page's offers, an hour after they expired (issue 15).
      await expireManageOffers(tx);
    }).catch((error: Error) => console.warn(`[sweeper] skipped: ${error.message}`));
    // Calls that stopped sending messages without an end, closed as lost (issue 20).
    closeLostCalls().catch((error: Error) =>
      console.warn(`[sweeper] lost calls skipped: ${error.message}`),
    );
  }, INTERVAL_MS);
  timer.unref();
  globalForSweeper.__holdSweeper = timer;
}
