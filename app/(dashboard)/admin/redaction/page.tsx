import type { Metadata } from "next";
import { ShieldCheck } from "lucide-react";

import { getClinicContext } from "@/lib/auth/clinic";
import { listRedactionRules } from "@/lib/db/catalog";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { AdminsOnly } from "@/components/dashboard/admins-only";
import { EmptyState } from "@/components/dashboard/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";

export const metadata: Metadata = { title: "Redaction" };

export default async function RedactionPage() {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  if (current.role !== "admin") return <AdminsOnly what="Redaction rules" />;
  const rules = await listRedactionRules(claims, current.id);

  return (
    <>
      <PageHeader
        title="Redaction"
        description="Your clinic's own rules, applied on top of the built-in detectors before any transcript line is stored."
      />
      {rules.length === 0 ? (
        <EmptyState icon={ShieldCheck} title="No clinic rules yet">
          Names, numbers, dates of birth and medical history are always redacted. Add keywords or patterns for anything
          specific to your clinic, such as record numbers.
        </EmptyState>
      ) : (
        <div className="rounded-lg border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Rule</TableHead>
                <TableHead>Replaced with</TableHead>
                <TableHead className="hidden md:table-cell">Why</TableHead>
                <TableHead>State</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rules.map((rule) => (
                <TableRow key={rule.id}>
                  <TableCell>
                    <code className="bg-muted rounded px-1.5 py-0.5 text-xs">{rule.value}</code>
                    <span className="text-muted-foreground ml-2 text-xs">{rule.kind}</span>
                  </TableCell>
                  <TableCell>
                    <Badge variant="secondary">[{rule.category}]</Badge>
                  </TableCell>
                  <TableCell className="text-muted-foreground hidden max-w-sm truncate md:table-cell">{rule.description}</TableCell>
                  <TableCell>
                    <Badge variant={rule.enabled ? "success" : "outline"}>{rule.enabled ? "On" : "Off"}</Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
