import "server-only";

import { cookies } from "next/headers";
import { cache } from "react";

import { listMyClinics, type ClinicMembership } from "@/lib/db/clinics";
import { asSignedIn } from "@/lib/db/transaction";

import { requireClaims } from "./session";

/** Which of the person's clinics the dashboard shows; switching sets this cookie. */
export const CLINIC_COOKIE = "cw-clinic";

export interface ClinicContext {
  claims: Awaited<ReturnType<typeof requireClaims>>;
  clinics: ClinicMembership[];
  /** null when the person belongs to no clinic yet. */
  current: ClinicMembership | null;
}

/** The person's clinics with their role in each, read as them (RLS-scoped). */
export const loadMemberships = asSignedIn(listMyClinics);

/** The signed-in person, their clinics, and the one selected (cached per request). */
export const getClinicContext = cache(async (): Promise<ClinicContext> => {
  const claims = await requireClaims();
  const clinics = await loadMemberships(claims);
  const selected = (await cookies()).get(CLINIC_COOKIE)?.value;
  const current = clinics.find((clinic) => clinic.id === selected) ?? clinics[0] ?? null;
  return { claims, clinics, current };
});
