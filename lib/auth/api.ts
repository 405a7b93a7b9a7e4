import "server-only";

import { AppError } from "@/lib/api/errors";
import type { ClinicMembership } from "@/lib/db/clinics";

import type { Claims } from "./claims";
import { loadMemberships } from "./clinic";
import { getSessionClaims } from "./session";

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
