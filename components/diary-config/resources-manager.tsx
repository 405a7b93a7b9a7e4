"use client";

import { DoorOpen, Pencil, Plus } from "lucide-react";
import { useOptimistic, useState, useTransition } from "react";

import { saveResource, setResourceActive } from "@/lib/actions/diary-config";
import type { ConfigResource } from "@/lib/db/diary-config";
import type { ResourceKind } from "@/lib/validations/diary-config";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { EmptyState } from "@/components/dashboard/empty-state";
import { FormField } from "@/components/form-field";
import { selectClass } from "@/components/procedures/field-styles";

import { FormMessage } from "./form-message";
import { useConfigForm } from "./use-config-form";

const KIND_LABEL: Record<ResourceKind, string> = { room: "Room", device: "Device" };

/** Add a room or device, or rename one. */
function ResourceForm({ resource, onDone }: { resource?: ConfigResource; onDone: () => void }) {
  const [name, setName] = useState(resource?.name ?? "");
  const [kind, setKind] = useState<ResourceKind>(resource?.kind ?? "room");
  const form = useConfigForm();
  const label = resource ? `Rename ${resource.name}` : "New room or device";

  return (
    <form
      aria-label={label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        form.submit(() => saveResource({ id: resource?.id, name, kind }), { onSuccess: onDone });
      }}
      className="bg-muted/30 grid gap-4 rounded-lg border p-4 sm:grid-cols-[1fr_10rem]"
    >
      <FormMessage error={form.error} className="sm:col-span-2" />
      <FormField label="Name" error={form.fieldErrors.name}>
        {(props) => (
          <Input
            {...props}
            value={name}
            maxLength={80}
            placeholder="Laser suite"
            onChange={(event) => setName(event.target.value)}
            autoFocus
          />
        )}
      </FormField>
      <FormField label="Kind" error={form.fieldErrors.kind}>
        {(props) => (
          <select
            {...props}
            className={selectClass}
            value={kind}
            onChange={(event) => setKind(event.target.value as ResourceKind)}
          >
            <option value="room">Room</option>
            <option value="device">Device</option>
          </select>
        )}
      </FormField>
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={form.pending}>
          {resource ? "Save" : "Add room or device"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/**
 * The clinic's rooms and devices. An appointment type that needs one is only offered when it
 * is free too. Deactivating keeps past appointments; the type is then not offered.
 */
export function ResourcesManager({
  resources,
  canEdit,
}: {
  resources: ConfigResource[];
  canEdit: boolean;
}) {
  const [rows, setActive] = useOptimistic(
    resources,
    (current, change: { id: string; active: boolean }) =>
      current.map((row) => (row.id === change.id ? { ...row, active: change.active } : row)),
  );
  const [editing, setEditing] = useState<ConfigResource | "new" | null>(null);
  const [error, setError] = useState<string>();
  const [, startTransition] = useTransition();

  const toggle = (resource: ConfigResource) =>
    startTransition(async () => {
      setActive({ id: resource.id, active: !resource.active });
      setError(undefined);
      const result = await setResourceActive({ id: resource.id, active: !resource.active });
      if (result.error) setError(result.error);
    });

  return (
    <section className="grid gap-4" aria-labelledby="resources-heading">
      <div className="grid gap-1">
        <h2 id="resources-heading" className="text-lg font-semibold">
          Rooms and devices
        </h2>
        <p className="text-muted-foreground text-sm">
          Things an appointment needs besides its practitioner, such as a treatment room, a laser or
          a theatre. Each can be in use by one appointment at a time.
        </p>
      </div>
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      {canEdit ? (
        editing ? (
          <ResourceForm
            key={editing === "new" ? "new" : editing.id}
            resource={editing === "new" ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        ) : (
          <div>
            <Button onClick={() => setEditing("new")}>
              <Plus aria-hidden /> Add a room or device
            </Button>
          </div>
        )
      ) : null}
      {rows.length === 0 ? (
        <EmptyState icon={DoorOpen} title="No rooms or devices yet">
          {canEdit
            ? "Add the rooms and devices appointments need; then choose them on appointment types."
            : "Your clinic admin has not added any rooms or devices yet."}
        </EmptyState>
      ) : (
        <div className="rounded-lg border">
          <Table stack="md">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Kind</TableHead>
                <TableHead>Status</TableHead>
                {canEdit ? (
                  <TableHead className="text-right">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((resource) => (
                <TableRow
                  key={resource.id}
                  data-testid="resource-row"
                  className={resource.active ? undefined : "opacity-70"}
                >
                  <TableCell label="Name" className="font-medium">
                    {resource.name}
                  </TableCell>
                  <TableCell label="Kind">{KIND_LABEL[resource.kind]}</TableCell>
                  <TableCell label="Status">
                    {resource.active ? (
                      <Badge variant="success">Active</Badge>
                    ) : (
                      <Badge variant="outline">Inactive</Badge>
                    )}
                  </TableCell>
                  {canEdit ? (
                    <TableCell label="Actions" className="text-right">
                      <div className="flex items-center justify-end gap-1">
                        <Button
                          size="icon-sm"
                          variant="ghost"
                          aria-label={`Rename ${resource.name}`}
                          onClick={() => setEditing(resource)}
                        >
                          <Pencil aria-hidden />
                        </Button>
                        <Button
                          size="sm"
                          variant="outline"
                          aria-label={`${resource.active ? "Deactivate" : "Reactivate"} ${resource.name}`}
                          onClick={() => toggle(resource)}
                        >
                          {resource.active ? "Deactivate" : "Reactivate"}
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
}
