import type { Metadata } from "next";
import { FileText } from "lucide-react";

import { getClinicContext } from "@/lib/auth/clinic";
import { listAftercareDocuments } from "@/lib/db/catalog";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatInClinicZone } from "@/components/dashboard/format";
import { EmptyState } from "@/components/dashboard/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";
import { ReadOnlyNotice } from "@/components/dashboard/read-only-notice";

export const metadata: Metadata = { title: "Aftercare" };

export default async function AftercarePage() {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  const documents = await listAftercareDocuments(claims, current.id);

  return (
    <>
      <PageHeader title="Aftercare" description="PDFs texted to callers who asked about a procedure and did not book.">
        <ReadOnlyNotice role={current.role} />
      </PageHeader>
      {documents.length === 0 ? (
        <EmptyState icon={FileText} title="No aftercare documents yet">
          Upload a PDF and assign it to a procedure. Callers who ask about that procedure receive a private link to it.
        </EmptyState>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {documents.map((document) => (
            <Card key={document.id}>
              <CardHeader>
                <CardTitle className="flex items-center gap-2">
                  <FileText className="text-primary size-4" aria-hidden />
                  {document.title}
                </CardTitle>
                <CardDescription>
                  {document.fileName} · {Math.max(1, Math.round(document.sizeBytes / 1024))} KB
                </CardDescription>
              </CardHeader>
              <CardContent className="text-muted-foreground grid gap-1 text-sm">
                <span>For: {document.procedures.join(", ") || "no procedure yet"}</span>
                <span>Updated {formatInClinicZone(document.updatedAt, current.timezone, { timeStyle: undefined })}</span>
              </CardContent>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
