import type { Metadata } from "next";
import { ListChecks } from "lucide-react";

import { getClinicContext } from "@/lib/auth/clinic";
import { listProcedures } from "@/lib/db/catalog";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { EmptyState } from "@/components/dashboard/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";
import { ReadOnlyNotice } from "@/components/dashboard/read-only-notice";

export const metadata: Metadata = { title: "Procedures" };

export default async function ProceduresPage() {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  const procedures = await listProcedures(claims, current.id);

  return (
    <>
      <PageHeader title="Procedures" description="What Voxanne can talk about and book, and the words callers use for each.">
        <ReadOnlyNotice role={current.role} />
      </PageHeader>
      {procedures.length === 0 ? (
        <EmptyState icon={ListChecks} title="No procedures yet">
          Add the procedures your clinic offers. The assistant matches what callers say to these names and synonyms.
        </EmptyState>
      ) : (
        <div className="rounded-lg border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Procedure</TableHead>
                <TableHead className="hidden md:table-cell">Callers also say</TableHead>
                <TableHead className="hidden sm:table-cell">Aftercare</TableHead>
                <TableHead className="text-right">Answers</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {procedures.map((procedure) => (
                <TableRow key={procedure.id}>
                  <TableCell>
                    <div className="font-medium">{procedure.name}</div>
                    {!procedure.active ? <Badge variant="outline">Inactive</Badge> : null}
                  </TableCell>
                  <TableCell className="text-muted-foreground hidden max-w-sm truncate md:table-cell">
                    {procedure.synonyms.join(", ") || "—"}
                  </TableCell>
                  <TableCell className="hidden sm:table-cell">
                    {procedure.aftercareTitle ? (
                      <Badge variant="success">{procedure.aftercareTitle}</Badge>
                    ) : (
                      <span className="text-muted-foreground text-sm">None</span>
                    )}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{procedure.knowledgeCount}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
