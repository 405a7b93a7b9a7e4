import { MessageSquare } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";

import { AppError } from "@/lib/api/errors";
import { getClinicContext } from "@/lib/auth/clinic";
import { dayKey, formatDate, formatDateTime } from "@/lib/format";
import { loadPatientPage } from "@/lib/patients/service";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/dashboard/page-header";
import { PatientContact } from "@/components/dashboard/patient-contact";
import { PatientDetailsForm } from "@/components/patients/patient-details-form";

export const metadata: Metadata = { title: "Patient" };

const STATUS_VARIANT = {
  pending: "warning",
  confirmed: "success",
  arrived: "secondary",
  completed: "outline",
  cancelled: "outline",
  no_show: "destructive",
} as const;

// One patient: their details (staff correct name, email, consent), appointments, calls and texts.
export default async function PatientPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { claims, current, viewerZone } = await getClinicContext();
  if (!current) return null;
  const { patientId } = await params;
  if (!z.uuid().safeParse(patientId).success) notFound();
  const page = await loadPatientPage(claims, current.id, patientId).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const { patient, appointments, calls, texts } = page;
  const when = (at: Date | null) => (at ? formatDateTime(at, current, { viewerZone }) : "—");

  return (
    <div className="grid gap-6">
      <PageHeader
        title={patient.fullName ?? "Name not given"}
        description={`${page.contact.last4 ? "" : "No number · "}First seen ${when(patient.createdAt)}`}
      />
      {page.contact.last4 ? (
        <p className="-mt-4 text-sm" data-testid="patient-number">
          <PatientContact
            phone={page.contact.phone}
            last4={page.contact.last4}
            patientId={patient.id}
            name={patient.fullName}
          />
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[22rem_1fr]">
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <PatientDetailsForm
              patient={{
                id: patient.id,
                fullName: patient.fullName,
                email: patient.email,
                smsConsent: patient.smsConsent,
              }}
              optedOutAt={patient.optedOutAt ? formatDate(patient.optedOutAt, current) : null}
            />
          </CardContent>
        </Card>
        <div className="grid content-start gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Appointments</CardTitle>
            </CardHeader>
            <CardContent>
              {appointments.length === 0 ? (
                <p className="text-muted-foreground text-sm">No appointments.</p>
              ) : (
                <ul className="divide-y" aria-label="Appointments">
                  {appointments.map((a) => (
                    <li
                      key={a.id}
                      className="flex flex-wrap items-center gap-2 py-2 text-sm"
                      data-testid="patient-appointment"
                    >
                      <Link
                        className="font-medium underline-offset-2 hover:underline"
                        href={
                          a.startsAt
                            ? `/diary?date=${dayKey(a.startsAt, current.timezone)}&booking=${a.id}`
                            : "/bookings"
                        }
                      >
                        {when(a.startsAt)}
                      </Link>
                      <span className="text-muted-foreground">
                        {[a.typeName, a.practitioner].filter(Boolean).join(" · ")}
                      </span>
                      {a.waiting ? (
                        <Badge variant="outline" className="ml-auto" data-testid="waitlisted">
                          Waitlist: wants earlier
                        </Badge>
                      ) : null}
                      <Badge
                        className={a.waiting ? "capitalize" : "ml-auto capitalize"}
                        variant={
                          STATUS_VARIANT[a.status as keyof typeof STATUS_VARIANT] ?? "outline"
                        }
                      >
                        {a.status === "no_show" ? "no-show" : a.status}
                      </Badge>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Calls</CardTitle>
            </CardHeader>
            <CardContent>
              {calls.length === 0 ? (
                <p className="text-muted-foreground text-sm">No calls.</p>
              ) : (
                <ul className="divide-y" aria-label="Calls">
                  {calls.map((c) => (
                    <li
                      key={c.id}
                      className="flex items-center gap-2 py-2 text-sm"
                      data-testid="patient-call"
                    >
                      <Link
                        href={`/calls/${c.id}`}
                        className="font-medium underline-offset-2 hover:underline"
                      >
                        {when(c.startedAt)}
                      </Link>
                      <span className="text-muted-foreground">
                        {c.durationMs ? `${Math.round(c.durationMs / 1000)} s` : ""}
                      </span>
                      <Badge variant="outline" className="ml-auto">
                        {(c.outcome ?? c.state).replaceAll("_", " ")}
                      </Badge>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader className="flex flex-row items-center justify-between">
              <CardTitle>Texts</CardTitle>
              <Link
                href={`/messages?patient=${patient.id}`}
                className="text-primary flex items-center gap-1 text-sm font-medium underline-offset-2 hover:underline"
              >
                <MessageSquare className="size-4" aria-hidden />
                Open conversation
              </Link>
            </CardHeader>
            <CardContent>
              {texts.length === 0 ? (
                <p className="text-muted-foreground text-sm">No texts.</p>
              ) : (
                <ul className="divide-y" aria-label="Texts">
                  {texts.slice(-10).map((t) => (
                    <li key={t.id} className="grid gap-0.5 py-2 text-sm" data-testid="patient-text">
                      <span className="text-muted-foreground text-xs">
                        {t.direction === "inbound"
                          ? "From patient"
                          : t.sentBy
                            ? `Sent by ${t.sentBy}`
                            : "Automatic"}{" "}
                        · {when(t.createdAt)}
                      </span>
                      <span className="line-clamp-2">
                        {t.body ||
                          (t.mediaCount ? `${t.mediaCount} attachment(s)` : "(empty text)")}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
