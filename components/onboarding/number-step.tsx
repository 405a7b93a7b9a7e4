"use client";

import { useState } from "react";

import { connectClinicNumber, saveClinicNumber } from "@/lib/actions/onboarding";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormMessage } from "@/components/diary-config/form-message";
import { FormField } from "@/components/form-field";

import { Spinner, useStepAction } from "./step-action";

// Onboarding: the clinic's phone number, saved and connected.

export function NumberForm({ phoneNumber }: { phoneNumber: string | null }) {
  const [value, setValue] = useState(phoneNumber ?? "");
  const save = useStepAction();
  const connect = useStepAction();
  return (
    <div className="grid gap-4">
      <form
        aria-label="Clinic phone number"
        className="grid gap-3"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData();
          data.set("phoneNumber", value);
          save.run(() => saveClinicNumber(data));
        }}
      >
        <FormField label="Twilio number" error={save.state.fieldErrors?.phoneNumber}>
          {(props) => (
            <Input
              {...props}
              type="tel"
              placeholder="+44 20 7946 0018"
              value={value}
              onChange={(event) => setValue(event.target.value)}
            />
          )}
        </FormField>
        <FormMessage error={save.state.error} saved={save.state.message} />
        <Button
          type="submit"
          variant="outline"
          className="justify-self-start"
          disabled={save.pending}
        >
          <Spinner pending={save.pending} />
          Save number
        </Button>
      </form>
      <div className="grid gap-2">
        <FormMessage error={connect.state.error} saved={connect.state.message} />
        <Button
          className="justify-self-start"
          disabled={connect.pending || !phoneNumber}
          onClick={() => connect.run(() => connectClinicNumber({}))}
        >
          <Spinner pending={connect.pending} />
          Connect to Vapi
        </Button>
      </div>
    </div>
  );
}
