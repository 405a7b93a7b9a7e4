"use client";

import { Loader2 } from "lucide-react";
import { useActionState, useState, useSyncExternalStore } from "react";

import { createClinic, saveClinicDetails, type FormState } from "@/lib/actions/onboarding";
import {
  CLINIC_CURRENCIES,
  CLINIC_LOCALES,
  CURRENCY_LABELS,
  formatPhone,
  LOCALE_LABELS,
  localeDefaults,
} from "@/lib/format";
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
 * The clinic's name, IANA time zone, front desk number, locale and currency: creating a clinic
 * (`mode="create"`) or changing them in the walk-through's first step. Until the admin picks a
 * locale or currency, both follow the time zone (else the front desk number's country), as the
 * database derives them (lib/format/locale.ts).
 */
export function ClinicDetailsForm({
  mode,
  zones,
  initial,
}: {
  mode: "create" | "edit";
  zones: string[];
  initial?: {
    name: string;
    timezone: string;
    frontDeskNumber: string;
    locale: string;
    currency: string;
  };
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
  const [frontDesk, setFrontDesk] = useState(() => values?.frontDeskNumber ?? "");
  const [locale, setLocale] = useState(() => values?.locale ?? "");
  const [currency, setCurrency] = useState(() => values?.currency ?? "");
  const derived = localeDefaults(chosen, frontDesk.replace(/[\s().-]/g, "") || null);
  const shownLocale = locale || derived.locale;
  const shownCurrency = currency || derived.currency;
  const example = /^\+[1-9]\d{6,14}$/.test(frontDesk.replace(/[\s().-]/g, ""))
    ? formatPhone(frontDesk.replace(/[\s().-]/g, ""), { locale: shownLocale })
    : null;
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
            onChange={(event) => setFrontDesk(event.target.value)}
            required
          />
        )}
      </FormField>
      <p className="text-muted-foreground -mt-2 text-xs">
        Where Voxanne puts callers through to a person, with its country code.
      </p>
      <FormField label="Dates, times and phone numbers" error={state.fieldErrors?.locale}>
        {(props) => (
          <select
            {...props}
            name="locale"
            className={SELECT}
            value={shownLocale}
            onChange={(event) => setLocale(event.target.value)}
          >
            {CLINIC_LOCALES.map((value) => (
              <option key={value} value={value}>
                {LOCALE_LABELS[value]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <p className="text-muted-foreground -mt-2 text-xs" data-testid="locale-example">
        How the dashboard, patients&apos; texts and Voxanne write and say them
        {example ? `: the front desk reads ${example}` : ""}. Numbers from the clinic&apos;s own
        country are written nationally, others with their country code.
      </p>
      <FormField label="Currency" error={state.fieldErrors?.currency}>
        {(props) => (
          <select
            {...props}
            name="currency"
            className={SELECT}
            value={shownCurrency}
            onChange={(event) => setCurrency(event.target.value)}
          >
            {CLINIC_CURRENCIES.map((value) => (
              <option key={value} value={value}>
                {CURRENCY_LABELS[value]}
              </option>
            ))}
          </select>
        )}
      </FormField>
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
