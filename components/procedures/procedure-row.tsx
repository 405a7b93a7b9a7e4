"use client";

import { ArrowDown, ArrowUp, ChevronDown, ChevronRight, Pencil } from "lucide-react";

import type { AdminProcedure } from "@/lib/db/procedures-admin";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TableCell, TableRow } from "@/components/ui/table";

import { KnowledgePanel } from "./knowledge-panel";

export interface RowActions {
  edit: (procedure: AdminProcedure) => void;
  move: (procedure: AdminProcedure, direction: "up" | "down") => void;
  setActive: (procedure: AdminProcedure, active: boolean) => void;
  toggleAnswers: (procedure: AdminProcedure) => void;
}

interface Props {
  procedure: AdminProcedure;
  first: boolean;
  last: boolean;
  expanded: boolean;
  actions: RowActions;
  /** Receptionists get the same row without the edit controls. */
  canEdit: boolean;
  columns: number;
}

/** One procedure, and under it (when expanded) its approved answers. */
export function ProcedureRow({
  procedure,
  first,
  last,
  expanded,
  actions,
  canEdit,
  columns,
}: Props) {
  const answers = procedure.knowledge.length;
  const Chevron = expanded ? ChevronDown : ChevronRight;
  return (
    <>
      <TableRow data-testid="procedure-row" className={procedure.active ? undefined : "opacity-70"}>
        {canEdit ? (
          <TableCell label="Order" className="w-20">
            <div className="flex gap-0.5">
              <Button
                size="icon-sm"
                variant="ghost"
                disabled={first}
                aria-label={`Move ${procedure.name} up`}
                onClick={() => actions.move(procedure, "up")}
              >
                <ArrowUp aria-hidden />
              </Button>
              <Button
                size="icon-sm"
                variant="ghost"
                disabled={last}
                aria-label={`Move ${procedure.name} down`}
                onClick={() => actions.move(procedure, "down")}
              >
                <ArrowDown aria-hidden />
              </Button>
            </div>
          </TableCell>
        ) : null}
        <TableCell>
          <div className="font-medium">{procedure.name}</div>
          {!procedure.active ? <Badge variant="outline">Inactive</Badge> : null}
        </TableCell>
        <TableCell
          label="Callers also say"
          className="text-muted-foreground hidden max-w-sm truncate md:table-cell"
        >
          {procedure.synonyms.join(", ") || "—"}
        </TableCell>
        <TableCell label="Duration" className="hidden tabular-nums lg:table-cell">
          {procedure.durationMinutes} min
        </TableCell>
        <TableCell label="Aftercare" className="hidden sm:table-cell">
          {procedure.aftercareTitle ? (
            <Badge variant="success">{procedure.aftercareTitle}</Badge>
          ) : (
            <span className="text-muted-foreground text-sm">None</span>
          )}
        </TableCell>
        <TableCell label="Answers" className="text-right">
          <Button
            size="sm"
            variant="ghost"
            aria-expanded={expanded}
            aria-label={`Answers for ${procedure.name} (${answers})`}
            onClick={() => actions.toggleAnswers(procedure)}
          >
            <span className="tabular-nums">{answers}</span>
            <Chevron aria-hidden />
          </Button>
        </TableCell>
        {canEdit ? (
          <TableCell label="Actions" className="text-right">
            <div className="flex items-center justify-end gap-1">
              <Button
                size="icon-sm"
                variant="ghost"
                aria-label={`Edit ${procedure.name}`}
                onClick={() => actions.edit(procedure)}
              >
                <Pencil aria-hidden />
              </Button>
              <Button
                size="sm"
                variant="outline"
                aria-label={`${procedure.active ? "Deactivate" : "Reactivate"} ${procedure.name}`}
                onClick={() => actions.setActive(procedure, !procedure.active)}
              >
                {procedure.active ? "Deactivate" : "Reactivate"}
              </Button>
            </div>
          </TableCell>
        ) : null}
      </TableRow>
      {expanded ? (
        <TableRow className="bg-muted/30 hover:bg-muted/30">
          <TableCell colSpan={columns} className="whitespace-normal">
            <KnowledgePanel procedure={procedure} canEdit={canEdit} />
          </TableCell>
        </TableRow>
      ) : null}
    </>
  );
}
