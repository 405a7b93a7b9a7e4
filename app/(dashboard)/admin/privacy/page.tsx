import { ShieldCheck } from "lucide-react";
import type { Metadata } from "next";

import { getClinicContext } from "@/lib/auth/clinic";
import { loadPrivacyRequests } from "@/lib/privacy/requests";
import { loadAccessLog, loadPrivacyPage } from "@/lib/privacy/service";
import { accessFilterParamsSchema } from "@/lib/validations/privacy";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { AdminsOnly } from "@/components/dashboard/admins-only";
import { PageHeader } from "@/components/dashboard/page-header";
import { AccessLog } from "@/components/privacy/access-log";
import { PatientRequests } from "@/components/privacy/patient-requests";
import { PrivacySettingsForm } from "@/components/privacy/privacy-settings-form";
import { PurgeRuns } from "@/components/privacy/purge-runs";

export const metadata: Metadata = { title: "Privacy" };

/** Steps no API call can take: they are the Vapi organization's and the providers' contracts. */
const OUTSIDE_THE_API = [
  {
    step: "Sign a BAA with Vapi and turn on HIPAA mode for the organization",
    detail:
      "Vapi honours the assistant's HIPAA mode only on an Enterprise plan or with the HIPAA add-on. Zero data retention is the alternative add-on (Dashboard → Organization → Settings → Billing & Add-Ons); the two are mutually exclusive, and neither can be switched on through the API. The Vapi SDK this app uses (2.0.1) describes an organization's hipaaEnabled but offers no call to read it, so the app cannot check this for you.",
  },
  {
    step: "BAAs (or zero-retention terms) with the speech, model and voice providers",
    detail:
      "Deepgram (speech to text), OpenAI (the model) and ElevenLabs (the voice) receive the call as it happens. Use keys under your own agreements in Vapi's Provider Credentials; Deepgram's model-improvement opt-out, which the assistant sets, applies only with your own Deepgram key.",
  },
  {
    step: "Twilio: a BAA, and no recording on the number",
    detail:
      "Twilio carries the call to Vapi and the texts to patients. Keep call recording off in the number's voice configuration.",
  },
  {
    step: "Supabase and the host: a BAA, and the project in your region",
    detail:
      "The database holds appointments, redacted transcripts and texts; the host runs the app, whose logs carry no patient data.",
  },
  {
    step: "Recordings, if you turn them on",
    detail:
      "With HIPAA mode, Vapi stores recordings only in your own S3 or GCP bucket, set up on Vapi's Provider Credentials page.",
  },
];

export default async function PrivacyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { claims, current, viewerZone } = await getClinicContext();
  if (!current) return null;
  if (current.role !== "admin") return <AdminsOnly what="The clinic's privacy settings" />;
  const filter = accessFilterParamsSchema.parse(await searchParams);
  const [{ settings, purgeRuns }, access, requests] = await Promise.all([
    loadPrivacyPage(claims, current.id),
    loadAccessLog(claims, current.id, {
      actorId: filter.staff,
      patientId: filter.patient,
      from: filter.from,
      to: filter.to,
    }),
    loadPrivacyRequests(claims, current.id),
  ]);
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Privacy"
        description="What Voxanne's calls leave behind at Vapi and here, what callers are told, and how long each kind of data is kept. The full map of who receives what is in docs/data-flow.md."
      />
      <PrivacySettingsForm settings={settings} clinicName={current.name} />
      <Card className="max-w-3xl">
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <ShieldCheck className="size-4" aria-hidden /> Outside this app
          </CardTitle>
          <CardDescription>
            HIPAA mode above changes the assistant; these steps are contracts and organization
            settings that no API call can make. Until they are done, treat calls as not covered.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ol className="grid list-decimal gap-3 pl-5 text-sm" data-testid="outside-the-api">
            {OUTSIDE_THE_API.map((item) => (
              <li key={item.step}>
                <p className="font-medium">{item.step}</p>
                <p className="text-muted-foreground">{item.detail}</p>
              </li>
            ))}
          </ol>
        </CardContent>
      </Card>
      <PurgeRuns runs={purgeRuns} clinic={current} viewerZone={viewerZone} />
      <PatientRequests clinicId={current.id} requests={requests} />
      <AccessLog
        rows={access.rows}
        actors={access.actors}
        filter={filter}
        clinic={current}
        viewerZone={viewerZone}
      />
    </div>
  );
}
