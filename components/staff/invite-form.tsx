"use client";

import { Check, Copy, Loader2, UserPlus } from "lucide-react";
import { useState, useTransition } from "react";

import { STAFF_ROLE_LABELS, STAFF_ROLES } from "@/types/staff";
import { inviteStaffMember } from "@/lib/actions/staff";
import { formatDateTime } from "@/lib/format";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { useClinicFormat } from "@/components/dashboard/clinic-format";
import { FormField } from "@/components/form-field";
import { selectClass } from "@/components/procedures/field-styles";

type Invited = { link: string; expiresAt: string; email: string } | { emailed: string };

/** Invite by email with a role; shows the one-time link (embedded) or says the email was sent. */
export function InviteForm({ delivery }: { delivery: "link" | "email" }) {
  const { clinic, viewerZone } = useClinicFormat();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [invited, setInvited] = useState<Invited>();
  const [copied, setCopied] = useState(false);

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const email = String(data.get("email") ?? "");
    startTransition(async () => {
      const result = await inviteStaffMember({ email, role: data.get("role") });
      setError(result.error);
      setFieldErrors(result.fieldErrors ?? {});
      if (result.error || result.fieldErrors) return;
      setCopied(false);
      if (result.link && result.expiresAt) {
        setInvited({ link: result.link, expiresAt: result.expiresAt, email: email.trim() });
      } else if (result.emailed) {
        setInvited({ emailed: email.trim() });
      }
      form.reset();
    });
  }

  return (
    <Card className="max-w-3xl">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <UserPlus className="size-4" aria-hidden /> Invite someone
        </CardTitle>
        <CardDescription>
          {delivery === "link"
            ? "You get a one-time link to pass on (it works once, for 7 days). They choose their name and password; someone who already works at another of your clinics signs in with their own password."
            : "Supabase Auth emails them an invitation; they set a password from its link. Someone who already has an account is added at once."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <form
          className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit(event.currentTarget);
          }}
        >
          <FormField label="Email" error={fieldErrors.email}>
            {(props) => (
              <Input {...props} name="email" type="email" placeholder="name@clinic.com" required />
            )}
          </FormField>
          <FormField label="Role" error={fieldErrors.role}>
            {(props) => (
              <select {...props} name="role" className={selectClass} defaultValue="receptionist">
                {STAFF_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {STAFF_ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <Button type="submit" disabled={pending} className="sm:mt-[1.375rem]">
            {pending ? <Loader2 className="animate-spin" aria-hidden /> : null}
            Invite
          </Button>
        </form>
        {error ? (
          <Alert variant="destructive" role="alert">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        ) : null}
        {invited && "link" in invited ? (
          <div className="bg-muted/50 grid gap-2 rounded-md border p-3" data-testid="invite-link">
            <p className="text-sm">
              Send this link to <strong>{invited.email}</strong>. It works once, until{" "}
              {formatDateTime(invited.expiresAt, clinic, { viewerZone })}, and is not shown again.
            </p>
            <div className="flex gap-2">
              <Input readOnly value={invited.link} aria-label="Invitation link" />
              <Button
                type="button"
                variant="outline"
                onClick={() => {
                  void navigator.clipboard?.writeText(invited.link).then(() => setCopied(true));
                }}
              >
                {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
                {copied ? "Copied" : "Copy"}
              </Button>
            </div>
          </div>
        ) : null}
        {invited && "emailed" in invited ? (
          <p className="text-sm" role="status">
            Invitation sent to <strong>{invited.emailed}</strong>.
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
