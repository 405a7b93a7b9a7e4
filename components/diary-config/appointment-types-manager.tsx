"use client";

import { ListChecks, Pencil, Plus } from "lucide-react";
import { useOptimistic, useState, useTransition } from "react";

import { setAppointmentTypeActive } from "@/lib/actions/diary-config";
import type {
  ConfigAppointmentType,
  ConfigPractitioner,
  ConfigProcedure,
  ConfigResource,
} from "@/lib/db/diary-config";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { EmptyState } from "@/components/dashboard/empty-state";

import { AppointmentTypeForm } from "./appointment-type-form";
import { formatMinutes, KIND_LABELS } from "./format";

type Editing = { procedureId: string; type?: ConfigAppointmentType } | null;

function Length({ type }: { type: ConfigAppointmentType }) {
  const buffers = [
    type.bufferBeforeMinutes ? `${type.bufferBeforeMinutes} min before` : null,
    type.bufferAfterMinutes ? `${type.bufferAfterMinutes} min after` : null,
  ].filter(Boolean);
  return (
    <div className="grid">
      <span className="tabular-nums">{formatMinutes(type.durationMinutes)}</span>
      {buffers.length ? (
        <span className="text-muted-foreground text-xs">+ {buffers.join(", ")}</span>
      ) : null}
    </div>
  );
}

/**
 * Every procedure with its appointment types (one consultation, treatment, surgery or review
 * each): how long, what buffers, which room or device, who performs it and how Voxanne's
 * bookings are confirmed. Admins add, edit and (de)activate them.
 */
export function AppointmentTypesManager({
  procedures,
  types,
  practitioners,
  resources,
  canEdit,
}: {
  procedures: ConfigProcedure[];
  types: ConfigAppointmentType[];
  practitioners: ConfigPractitioner[];
  resources: ConfigResource[];
  canEdit: boolean;
}) {
  const [rows, setActive] = useOptimistic(
    types,
    (current, change: { id: string; active: boolean }) =>
      current.map((row) => (row.id === change.id ? { ...row, active: change.active } : row)),
  );
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<string>();
  const [, startTransition] = useTransition();
  const practitionerName = new Map(practitioners.map((p) => [p.id, p.name]));
  const resourceName = new Map(resources.map((r) => [r.id, r.name]));

  const toggle = (type: ConfigAppointmentType) =>
    startTransition(async () => {
      setActive({ id: type.id, active: !type.active });
      setError(undefined);
      const result = await setAppointmentTypeActive({ id: type.id, active: !type.active });
      if (result.error) setError(result.error);
    });

  if (procedures.length === 0)
    return (
      <EmptyState icon={ListChecks} title="No procedures yet">
        Appointment types belong to procedures. Add procedures on the Procedures page first.
      </EmptyState>
    );

  return (
    <div className="grid gap-6">
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      {procedures.map((procedure) => {
        const own = rows.filter((type) => type.procedureId === procedure.id);
        const headingId = `procedure-${procedure.id}`;
        const formOpen = editing?.procedureId === procedure.id;
        return (
          <section
            key={procedure.id}
            aria-labelledby={headingId}
            className="grid gap-3"
            data-testid="procedure-types"
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id={headingId} className="flex items-center gap-2 text-lg font-semibold">
                {procedure.name}
                {!procedure.active ? <Badge variant="outline">Procedure inactive</Badge> : null}
              </h2>
              {canEdit && !formOpen && own.length < 4 ? (
                <Button
                  size="sm"
                  variant="outline"
                  aria-label={`Add an appointment type to ${procedure.name}`}
                  onClick={() => setEditing({ procedureId: procedure.id })}
                >
                  <Plus aria-hidden /> Add type
                </Button>
              ) : null}
            </div>
            {formOpen ? (
              <AppointmentTypeForm
                key={editing.type?.id ?? "new"}
                procedure={procedure}
                type={editing.type}
                takenKinds={own.map((type) => type.kind)}
                practitioners={practitioners}
                resources={resources}
                onDone={() => setEditing(null)}
              />
            ) : null}
            {own.length === 0 ? (
              <p className="text-muted-foreground rounded-lg border border-dashed px-4 py-3 text-sm">
                Nothing bookable yet for {procedure.name}.
              </p>
            ) : (
              <div className="rounded-lg border">
                <Table stack="md">
                  <TableHeader>
                    <TableRow>
                      <TableHead>Appointment type</TableHead>
                      <TableHead>Length</TableHead>
                      <TableHead className="hidden md:table-cell">Needs</TableHead>
                      <TableHead>Practitioners</TableHead>
                      {canEdit ? (
                        <TableHead className="text-right">
                          <span className="sr-only">Actions</span>
                        </TableHead>
                      ) : null}
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {own.map((type) => (
                      <TableRow
                        key={type.id}
                        data-testid="appointment-type-row"
                        className={type.active ? undefined : "opacity-70"}
                      >
                        <TableCell label="Appointment type" className="whitespace-normal">
                          <div className="font-medium">{type.name}</div>
                          <div className="mt-1 flex flex-wrap gap-1">
                            <Badge variant="secondary">{KIND_LABELS[type.kind]}</Badge>
                            <Badge
                              variant={type.confirmation === "instant" ? "success" : "outline"}
                            >
                              {type.confirmation === "instant"
                                ? "Confirmed at once"
                                : "Staff confirm"}
                            </Badge>
                            {type.requiresConsultation ? (
                              <Badge variant="warning">Consultation first</Badge>
                            ) : null}
                            {!type.active ? <Badge variant="outline">Inactive</Badge> : null}
                          </div>
                        </TableCell>
                        <TableCell label="Length">
                          <Length type={type} />
                        </TableCell>
                        <TableCell label="Needs" className="hidden md:table-cell">
                          {type.resourceId ? (
                            resourceName.get(type.resourceId)
                          ) : (
                            <span className="text-muted-foreground">—</span>
                          )}
                        </TableCell>
                        <TableCell label="Practitioners" className="max-w-56 whitespace-normal">
                          {type.practitionerIds.length ? (
                            type.practitionerIds
                              .map((id) => practitionerName.get(id) ?? "Unknown")
                              .sort((a, b) => a.localeCompare(b))
                              .join(", ")
                          ) : (
                            <span className="text-warning">Nobody yet</span>
                          )}
                        </TableCell>
                        {canEdit ? (
                          <TableCell label="Actions" className="text-right">
                            <div className="flex items-center justify-end gap-1">
                              <Button
                                size="icon-sm"
                                variant="ghost"
                                aria-label={`Edit ${type.name}`}
                                onClick={() => setEditing({ procedureId: procedure.id, type })}
                              >
                                <Pencil aria-hidden />
                              </Button>
                              <Button
                                size="sm"
                                variant="outline"
                                aria-label={`${type.active ? "Deactivate" : "Reactivate"} ${type.name}`}
                                onClick={() => toggle(type)}
                              >
                                {type.active ? "Deactivate" : "Reactivate"}
                              </Button>
                            </div>
                          </TableCell>
                        ) : null}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
