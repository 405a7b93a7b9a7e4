"use client";

import { useState } from "react";

import { importStarterProcedures } from "@/lib/actions/onboarding";
import type { StarterProcedure } from "@/lib/onboarding/starter";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormMessage } from "@/components/diary-config/form-message";

import { Spinner, useStepAction } from "./step-action";

// Onboarding: the starter procedures, chosen and imported.

interface Row {
  key: string;
  chosen: boolean;
  name: string;
  consultationMinutes: string;
  mainMinutes: string;
  kind: string;
}

export function StarterProceduresForm({
  starter,
  existing,
}: {
  starter: StarterProcedure[];
  /** Lower-case names the clinic already has (shown as imported). */
  existing: string[];
}) {
  const [rows, setRows] = useState<Row[]>(() =>
    starter.map((item) => ({
      key: item.key,
      chosen: !existing.includes(item.name.toLowerCase()),
      name: item.name,
      consultationMinutes: String(item.consultationMinutes),
      mainMinutes: String(item.main.minutes),
      kind: item.main.kind,
    })),
  );
  const { state, pending, run } = useStepAction();
  const set = (index: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const chosen = rows.filter((row) => row.chosen);
  return (
    <form
      aria-label="Starter procedures"
      className="grid gap-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        run(() =>
          importStarterProcedures({
            items: chosen.map((row) => ({
              key: row.key,
              name: row.name,
              consultationMinutes: Number(row.consultationMinutes || 0),
              mainMinutes: Number(row.mainMinutes || 0),
            })),
          }),
        );
      }}
    >
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="text-muted-foreground text-left">
            <tr>
              <th className="w-8 py-1 font-normal">
                <span className="sr-only">Import</span>
              </th>
              <th className="py-1 font-normal">Procedure</th>
              <th className="py-1 font-normal">Consultation (min)</th>
              <th className="py-1 font-normal">Treatment or surgery (min)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const imported = existing.includes(row.name.toLowerCase());
              return (
                <tr key={row.key} className="border-t">
                  <td className="py-1.5">
                    <input
                      type="checkbox"
                      aria-label={`Import ${row.name}`}
                      checked={row.chosen}
                      onChange={(event) => set(index, { chosen: event.target.checked })}
                    />
                  </td>
                  <td className="py-1.5 pr-2">
                    <Input
                      aria-label={`Name of ${row.key}`}
                      value={row.name}
                      onChange={(event) => set(index, { name: event.target.value })}
                      disabled={!row.chosen}
                    />
                    {imported ? (
                      <span className="text-muted-foreground text-xs">Already imported</span>
                    ) : null}
                  </td>
                  <td className="w-36 py-1.5 pr-2">
                    <Input
                      aria-label={`${row.name} consultation minutes`}
                      inputMode="numeric"
                      value={row.consultationMinutes}
                      onChange={(event) => set(index, { consultationMinutes: event.target.value })}
                      disabled={!row.chosen}
                    />
                  </td>
                  <td className="w-36 py-1.5">
                    <Input
                      aria-label={`${row.name} ${row.kind} minutes`}
                      inputMode="numeric"
                      value={row.mainMinutes}
                      onChange={(event) => set(index, { mainMinutes: event.target.value })}
                      disabled={!row.chosen}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="text-muted-foreground text-xs">
        0 minutes leaves that appointment out. Surgery is confirmed by staff; treatments book at
        once. Change anything later under Procedures and Diary setup.
      </p>
      <FormMessage error={state.error} saved={state.message} />
      <Button type="submit" className="justify-self-start" disabled={pending || !chosen.length}>
        <Spinner pending={pending} />
        Import {chosen.length} procedure{chosen.length === 1 ? "" : "s"}
      </Button>
    </form>
  );
}
