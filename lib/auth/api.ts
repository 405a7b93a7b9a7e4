import "server-only";

import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/api/errors";
import type { ClinicMembership } from "@/lib/db/clinics";

import type { Claims } from "./claims";
import { loadMemberships } from "./clinic";
import { getSessionClaims } from "./session";
import { localSessionExpiry } from "./session-record";

/** For route handlers: the signed-in person and their membership of `clinicId`, or 401/403. */
export async function requireClinicMember(
  clinicId: string,
): Promise<{ claims: Claims; clinic: ClinicMembership }> {
  const claims = await getSessionClaims();
  if (!claims) throw new AppError("unauthorized", "Sign in to continue");
  const clinic = (await loadMemberships(claims)).find((membership) => membership.id === clinicId);
  if (!clinic) throw new AppError("forbidden", "You are not a member of this clinic");
  return { claims, clinic };
}

/**
 * For long-lived responses (SSE streams): whether the person verified earlier may still see
 * `clinicId`. Local sessions are re-checked (sign-out, removal, ban, absolute lifetime end them);
 * membership is re-read on both providers.
 */
export async function stillClinicMember(claims: Claims, clinicId: string): Promise<boolean> {
  if (getEnv().AUTH_PROVIDER === "local" && !(await localSessionExpiry(claims))) return false;
  return (await loadMemberships(claims)).some((membership) => membership.id === clinicId);
}
