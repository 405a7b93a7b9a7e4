import "server-only";

import { AppError } from "@/lib/api/errors";
import type { Claims } from "@/lib/auth/claims";
import {
  eraseSubject as dbErase,
  listPrivacyRequests,
  subjectData,
  type AreaCounts,
  type ErasureResult,
  type Subject,
  type SubjectData,
} from "@/lib/db/patient-requests";
import { withClaims } from "@/lib/db/transaction";

import { AREA_INFO, AREAS } from "./registry";

// Requests from patients (issue 16): admins search, export and erase everything the clinic
// holds about a number or patient. The database checks the admin and does the work in one
// transaction (lib/db/patient-requests.ts); this maps its refusals to sentences.

function refusal(error: unknown): never {
  const code = (error as { code?: string }).code;
  if (code === "42501")
    throw new AppError(
      "forbidden",
      "Only the clinic's admins can search, export or erase a patient's data.",
    );
  if (code === "P0002")
    throw new AppError(
      "not_found",
      "The clinic holds nothing about this number or patient, so there is nothing to export or erase.",
    );
  throw error;
}

export interface SearchResult {
  found: AreaCounts;
  /** The patient records found (names as stored), for the admin to check it is the right person. */
  patients: { id: string; fullName: string | null; email: string | null }[];
  total: number;
}

/** What is held about the subject, counted per area (nothing recorded: a search shows no contents). */
export async function searchSubject(
  claims: Claims,
  clinicId: string,
  subject: Subject,
): Promise<SearchResult> {
  const result = await withClaims(claims, (tx) => subjectData(tx, clinicId, subject, false)).catch(
    refusal,
  );
  const patients = (result.data.patients ?? []).map((row) => ({
    id: String(row.id),
    fullName: (row.full_name as string | null) ?? null,
    email: (row.email as string | null) ?? null,
  }));
  const total = Object.values(result.found).reduce<number>((sum, n) => sum + (n ?? 0), 0);
  return { found: result.found, patients, total };
}

export interface SubjectExport {
  clinic: string;
  subject: Subject;
  exportedAt: string;
  /** Per area: what it is, how many rows, and the rows as stored. */
  areas: { area: string; label: string; table: string; count: number; rows: unknown[] }[];
}

/** An export: every row held, per area; recorded in privacy_requests and the access log. */
export async function exportSubject(
  claims: Claims,
  clinic: { id: string; name: string },
  subject: Subject,
): Promise<SubjectExport> {
  const result: SubjectData = await withClaims(claims, (tx) =>
    subjectData(tx, clinic.id, subject, true),
  ).catch(refusal);
  return {
    clinic: clinic.name,
    subject,
    exportedAt: new Date().toISOString(),
    areas: AREAS.filter((area) => (result.found[area] ?? 0) > 0).map((area) => ({
      area,
      label: AREA_INFO[area].label,
      table: AREA_INFO[area].table,
      count: result.found[area] ?? 0,
      rows: result.data[area] ?? [],
    })),
  };
}

/** Erases the subject everywhere (one transaction); recorded in privacy_requests and the access log. */
export function eraseSubject(
  claims: Claims,
  clinicId: string,
  subject: Subject,
): Promise<ErasureResult> {
  return withClaims(claims, (tx) => dbErase(tx, clinicId, subject)).catch(refusal);
}

/** The clinic's request history (admins only, by RLS). */
export function loadPrivacyRequests(claims: Claims, clinicId: string) {
  return withClaims(claims, (tx) => listPrivacyRequests(tx, clinicId));
}
