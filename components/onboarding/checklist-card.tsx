import { ListChecks } from "lucide-react";
import Link from "next/link";

import type { StepState } from "@/lib/onboarding/steps";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

import { StepList } from "./step-list";

/** The live board's "finish setting up" card: what is missing, hidden once everything is done. */
export function ChecklistCard({ steps, canEdit }: { steps: StepState[]; canEdit: boolean }) {
  const left = steps.filter((step) => !step.done).length;
  if (left === 0) return null;
  return (
    <Card data-testid="onboarding-checklist" className="mb-6">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <ListChecks className="size-5" aria-hidden />
          Finish setting up your clinic
        </CardTitle>
        <CardDescription>
          {left} of {steps.length} steps left before Voxanne answers your calls.
          {canEdit ? "" : " Ask an admin of this clinic to finish them."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <StepList steps={steps} showMissing />
        {canEdit ? (
          <Button asChild className="justify-self-start">
            <Link href={`/onboarding#${steps.find((step) => !step.done)!.step}`}>
              Continue setting up
            </Link>
          </Button>
        ) : null}
      </CardContent>
    </Card>
  );
}
