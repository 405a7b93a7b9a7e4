"use client";

import { Loader2 } from "lucide-react";
import { useActionState, useState, useSyncExternalStore } from "react";

import { createClinic, saveClinicDetails, type FormState } from "@/lib/actions/onboarding";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormMessage } from "@/components/diary-config/form-message";
import { FormField } from "@/components/form-field";

const SELECT =
  "border-input bg-background h-9 w-full rounded-md border px-3 text-sm shadow-xs focus-visible:outline-none focus-visible:ring-2";

const noSubscription = () => () => {};

function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return "UTC";
  }
}

/**
 * The clinic's name, IANA time zone and front desk number: creating a clinic (`mode="create"`)
 * or changing them in the walk-through's first step.
 */
export function ClinicDetailsForm({
  mode,
  zones,
  initial,
}: {
  mode: "create" | "edit";
  zones: string[];
  initial?: { name: string; timezone: string; frontDeskNumber: string };
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(
    mode === "create"
      ? createClinic
      : async (_previous: FormState, formData: FormData) => saveClinicDetails(formData),
    {},
  );
  const [zone, setZone] = useState(() => initial?.timezone ?? "");
  // A new clinic starts in the browser's time zone, known only after hydration.
  const detected = useSyncExternalStore(noSubscription, browserZone, () => "UTC");
  const chosen = zone || detected;
  const values = state.values ?? initial;
  return (
    <form action={action} className="grid gap-4" noValidate aria-label="Clinic details">
      {state.error ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{state.error}</AlertDescription>
        </Alert>
      ) : null}
      <FormField label="Clinic name" error={state.fieldErrors?.name}>
        {(props) => (
          <Input
            {...props}
            name="name"
            defaultValue={values?.name}
            required
            autoFocus={mode === "create"}
          />
        )}
      </FormField>
      <FormField label="Time zone" error={state.fieldErrors?.timezone}>
        {(props) => (
          <select
            {...props}
            name="timezone"
            className={SELECT}
            value={chosen}
            onChange={(event) => setZone(event.target.value)}
          >
            {zones.map((name) => (
              <option key={name} value={name}>
                {name.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Front desk number" error={state.fieldErrors?.frontDeskNumber}>
        {(props) => (
          <Input
            {...props}
            name="frontDeskNumber"
            type="tel"
            autoComplete="tel"
            placeholder="+44 20 7946 0018"
            defaultValue={values?.frontDeskNumber}
            required
          />
        )}
      </FormField>
      <p className="text-muted-foreground -mt-2 text-xs">
        Where Voxanne puts callers through to a person, with its country code.
      </p>
      {mode === "edit" ? (
        <FormMessage saved={state.error || state.fieldErrors ? undefined : state.message} />
      ) : null}
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending ? <Loader2 className="animate-spin" aria-hidden /> : null}
        {mode === "create" ? "Create clinic" : "Save details"}
      </Button>
    </form>
  );
}
