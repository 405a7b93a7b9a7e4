"use client";

import { confirmHours } from "@/lib/actions/onboarding";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/diary-config/form-message";

import { Spinner, useStepAction } from "./step-action";

// Onboarding: the opening hours, confirmed as they are.

export function MarkHoursDone({ done }: { done: boolean }) {
  const { state, pending, run } = useStepAction();
  return (
    <div className="grid gap-2">
      <FormMessage error={state.error} saved={state.message} />
      <Button
        className="justify-self-start"
        disabled={pending || done}
        onClick={() => run(() => confirmHours({}))}
      >
        <Spinner pending={pending} />
        {done ? "Hours reviewed" : "These hours are right"}
      </Button>
    </div>
  );
}
