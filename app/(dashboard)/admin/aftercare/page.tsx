import { FileText } from "lucide-react";
import type { Metadata } from "next";

import { listAftercareAdmin } from "@/lib/aftercare/service";
import { getClinicContext } from "@/lib/auth/clinic";
import { DocumentCard } from "@/components/aftercare/document-card";
import { UploadForm } from "@/components/aftercare/upload-form";
import { EmptyState } from "@/components/dashboard/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";
import { ReadOnlyNotice } from "@/components/dashboard/read-only-notice";

export const metadata: Metadata = { title: "Aftercare" };

export default async function AftercarePage() {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  const canEdit = current.role === "admin";
  const { documents, procedures } = await listAftercareAdmin(claims, current.id);
  const titles = Object.fromEntries(documents.map((document) => [document.id, document.title]));

  return (
    <div className="grid gap-6">
      <PageHeader
        title="Aftercare"
        description="PDFs texted to callers who asked about a procedure and did not book."
      >
        <ReadOnlyNotice role={current.role} />
      </PageHeader>
      {canEdit ? <UploadForm clinicId={current.id} /> : null}
      {documents.length === 0 ? (
        <EmptyState icon={FileText} title="No aftercare documents yet">
          {canEdit
            ? "Upload a PDF and assign it to a procedure. Callers who ask about that procedure receive a private link to it."
            : "Your clinic admin has not uploaded any aftercare documents yet."}
        </EmptyState>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {documents.map((document) => (
            <DocumentCard
              key={document.id}
              clinicId={current.id}
              document={document}
              procedures={procedures}
              titles={titles}
              canEdit={canEdit}
            />
          ))}
        </div>
      )}
    </div>
  );
}
