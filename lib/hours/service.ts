import "server-only";

import type { Claims } from "@/lib/auth/claims";
import { loadOpeningSchedule } from "@/lib/db/opening-hours";
import { loadRoutingSource } from "@/lib/db/routing";
import { withClaims } from "@/lib/db/transaction";

import type { OpeningSchedule } from "./opening";
import { parseLocalMoment, previewTransfer, type TransferPreview } from "./transfer-preview";

/** The clinic's opening hours and current closures, as the signed-in member (RLS). */
export function getOpeningSchedule(claims: Claims, clinicId: string): Promise<OpeningSchedule> {
  return withClaims(claims, (tx) => loadOpeningSchedule(tx, clinicId));
}

/**
 * "Test the transfer": where a transfer would go at `when` (clinic-local "YYYY-MM-DDTHH:MM",
 * or now when absent), from the clinic's stored hours, dates, closures and rota, as the
 * signed-in member sees them. A moment that is not one is refused in a sentence.
 */
export async function loadTransferPreview(
  claims: Claims,
  clinicId: string,
  when: string | undefined,
  now = Date.now(),
): Promise<{ preview: TransferPreview } | { error: string }> {
  return withClaims(claims, async (tx) => {
    const source = await loadRoutingSource(tx, clinicId);
    try {
      const at = when ? parseLocalMoment(source.schedule.timezone, when) : now;
      return { preview: previewTransfer(source, at) };
    } catch (error) {
      if (error instanceof RangeError) return { error: error.message };
      throw error;
    }
  });
}
