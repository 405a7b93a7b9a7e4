"use client";

import { useState, useTransition } from "react";

import { assignDocument } from "@/lib/actions/aftercare";
import type { ProcedureOption } from "@/lib/db/aftercare-admin";
import { Button } from "@/components/ui/button";

interface Props {
  id: string;
  procedures: ProcedureOption[];
  /** Titles of the clinic's documents, to say what a procedure sends now. */
  titles: Record<string, string>;
  onDone: () => void;
}

/** Choose exactly which procedures send this document; a procedure sends one document at most. */
export function AssignForm({ id, procedures, titles, onDone }: Props) {
  const [chosen, setChosen] = useState(
    () => new Set(procedures.filter((p) => p.aftercareDocumentId === id).map((p) => p.id)),
  );
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const toggle = (procedureId: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(procedureId);
      else next.delete(procedureId);
      return next;
    });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await assignDocument({ id, procedureIds: [...chosen] });
      setError(result.error);
      if (!result.error) onDone();
    });
  };

  return (
    <form onSubmit={submit} className="grid gap-3" aria-label="Choose procedures">
      {procedures.length === 0 ? (
        <p className="text-muted-foreground text-sm">
          Add procedures first, on the Procedures page.
        </p>
      ) : null}
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Sent for</legend>
        {procedures.map((procedure) => {
          const other =
            procedure.aftercareDocumentId && procedure.aftercareDocumentId !== id
              ? titles[procedure.aftercareDocumentId]
              : undefined;
          return (
            <div key={procedure.id} className="flex flex-wrap items-center gap-x-2 text-sm">
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  className="accent-primary size-4"
                  checked={chosen.has(procedure.id)}
                  onChange={(event) => toggle(procedure.id, event.target.checked)}
                />
                {procedure.name}
              </label>
              {!procedure.active ? (
                <span className="text-muted-foreground text-xs">inactive</span>
              ) : null}
              {other && chosen.has(procedure.id) ? (
                <span className="text-warning text-xs">instead of {other}</span>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      {error ? <p className="text-destructive text-sm">{error}</p> : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          Save procedures
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
