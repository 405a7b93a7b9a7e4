import "server-only";

import type { Claims } from "@/lib/auth/claims";
import { listAftercareDocuments } from "@/lib/db/catalog";
import { firstConsultationProcedure } from "@/lib/db/procedures";
import * as db from "@/lib/db/procedures-admin";
import { asSignedIn, withClaims, withService } from "@/lib/db/transaction";

// As the signed-in person: RLS lets members read and only the clinic's admins write, and the
// audit trigger records who changed what.

/** The Procedures page: every procedure with its answers, and (for the edit form) the documents to choose from. */
export function loadProcedures(
  claims: Claims,
  clinicId: string,
  options: { withDocuments: boolean },
) {
  return withClaims(claims, async (tx) => ({
    procedures: await db.listAdminProcedures(tx, clinicId),
    documents: options.withDocuments ? await listAftercareDocuments(tx, clinicId) : [],
  }));
}

export const listAdminProcedures = asSignedIn(db.listAdminProcedures);
export const saveProcedure = asSignedIn(db.saveProcedure);
export const setProcedureActive = asSignedIn(db.setProcedureActive);
export const moveProcedure = asSignedIn(db.moveProcedure);
export const saveKnowledge = asSignedIn(db.saveKnowledge);
export const deleteKnowledge = asSignedIn(db.deleteKnowledge);

/** What the call simulator's demo caller asks to book in this clinic (service side: no person). */
export function demoConsultationProcedure(clinicId: string): Promise<string | null> {
  return withService((tx) => firstConsultationProcedure(tx, clinicId));
}
