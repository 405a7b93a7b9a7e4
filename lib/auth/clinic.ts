import "server-only";

import { cookies } from "next/headers";
import { cache } from "react";

import { listMyClinics, type ClinicMembership } from "@/lib/db/clinics";
import { asSignedIn } from "@/lib/db/transaction";
import { VIEWER_ZONE_COOKIE } from "@/lib/format";
import { isTimeZone } from "@/lib/validations/onboarding";

import { requireClaims } from "./session";

/** Which of the person's clinics the dashboard shows; switching sets this cookie. */
export const CLINIC_COOKIE = "cw-clinic";

export interface ClinicContext {
  claims: Awaited<ReturnType<typeof requireClaims>>;
  clinics: ClinicMembership[];
  /** null when the person belongs to no clinic yet. */
  current: ClinicMembership | null;
  /**
   * The staff member's browser zone, as their browser last said (a cookie); null until it has.
   * lib/format names a time's zone when this could differ from the clinic's.
   */
  viewerZone: string | null;
}

/** The person's clinics with their role in each, read as them (RLS-scoped). */
export const loadMemberships = asSignedIn(listMyClinics);

/** The signed-in person, their clinics, and the one selected (cached per request). */
export const getClinicContext = cache(async (): Promise<ClinicContext> => {
  const claims = await requireClaims();
  const clinics = await loadMemberships(claims);
  const jar = await cookies();
  const selected = jar.get(CLINIC_COOKIE)?.value;
  const current = clinics.find((clinic) => clinic.id === selected) ?? clinics[0] ?? null;
  const zone = jar.get(VIEWER_ZONE_COOKIE)?.value;
  const viewerZone = zone && zone.length <= 64 && isTimeZone(zone) ? zone : null;
  return { claims, clinics, current, viewerZone };
});
