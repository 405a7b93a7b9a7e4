"use client";

import { Loader2 } from "lucide-react";
import { useActionState } from "react";

import { acceptInvitation, type AcceptState } from "@/lib/actions/staff";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/form-field";

export function AcceptInviteForm({ token, existing }: { token: string; existing: boolean }) {
  const [state, action, pending] = useActionState<AcceptState, FormData>(
    acceptInvitation.bind(null, token),
    {},
  );
  return (
    <form action={action} className="grid gap-4" noValidate>
      {state.error ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{state.error}</AlertDescription>
        </Alert>
      ) : null}
      <input type="hidden" name="existing" value={existing ? "1" : "0"} />
      {existing ? null : (
        <FormField label="Your name" error={state.fieldErrors?.name}>
          {(props) => (
            <Input
              {...props}
              name="name"
              autoComplete="name"
              defaultValue={state.name}
              required
              autoFocus
            />
          )}
        </FormField>
      )}
      <FormField label={existing ? "Password" : "New password"} error={state.fieldErrors?.password}>
        {(props) => (
          <Input
            {...props}
            name="password"
            type="password"
            autoComplete={existing ? "current-password" : "new-password"}
            required
          />
        )}
      </FormField>
      {existing ? null : (
        <FormField label="Password again" error={state.fieldErrors?.confirm}>
          {(props) => (
            <Input {...props} name="confirm" type="password" autoComplete="new-password" required />
          )}
        </FormField>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? <Loader2 className="animate-spin" aria-hidden /> : null}
        {existing ? "Accept invitation" : "Create account and join"}
      </Button>
    </form>
  );
}
