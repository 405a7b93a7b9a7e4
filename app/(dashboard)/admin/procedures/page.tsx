import { ListChecks } from "lucide-react";
import type { Metadata } from "next";

import { getClinicContext } from "@/lib/auth/clinic";
import { loadProcedures } from "@/lib/procedures/service";
import { EmptyState } from "@/components/dashboard/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";
import { ReadOnlyNotice } from "@/components/dashboard/read-only-notice";
import { ProceduresManager } from "@/components/procedures/procedures-manager";

export const metadata: Metadata = { title: "Procedures" };

export default async function ProceduresPage() {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  const canEdit = current.role === "admin";
  // Only the edit form needs the documents to choose from.
  const { procedures, documents } = await loadProcedures(claims, current.id, {
    withDocuments: canEdit,
  });

  return (
    <div className="grid gap-6">
      <PageHeader
        title="Procedures"
        description="What Voxanne can talk about and book, the words callers use for each, and the answers it may give."
      >
        <ReadOnlyNotice role={current.role} />
      </PageHeader>
      {procedures.length === 0 ? (
        <EmptyState icon={ListChecks} title="No procedures yet">
          {canEdit
            ? "Add the procedures your clinic offers. The assistant matches what callers say to these names and synonyms."
            : "Your clinic admin has not added any procedures yet."}
        </EmptyState>
      ) : null}
      {canEdit || procedures.length > 0 ? (
        <ProceduresManager
          procedures={procedures}
          documents={documents.map(({ id, title }) => ({ id, title }))}
          canEdit={canEdit}
        />
      ) : null}
    </div>
  );
}
