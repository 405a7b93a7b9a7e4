import { UsersRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { getClinicContext } from "@/lib/auth/clinic";
import { formatDateTime, formatMaskedPhone, formatPhone } from "@/lib/format";
import { loadPatients } from "@/lib/patients/service";
import { patientSearchSchema } from "@/lib/validations/patient";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { EmptyState } from "@/components/dashboard/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";

export const metadata: Metadata = { title: "Patients" };

// Everyone who has called, texted or been booked, one per number, most recently in touch first.
export default async function PatientsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { claims, current, viewerZone } = await getClinicContext();
  if (!current) return null;
  const { q } = patientSearchSchema.parse(await searchParams);
  const patients = await loadPatients(claims, current.id, q);
  const when = (at: Date | null) => (at ? formatDateTime(at, current, { viewerZone }) : "—");

  return (
    <div className="grid gap-6">
      <PageHeader
        title="Patients"
        description="Everyone who has called, texted or been booked, one record per number. Open one for their appointments, calls and texts."
      />
      <form className="flex max-w-md gap-2" role="search">
        <Input
          name="q"
          defaultValue={q ?? ""}
          placeholder="Search by name or number"
          aria-label="Search patients"
        />
        <Button type="submit" variant="outline">
          Search
        </Button>
      </form>
      {patients.length === 0 ? (
        <EmptyState icon={UsersRound} title={q ? "No patient matches" : "No patients yet"}>
          {q
            ? "Try part of a name, or the last digits of a number."
            : "Patients are added automatically the first time they call, text or are booked."}
        </EmptyState>
      ) : (
        <div className="rounded-xl border">
          <Table stack="lg">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Mobile</TableHead>
                <TableHead className="hidden md:table-cell">Next appointment</TableHead>
                <TableHead className="hidden md:table-cell">Last in touch</TableHead>
                <TableHead>Texts</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {patients.map((patient) => (
                <TableRow key={patient.id} data-testid="patient-row">
                  <TableCell label="Name">
                    <Link
                      href={`/patients/${patient.id}`}
                      className="font-medium underline-offset-2 hover:underline"
                    >
                      {patient.fullName ?? "Name not given"}
                    </Link>
                  </TableCell>
                  <TableCell label="Mobile">
                    {patient.phone
                      ? formatPhone(patient.phone, current)
                      : patient.phoneLast4
                        ? formatMaskedPhone(patient.phoneLast4)
                        : "—"}
                  </TableCell>
                  <TableCell label="Next appointment" className="hidden md:table-cell">
                    {when(patient.nextAppointmentAt)}
                  </TableCell>
                  <TableCell label="Last in touch" className="hidden md:table-cell">
                    {when(patient.lastContactAt)}
                  </TableCell>
                  <TableCell label="Texts">
                    {patient.optedOutAt ? (
                      <Badge variant="warning">Opted out</Badge>
                    ) : patient.smsConsent ? (
                      <Badge variant="outline">Yes</Badge>
                    ) : (
                      <Badge variant="outline">Replies only</Badge>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
