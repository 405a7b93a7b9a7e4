import type { Metadata } from "next";

import { getClinicContext } from "@/lib/auth/clinic";
import { listRules } from "@/lib/redaction/service";
import { AdminsOnly } from "@/components/dashboard/admins-only";
import { PageHeader } from "@/components/dashboard/page-header";
import { RedactionTester } from "@/components/redaction/redaction-tester";
import { RulesManager } from "@/components/redaction/rules-manager";

export const metadata: Metadata = { title: "Redaction" };

export default async function RedactionPage() {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  if (current.role !== "admin") return <AdminsOnly what="Redaction rules" />;
  const rules = await listRules(claims, current.id);

  return (
    <div className="grid gap-6">
      <PageHeader
        title="Redaction"
        description="Transcripts are stored only after redaction. Names, phone numbers, emails, dates of birth, addresses, ids, card numbers and medical history are always removed; add rules for anything specific to your clinic."
      />
      <RedactionTester />
      <section className="grid gap-3">
        <h2 className="text-sm font-medium">Your clinic&apos;s rules</h2>
        <RulesManager rules={rules} />
      </section>
    </div>
  );
}
