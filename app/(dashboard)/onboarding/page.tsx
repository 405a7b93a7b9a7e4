import type { Metadata } from "next";
import Link from "next/link";

import { getClinicContext } from "@/lib/auth/clinic";
import { loadDiaryConfig } from "@/lib/diary/config-service";
import { formatDateTime } from "@/lib/format";
import { loadOnboarding } from "@/lib/onboarding/service";
import { STARTER_PROCEDURES } from "@/lib/onboarding/starter";
import type { OnboardingStep, StepState } from "@/lib/onboarding/steps";
import { timeZones } from "@/lib/validations/onboarding";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { AdminsOnly } from "@/components/dashboard/admins-only";
import { PageHeader } from "@/components/dashboard/page-header";
import { ClosuresManager } from "@/components/diary-config/closures-manager";
import { WeeklyHoursEditor } from "@/components/diary-config/weekly-hours-editor";
import { ClinicDetailsForm } from "@/components/onboarding/clinic-details-form";
import { MarkHoursDone } from "@/components/onboarding/hours-step";
import { NumberForm } from "@/components/onboarding/number-step";
import { PractitionerForm } from "@/components/onboarding/practitioner-step";
import { StarterProceduresForm } from "@/components/onboarding/procedures-step";
import { StepList } from "@/components/onboarding/step-list";
import { TestCall } from "@/components/onboarding/test-call-step";

export const metadata: Metadata = { title: "Set up your clinic" };

function Step({
  state,
  index,
  description,
  children,
}: {
  state: StepState;
  index: number;
  description: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <Card id={state.step} className="max-w-3xl scroll-mt-6" data-testid={`step-${state.step}`}>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <h2>
            {index + 1}. {state.title}
          </h2>
          <Badge variant={state.done ? "default" : "outline"}>
            {state.done ? "Done" : "To do"}
          </Badge>
        </CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">{children}</CardContent>
    </Card>
  );
}

/**
 * The walk-through for a new clinic's admin: every step is a section of this page, saved as it
 * goes, so the admin can leave and come back; what is done is derived from the clinic's rows.
 */
export default async function OnboardingPage() {
  const { claims, current, viewerZone } = await getClinicContext();
  if (!current) return null;
  if (current.role !== "admin") return <AdminsOnly what="Setting up the clinic" />;
  const [onboarding, config] = await Promise.all([
    loadOnboarding(claims, current.id),
    loadDiaryConfig(claims, current.id),
  ]);
  if (!onboarding) return null;
  const { facts, steps, complete, env } = onboarding;
  const step = (key: OnboardingStep) => steps.find((item) => item.step === key)!;
  const index = (key: OnboardingStep) => steps.findIndex((item) => item.step === key);
  const types = config.appointmentTypes
    .filter((type) => type.active)
    .map((type) => ({ id: type.id, name: type.name }));
  const existing = config.procedures.map((procedure) => procedure.name.toLowerCase());
  const ready = config.practitioners.filter((practitioner) => practitioner.active);

  return (
    <div className="grid gap-6">
      <PageHeader
        title={`Set up ${facts.name}`}
        description="Six steps from a new account to a receptionist answering your number. Each is saved as you go: leave and come back any time."
      />
      <Card className="max-w-3xl" data-testid="onboarding-progress">
        <CardContent className="grid gap-3 pt-6">
          {complete ? (
            <p className="text-sm font-medium" role="status">
              Your clinic is set up. Watch calls arrive on the{" "}
              <Link href="/" className="underline underline-offset-4">
                live board
              </Link>
              .
            </p>
          ) : null}
          <StepList steps={steps} />
        </CardContent>
      </Card>

      <Step
        state={step("details")}
        index={index("details")}
        description="The name Voxanne greets callers with, the time zone of your opening hours and appointments, and the front desk she puts callers through to."
      >
        <ClinicDetailsForm
          mode="edit"
          zones={timeZones()}
          initial={{
            name: facts.name,
            timezone: facts.timezone,
            frontDeskNumber: facts.frontDeskNumber ?? "",
            locale: facts.locale,
            currency: facts.currency,
          }}
        />
      </Step>

      <Step
        state={step("hours")}
        index={index("hours")}
        description="When the front desk answers, in the clinic's time zone, and the days you are closed. Voxanne tells callers whether you are open and books only when you are."
      >
        <WeeklyHoursEditor
          practitionerId={null}
          practitionerName={facts.name}
          intervals={config.openingHours}
          canEdit
        />
        <ClosuresManager
          closures={config.closures}
          today={config.rules?.today ?? new Date().toISOString().slice(0, 10)}
          canEdit
        />
        <MarkHoursDone done={step("hours").done} />
      </Step>

      <Step
        state={step("procedures")}
        index={index("procedures")}
        description="Start from the aesthetic-clinic list: each procedure comes with a consultation and its treatment or surgery. Rename, change the minutes or untick what you don't offer."
      >
        {config.procedures.length ? (
          <p className="text-sm">
            The clinic has {config.procedures.length} procedure
            {config.procedures.length === 1 ? "" : "s"} and {config.appointmentTypes.length}{" "}
            appointment type{config.appointmentTypes.length === 1 ? "" : "s"} (
            <Link href="/admin/procedures" className="underline underline-offset-4">
              Procedures
            </Link>
            ,{" "}
            <Link href="/admin/diary" className="underline underline-offset-4">
              Diary setup
            </Link>
            ).
          </p>
        ) : null}
        <StarterProceduresForm starter={STARTER_PROCEDURES} existing={existing} />
      </Step>

      <Step
        state={step("practitioners")}
        index={index("practitioners")}
        description="Who sees patients: their role, what they perform and their weekly hours. Voxanne offers only times when someone who performs the appointment is working."
      >
        {ready.length ? (
          <ul className="grid gap-1 text-sm" aria-label="Practitioners">
            {ready.map((practitioner) => (
              <li key={practitioner.id}>
                <strong>{practitioner.name}</strong>
                {practitioner.title ? `, ${practitioner.title}` : ""}
              </li>
            ))}
          </ul>
        ) : null}
        <PractitionerForm types={types} />
      </Step>

      <Step
        state={step("number")}
        index={index("number")}
        description={
          env.vapiConfigured
            ? "The Twilio number patients ring. Connecting imports it into Vapi with your front desk as the fallback, and sends Vapi the clinic's assistant."
            : "The Twilio number patients ring. This server has no VAPI_API_KEY, so it cannot connect the number to Vapi: in this local demo the call simulator plays Vapi instead. In production set VAPI_API_KEY, TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN and press Connect."
        }
      >
        {facts.phoneNumber && facts.vapiNumberSyncedAt ? (
          <p className="text-sm" role="status">
            {facts.phoneNumber} is connected to Vapi
            {facts.vapiAssistantId ? " and the assistant is up to date" : ""}.
          </p>
        ) : facts.vapiNumberError ? (
          <p className="text-destructive text-sm">Last attempt: {facts.vapiNumberError}</p>
        ) : null}
        <NumberForm phoneNumber={facts.phoneNumber} />
      </Step>

      <Step
        state={step("test_call")}
        index={index("test_call")}
        description={
          env.simulator
            ? "The call simulator rings your number as Vapi would, and a caller books your first consultation."
            : "Ring the clinic's number and check Voxanne answers."
        }
      >
        {facts.lastCall ? (
          <p className="text-sm" role="status" data-testid="test-call-outcome">
            A call arrived {formatDateTime(facts.lastCall.createdAt, facts, { viewerZone })}; it is{" "}
            {facts.lastCall.state.replaceAll("_", " ")}.{" "}
            <Link href={`/calls/${facts.lastCall.id}`} className="underline underline-offset-4">
              See the call
            </Link>
          </p>
        ) : null}
        <TestCall simulator={env.simulator} phoneNumber={facts.phoneNumber} calls={facts.calls} />
      </Step>
    </div>
  );
}
