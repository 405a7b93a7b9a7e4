import "server-only";

import { AppError } from "@/lib/api/errors";
import type { Claims } from "@/lib/auth/claims";
import { accessActors, listAccess, type AccessFilter } from "@/lib/db/access-log";
import * as db from "@/lib/db/privacy";
import { withClaims } from "@/lib/db/transaction";

import { DEFAULT_PRIVACY, type PrivacySettings } from "./settings";

/** Admin → Privacy: the clinic's settings (defaults when never saved) and its latest purge runs. */
export function loadPrivacyPage(claims: Claims, clinicId: string) {
  return withClaims(claims, async (tx) => ({
    settings: (await db.getPrivacySettings(tx, clinicId)) ?? DEFAULT_PRIVACY,
    purgeRuns: await db.recentPurgeRuns(tx, clinicId),
  }));
}

/** Saves the settings as the signed-in person (RLS: admins of the clinic; audited by trigger). */
export async function updatePrivacySettings(
  claims: Claims,
  clinicId: string,
  settings: PrivacySettings,
): Promise<void> {
  await withClaims(claims, async (tx) => {
    try {
      await db.savePrivacySettings(tx, clinicId, settings, claims.sub);
    } catch (error) {
      if ((error as { code?: string }).code === "42501")
        throw new AppError("forbidden", "Only clinic admins can change privacy settings.");
      throw error;
    }
  });
}

/** Admin → Privacy's access log: who opened which call or patient, filtered (RLS: admins only). */
export function loadAccessLog(claims: Claims, clinicId: string, filter: AccessFilter) {
  return withClaims(claims, async (tx) => ({
    rows: await listAccess(tx, clinicId, filter),
    actors: await accessActors(tx, clinicId),
  }));
}
