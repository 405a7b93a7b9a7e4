import "server-only";

import { AppError } from "@/lib/api/errors";
import type { Claims } from "@/lib/auth/claims";
import { blockInDiary, removeBlockInDiary } from "@/lib/db/reservations";
import { withClaims } from "@/lib/db/transaction";

import { DAY_MS, id, instant } from "./input";
import { loadOrFail } from "./load";
import { writeRefusal } from "./refusals";

/**
 * Time blocked in the diary by staff (a practitioner's admin hour, a room out of use) and its
 * removal: checked as the diary's service checks a booking (./service.ts), written by the same
 * SQL under the same locks, so a block never lands on an appointment.
 */

export async function blockTime(
  claims: Claims,
  clinicId: string,
  input: {
    practitionerId: string | null;
    resourceId: string | null;
    start: string;
    end: string;
    reason: string;
  },
): Promise<{ blockId: string }> {
  const start = instant(input.start, "start");
  const end = instant(input.end, "end");
  if (end <= start) throw new AppError("invalid", "The end must be after the start.");
  if (end.getTime() - start.getTime() > 31 * DAY_MS)
    throw new AppError(
      "invalid",
      "Block at most 31 days at once; use time off or a closure for longer.",
    );
  if (!input.practitionerId && !input.resourceId)
    throw new AppError("invalid", "Choose a practitioner or a room to block.");
  if (input.practitionerId) id(input.practitionerId, "a practitioner");
  if (input.resourceId) id(input.resourceId, "a room or device");
  const reason = String(input.reason ?? "").trim();
  if (reason.length > 200)
    throw new AppError("invalid", "The reason is too long (at most 200 characters).");
  return withClaims(claims, async (tx) => {
    const diary = await loadOrFail(tx, clinicId, {
      from: new Date(start.getTime() - DAY_MS),
      to: new Date(end.getTime() + DAY_MS),
    });
    if (end <= diary.clinic.now) throw new AppError("invalid", "That time has already passed.");
    if (
      input.practitionerId &&
      !diary.config.practitioners.some((p) => p.id === input.practitionerId)
    )
      throw new AppError("invalid", "That practitioner does not exist or is not active.");
    if (input.resourceId && !diary.config.resources.some((r) => r.id === input.resourceId))
      throw new AppError("invalid", "That room or device does not exist.");
    const result = await blockInDiary(tx, {
      clinicId,
      practitionerId: input.practitionerId,
      resourceId: input.resourceId,
      start,
      end,
      reason: reason || "Blocked",
    });
    if (result.outcome !== "ok" || !result.id)
      throw writeRefusal(diary, result, {
        practitionerId: input.practitionerId,
        resourceId: input.resourceId,
        start,
      });
    return { blockId: result.id };
  });
}

export async function removeBlock(
  claims: Claims,
  clinicId: string,
  input: { blockId: string },
): Promise<void> {
  id(input.blockId, "the blocked time to remove");
  const outcome = await withClaims(claims, (tx) => removeBlockInDiary(tx, clinicId, input.blockId));
  if (outcome === "forbidden")
    throw new AppError("forbidden", "You are not a member of this clinic.");
  if (outcome === "not_found")
    throw new AppError("not_found", "That blocked time no longer exists.");
}
