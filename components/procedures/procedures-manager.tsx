"use client";

import { Plus } from "lucide-react";
import { useOptimistic, useState, useTransition } from "react";

import { moveProcedure, setProcedureActive } from "@/lib/actions/procedures";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { AdminProcedure } from "@/lib/db/procedures-admin";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";

import { ProcedureForm, type DocumentOption } from "./procedure-form";
import { ProcedureRow, type RowActions } from "./procedure-row";

type Change = { id: string; move: "up" | "down" } | { id: string; active: boolean };

function applyChange(rows: AdminProcedure[], change: Change): AdminProcedure[] {
  if ("active" in change)
    return rows.map((row) => (row.id === change.id ? { ...row, active: change.active } : row));
  const from = rows.findIndex((row) => row.id === change.id);
  const to = change.move === "up" ? from - 1 : from + 1;
  if (from === -1 || to < 0 || to >= rows.length) return rows;
  const next = [...rows];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/**
 * The clinic's procedures. Admins add, edit, reorder and (de)activate them and manage their
 * answers; moves and (de)activation show at once and roll back if the server refuses.
 */
export function ProceduresManager({
  procedures,
  documents,
  canEdit,
}: {
  procedures: AdminProcedure[];
  documents: DocumentOption[];
  canEdit: boolean;
}) {
  const [rows, apply] = useOptimistic(procedures, applyChange);
  const [editing, setEditing] = useState<AdminProcedure | "new" | null>(null);
  const [expanded, setExpanded] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const [, startTransition] = useTransition();

  const run = (change: Change, action: () => Promise<ActionResult>) =>
    startTransition(async () => {
      apply(change);
      setError(undefined);
      const result = await action();
      if (result.error) setError(result.error);
    });

  const actions: RowActions = {
    edit: (procedure) => setEditing(procedure),
    move: (procedure, direction) =>
      run({ id: procedure.id, move: direction }, () =>
        moveProcedure({ id: procedure.id, direction }),
      ),
    setActive: (procedure, active) =>
      run({ id: procedure.id, active }, () => setProcedureActive({ id: procedure.id, active })),
    toggleAnswers: (procedure) =>
      setExpanded((current) => (current === procedure.id ? null : procedure.id)),
  };
  const columns = canEdit ? 7 : 5;

  return (
    <div className="grid gap-4">
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      {canEdit ? (
        editing ? (
          <ProcedureForm
            key={editing === "new" ? "new" : editing.id}
            procedure={editing === "new" ? undefined : editing}
            documents={documents}
            onDone={() => setEditing(null)}
          />
        ) : (
          <div>
            <Button onClick={() => setEditing("new")}>
              <Plus aria-hidden /> Add a procedure
            </Button>
          </div>
        )
      ) : null}
      {rows.length > 0 ? (
        <div className="rounded-lg border">
          <Table stack="md">
            <TableHeader>
              <TableRow>
                {canEdit ? (
                  <TableHead className="w-20">
                    <span className="sr-only">Order</span>
                  </TableHead>
                ) : null}
                <TableHead>Procedure</TableHead>
                <TableHead className="hidden md:table-cell">Callers also say</TableHead>
                <TableHead className="hidden lg:table-cell">Duration</TableHead>
                <TableHead className="hidden sm:table-cell">Aftercare</TableHead>
                <TableHead className="text-right">Answers</TableHead>
                {canEdit ? (
                  <TableHead className="text-right">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((procedure, index) => (
                <ProcedureRow
                  key={procedure.id}
                  procedure={procedure}
                  first={index === 0}
                  last={index === rows.length - 1}
                  expanded={expanded === procedure.id}
                  actions={actions}
                  canEdit={canEdit}
                  columns={columns}
                />
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </div>
  );
}
