"use client";

import { TriangleAlert } from "lucide-react";
import { useState } from "react";

import { saveRota } from "@/lib/actions/diary-config";
import type { RotaRow } from "@/lib/db/routing";
import { rotaGaps } from "@/lib/hours/routing";
import { WEEKDAYS } from "@/lib/validations/diary-config";
import { rotaGapWarning } from "@/lib/validations/routing";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";

import { FormMessage } from "./form-message";
import { useConfigForm } from "./use-config-form";

type Night = { clinicianName: string; phoneNumber: string };

/**
 * Who is on call which nights (noon to noon, clinic-local): a name and a number per night.
 * Nights left empty are allowed but warned about, as the caller will get no clinician.
 */
export function OnCallRotaEditor({ rota, canEdit }: { rota: RotaRow[]; canEdit: boolean }) {
  const [nights, setNights] = useState<Record<number, Night>>(() =>
    Object.fromEntries(
      WEEKDAYS.map(({ weekday }) => {
        const row = rota.find((night) => night.weekday === weekday);
        return [
          weekday,
          { clinicianName: row?.clinicianName ?? "", phoneNumber: row?.phoneNumber ?? "" },
        ];
      }),
    ),
  );
  const form = useConfigForm();
  // The nights as sent: only filled-in ones, in order (errors come back by index).
  const filled = WEEKDAYS.filter(
    ({ weekday }) => nights[weekday]!.clinicianName.trim() || nights[weekday]!.phoneNumber.trim(),
  ).map(({ weekday }) => ({ weekday, ...nights[weekday]! }));
  const warning = rotaGapWarning(rotaGaps(filled));
  const edit = (weekday: number, key: keyof Night, value: string) =>
    setNights((current) => ({ ...current, [weekday]: { ...current[weekday]!, [key]: value } }));

  return (
    <Card className="max-w-3xl">
      <CardHeader>
        <CardTitle>On-call rota</CardTitle>
        <CardDescription>
          The clinician urgent post-operative callers are put through to when the front desk is
          closed, and who is texted about urgent calls. A night runs from noon to noon the next day,
          so Monday night covers until Tuesday midday.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          aria-label="On-call rota"
          noValidate
          className="grid gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            form.submit(() => saveRota({ nights: filled }), { savedMessage: "Rota saved." });
          }}
        >
          <ul className="grid gap-2">
            {WEEKDAYS.map(({ weekday, name }) => {
              const index = filled.findIndex((night) => night.weekday === weekday);
              const problem = index === -1 ? undefined : form.fieldErrors[`nights.${index}`];
              const errorId = `rota-${weekday}-error`;
              return (
                <li
                  key={weekday}
                  className="grid gap-1 border-b pb-2 last:border-b-0"
                  data-testid={`rota-${name.toLowerCase()}`}
                >
                  <div className="grid items-center gap-2 sm:grid-cols-[8rem_1fr_12rem]">
                    <span className="text-sm font-medium">{name} night</span>
                    <Input
                      aria-label={`${name} night: clinician`}
                      placeholder="Nobody on call"
                      aria-invalid={Boolean(problem)}
                      aria-describedby={problem ? errorId : undefined}
                      disabled={!canEdit}
                      value={nights[weekday]!.clinicianName}
                      onChange={(event) => edit(weekday, "clinicianName", event.target.value)}
                    />
                    <Input
                      aria-label={`${name} night: number`}
                      type="tel"
                      inputMode="tel"
                      placeholder="+15555550100"
                      aria-invalid={Boolean(problem)}
                      aria-describedby={problem ? errorId : undefined}
                      disabled={!canEdit}
                      value={nights[weekday]!.phoneNumber}
                      onChange={(event) => edit(weekday, "phoneNumber", event.target.value)}
                    />
                  </div>
                  {problem ? (
                    <p id={errorId} className="text-destructive text-sm">
                      {problem}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {warning ? (
            <Alert data-testid="rota-gaps">
              <TriangleAlert aria-hidden />
              <AlertDescription>{warning}</AlertDescription>
            </Alert>
          ) : null}
          {form.fieldErrors.nights ? (
            <p className="text-destructive text-sm">{form.fieldErrors.nights}</p>
          ) : null}
          <FormMessage error={form.error} saved={form.saved} />
          {canEdit ? (
            <div>
              <Button type="submit" disabled={form.pending}>
                Save rota
              </Button>
            </div>
          ) : null}
        </form>
      </CardContent>
    </Card>
  );
}
