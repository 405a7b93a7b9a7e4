import { Circle, CircleCheck } from "lucide-react";
import Link from "next/link";

import type { StepState } from "@/lib/onboarding/steps";

/** The steps with a tick for each one done, each linking to its section of /onboarding. */
export function StepList({ steps, showMissing }: { steps: StepState[]; showMissing?: boolean }) {
  return (
    <ol className="grid gap-2">
      {steps.map((step, index) => (
        <li key={step.step} className="flex items-start gap-2 text-sm" data-done={step.done}>
          {step.done ? (
            <CircleCheck className="text-success mt-0.5 size-4 shrink-0" aria-label="Done" />
          ) : (
            <Circle className="text-muted-foreground mt-0.5 size-4 shrink-0" aria-label="To do" />
          )}
          <span>
            <Link href={`/onboarding#${step.step}`} className="underline-offset-4 hover:underline">
              {index + 1}. {step.title}
            </Link>
            {showMissing && !step.done ? (
              <span className="text-muted-foreground block text-xs">{step.missing}</span>
            ) : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
