"use client";

import { Loader2 } from "lucide-react";
import { useState, useTransition } from "react";

import type { FormState } from "@/lib/actions/onboarding";

// What every onboarding step shares: one action at a time, its answer kept.

/** Runs one onboarding action and keeps what it answered. */
export function useStepAction() {
  const [state, setState] = useState<FormState>({});
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<FormState>, onDone?: (state: FormState) => void) =>
    startTransition(async () => {
      const result = await action();
      setState(result);
      if (!result.error && !result.fieldErrors) onDone?.(result);
    });
  return { state, pending, run };
}

export function Spinner({ pending }: { pending: boolean }) {
  return pending ? <Loader2 className="animate-spin" aria-hidden /> : null;
}
