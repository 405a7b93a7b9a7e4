"use client";

import { useState, useTransition } from "react";

import { updatePatient } from "@/lib/actions/patients";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** Name, email and consent to appointment texts, as staff correct them. */
export function PatientDetailsForm({
  patient,
  optedOutAt,
}: {
  patient: { id: string; fullName: string | null; email: string | null; smsConsent: boolean };
  optedOutAt: string | null;
}) {
  const [fullName, setFullName] = useState(patient.fullName ?? "");
  const [email, setEmail] = useState(patient.email ?? "");
  const [smsConsent, setSmsConsent] = useState(patient.smsConsent);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <form
      className="grid gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          setMessage(null);
          const result = await updatePatient({
            patientId: patient.id,
            fullName,
            email,
            smsConsent,
          });
          setErrors(result.fieldErrors ?? {});
          if (result.error) setMessage({ ok: false, text: result.error });
          else if (!result.fieldErrors) setMessage({ ok: true, text: "Saved." });
        });
      }}
    >
      <div className="grid gap-1.5">
        <Label htmlFor="patient-name">Name</Label>
        <Input
          id="patient-name"
          value={fullName}
          onChange={(event) => setFullName(event.target.value)}
          aria-invalid={errors.fullName ? true : undefined}
          maxLength={200}
        />
        {errors.fullName ? <p className="text-destructive text-xs">{errors.fullName}</p> : null}
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="patient-email">Email</Label>
        <Input
          id="patient-email"
          type="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={errors.email ? true : undefined}
        />
        {errors.email ? <p className="text-destructive text-xs">{errors.email}</p> : null}
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          className="mt-1"
          checked={smsConsent}
          onChange={(event) => setSmsConsent(event.target.checked)}
        />
        <span>
          Agrees to appointment texts (reminders and confirmations)
          <span className="text-muted-foreground block text-xs">
            {optedOutAt
              ? `Replied STOP on ${optedOutAt}: no texts at all until they text START.`
              : "Replying STOP stops every text, whatever this says."}
          </span>
        </span>
      </label>
      {message ? (
        <Alert variant={message.ok ? "default" : "destructive"} role="status">
          <AlertDescription>{message.text}</AlertDescription>
        </Alert>
      ) : null}
      <Button type="submit" disabled={pending} className="w-fit">
        {pending ? "Saving…" : "Save details"}
      </Button>
    </form>
  );
}
