"use client";

import { useState } from "react";

import { saveAppointmentType } from "@/lib/actions/diary-config";
import type {
  ConfigAppointmentType,
  ConfigPractitioner,
  ConfigProcedure,
  ConfigResource,
} from "@/lib/db/diary-config";
import {
  APPOINTMENT_KINDS,
  type AppointmentKind,
  type Confirmation,
} from "@/lib/validations/diary-config";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/form-field";
import { selectClass } from "@/components/procedures/field-styles";

import { FormMessage } from "./form-message";
import { KIND_LABELS } from "./format";
import { useConfigForm } from "./use-config-form";

type Draft = {
  kind: AppointmentKind;
  name: string;
  durationMinutes: string;
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  resourceId: string;
  practitionerIds: string[];
  requiresConsultation: boolean;
  confirmation: Confirmation;
  active: boolean;
};

const autoName = (procedure: ConfigProcedure, kind: AppointmentKind) => `${procedure.name} ${kind}`;

function toDraft(
  procedure: ConfigProcedure,
  type: ConfigAppointmentType | undefined,
  kind: AppointmentKind,
): Draft {
  return {
    kind: type?.kind ?? kind,
    name: type?.name ?? autoName(procedure, kind),
    durationMinutes: String(type?.durationMinutes ?? 30),
    bufferBeforeMinutes: String(type?.bufferBeforeMinutes ?? 0),
    bufferAfterMinutes: String(type?.bufferAfterMinutes ?? 0),
    resourceId: type?.resourceId ?? "",
    practitionerIds: type?.practitionerIds ?? [],
    requiresConsultation: type?.requiresConsultation ?? false,
    confirmation: type?.confirmation ?? "staff",
    active: type?.active ?? true,
  };
}

const checkboxClass = "accent-primary size-4";

/** Add or edit one appointment type of a procedure. Server errors show beside their field. */
export function AppointmentTypeForm({
  procedure,
  type,
  takenKinds,
  practitioners,
  resources,
  onDone,
}: {
  procedure: ConfigProcedure;
  type?: ConfigAppointmentType;
  /** Kinds this procedure already has (one of each): a new type starts on the first free one. */
  takenKinds: AppointmentKind[];
  practitioners: ConfigPractitioner[];
  resources: ConfigResource[];
  onDone: () => void;
}) {
  const firstFree = APPOINTMENT_KINDS.find((kind) => !takenKinds.includes(kind)) ?? "treatment";
  const [draft, setDraft] = useState(() => toDraft(procedure, type, firstFree));
  const form = useConfigForm();
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((current) => ({ ...current, [key]: value }));
  const label = type ? `Edit ${type.name}` : `New appointment type for ${procedure.name}`;

  const changeKind = (kind: AppointmentKind) =>
    setDraft((current) => ({
      ...current,
      kind,
      // Follow the kind while the name is still the suggested one.
      name:
        current.name === autoName(procedure, current.kind)
          ? autoName(procedure, kind)
          : current.name,
      requiresConsultation: kind === "consultation" ? false : current.requiresConsultation,
    }));
  const togglePractitioner = (id: string, on: boolean) =>
    setDraft((current) => ({
      ...current,
      practitionerIds: on
        ? [...current.practitionerIds, id]
        : current.practitionerIds.filter((other) => other !== id),
    }));
  // Inactive practitioners and resources stay listed only while this type still uses them.
  const shownPractitioners = practitioners.filter(
    (practitioner) => practitioner.active || draft.practitionerIds.includes(practitioner.id),
  );
  const shownResources = resources.filter(
    (resource) => resource.active || resource.id === draft.resourceId,
  );

  return (
    <form
      aria-label={label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        form.submit(
          () => saveAppointmentType({ ...draft, id: type?.id, procedureId: procedure.id }),
          { onSuccess: onDone },
        );
      }}
      className="bg-muted/30 grid gap-4 rounded-lg border p-4 md:grid-cols-6"
    >
      <FormMessage error={form.error} className="md:col-span-6" />
      <div className="md:col-span-2">
        <FormField label="Kind" error={form.fieldErrors.kind}>
          {(props) => (
            <select
              {...props}
              className={selectClass}
              value={draft.kind}
              onChange={(event) => changeKind(event.target.value as AppointmentKind)}
            >
              {APPOINTMENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {KIND_LABELS[kind]}
                  {kind !== type?.kind && takenKinds.includes(kind) ? " (already set up)" : ""}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <div className="md:col-span-4">
        <FormField label="Name" error={form.fieldErrors.name}>
          {(props) => (
            <Input
              {...props}
              value={draft.name}
              maxLength={120}
              onChange={(event) => set("name")(event.target.value)}
              autoFocus
            />
          )}
        </FormField>
      </div>
      <div className="md:col-span-2">
        <FormField label="Duration (minutes)" error={form.fieldErrors.durationMinutes}>
          {(props) => (
            <Input
              {...props}
              type="number"
              min={5}
              max={720}
              step={5}
              value={draft.durationMinutes}
              onChange={(event) => set("durationMinutes")(event.target.value)}
            />
          )}
        </FormField>
      </div>
      <div className="md:col-span-2">
        <FormField label="Buffer before (minutes)" error={form.fieldErrors.bufferBeforeMinutes}>
          {(props) => (
            <Input
              {...props}
              type="number"
              min={0}
              max={240}
              step={5}
              value={draft.bufferBeforeMinutes}
              onChange={(event) => set("bufferBeforeMinutes")(event.target.value)}
            />
          )}
        </FormField>
      </div>
      <div className="md:col-span-2">
        <FormField label="Buffer after (minutes)" error={form.fieldErrors.bufferAfterMinutes}>
          {(props) => (
            <Input
              {...props}
              type="number"
              min={0}
              max={240}
              step={5}
              value={draft.bufferAfterMinutes}
              onChange={(event) => set("bufferAfterMinutes")(event.target.value)}
            />
          )}
        </FormField>
      </div>
      <div className="md:col-span-3">
        <FormField label="Needs a room or device" error={form.fieldErrors.resourceId}>
          {(props) => (
            <select
              {...props}
              className={selectClass}
              value={draft.resourceId}
              onChange={(event) => set("resourceId")(event.target.value)}
            >
              <option value="">Nothing besides the practitioner</option>
              {shownResources.map((resource) => (
                <option key={resource.id} value={resource.id}>
                  {resource.name}
                  {resource.active ? "" : " (inactive)"}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <fieldset className="grid gap-2 md:col-span-3">
        <legend className="mb-2 text-sm font-medium">
          Confirmation of Voxanne&apos;s bookings
        </legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="confirmation"
            className={checkboxClass}
            checked={draft.confirmation === "staff"}
            onChange={() => set("confirmation")("staff")}
          />
          Staff confirm them (pending until then)
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="confirmation"
            className={checkboxClass}
            checked={draft.confirmation === "instant"}
            onChange={() => set("confirmation")("instant")}
          />
          Confirmed at once
        </label>
      </fieldset>
      <fieldset
        className="grid gap-2 md:col-span-6"
        aria-describedby={form.fieldErrors.practitionerIds ? "practitioners-error" : undefined}
      >
        <legend className="mb-2 text-sm font-medium">Practitioners who perform it</legend>
        {shownPractitioners.length === 0 ? (
          <p className="text-muted-foreground text-sm">
            Add practitioners first, under Practitioners.
          </p>
        ) : (
          <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {shownPractitioners.map((practitioner) => (
              <label key={practitioner.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className={checkboxClass}
                  checked={draft.practitionerIds.includes(practitioner.id)}
                  onChange={(event) => togglePractitioner(practitioner.id, event.target.checked)}
                />
                {practitioner.name}
                {practitioner.active ? "" : " (inactive)"}
              </label>
            ))}
          </div>
        )}
        {form.fieldErrors.practitionerIds ? (
          <p id="practitioners-error" className="text-destructive text-sm">
            {form.fieldErrors.practitionerIds}
          </p>
        ) : draft.practitionerIds.length === 0 ? (
          <p className="text-muted-foreground text-xs">
            With nobody chosen, this type cannot be booked.
          </p>
        ) : null}
      </fieldset>
      <div className="grid gap-2 md:col-span-6">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className={checkboxClass}
            checked={draft.requiresConsultation}
            disabled={draft.kind === "consultation"}
            aria-describedby={
              form.fieldErrors.requiresConsultation ? "requires-consultation-error" : undefined
            }
            onChange={(event) => set("requiresConsultation")(event.target.checked)}
          />
          Requires a consultation first (Voxanne offers the consultation)
        </label>
        {form.fieldErrors.requiresConsultation ? (
          <p id="requires-consultation-error" className="text-destructive text-sm">
            {form.fieldErrors.requiresConsultation}
          </p>
        ) : null}
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className={checkboxClass}
            checked={draft.active}
            onChange={(event) => set("active")(event.target.checked)}
          />
          Active (offered and bookable)
        </label>
      </div>
      <div className="flex gap-2 md:col-span-6">
        <Button type="submit" disabled={form.pending}>
          {type ? "Save appointment type" : "Add appointment type"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
