"use client";

import { Loader2 } from "lucide-react";
import { useActionState } from "react";

import { signUp, type FormState } from "@/lib/actions/onboarding";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/form-field";

/** A clinic owner's account: name, email and a password typed twice. */
export function SignUpForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(signUp, {});
  if (state.message)
    return (
      <p className="rounded-md border bg-emerald-50 p-3 text-sm text-emerald-900" role="status">
        {state.message}
      </p>
    );
  return (
    <form action={action} className="grid gap-4" noValidate>
      {state.error ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{state.error}</AlertDescription>
        </Alert>
      ) : null}
      <FormField label="Your name" error={state.fieldErrors?.name}>
        {(props) => (
          <Input
            {...props}
            name="name"
            autoComplete="name"
            defaultValue={state.values?.name}
            required
            autoFocus
          />
        )}
      </FormField>
      <FormField label="Email" error={state.fieldErrors?.email}>
        {(props) => (
          <Input
            {...props}
            name="email"
            type="email"
            autoComplete="email"
            defaultValue={state.values?.email}
            required
          />
        )}
      </FormField>
      <FormField label="Password" error={state.fieldErrors?.password}>
        {(props) => (
          <Input {...props} name="password" type="password" autoComplete="new-password" required />
        )}
      </FormField>
      <FormField label="Password again" error={state.fieldErrors?.confirm}>
        {(props) => (
          <Input {...props} name="confirm" type="password" autoComplete="new-password" required />
        )}
      </FormField>
      <p className="text-muted-foreground text-xs">
        At least 10 characters; not your email address.
      </p>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? <Loader2 className="animate-spin" aria-hidden /> : null}
        Create account
      </Button>
    </form>
  );
}
