"use client";

import { useState, useTransition } from "react";

import { saveProcedure } from "@/lib/actions/procedures";
import type { AdminProcedure } from "@/lib/db/procedures-admin";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/form-field";

import { selectClass, textareaClass } from "./field-styles";

export interface DocumentOption {
  id: string;
  title: string;
}

type Draft = {
  name: string;
  synonyms: string;
  durationMinutes: string;
  description: string;
  active: boolean;
  aftercareDocumentId: string;
};

function toDraft(procedure?: AdminProcedure): Draft {
  return {
    name: procedure?.name ?? "",
    synonyms: procedure?.synonyms.join(", ") ?? "",
    durationMinutes: String(procedure?.durationMinutes ?? 60),
    description: procedure?.description ?? "",
    active: procedure?.active ?? true,
    aftercareDocumentId: procedure?.aftercareDocumentId ?? "",
  };
}

/** Add or edit a procedure. Errors from the server (validation, duplicate name) show under their field. */
export function ProcedureForm({
  procedure,
  documents,
  onDone,
}: {
  procedure?: AdminProcedure;
  documents: DocumentOption[];
  onDone: () => void;
}) {
  const [draft, setDraft] = useState(() => toDraft(procedure));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((current) => ({ ...current, [key]: value }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await saveProcedure({ ...draft, id: procedure?.id });
      setErrors(result.fieldErrors ?? {});
      setError(result.error);
      if (!result.error && !result.fieldErrors) onDone();
    });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="bg-muted/30 grid gap-4 rounded-lg border p-4 md:grid-cols-[1fr_9rem]"
      aria-label={procedure ? `Edit ${procedure.name}` : "New procedure"}
    >
      {error ? (
        <Alert variant="destructive" className="md:col-span-2">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <FormField label="Name" error={errors.name}>
        {(props) => (
          <Input
            {...props}
            value={draft.name}
            onChange={(event) => set("name")(event.target.value)}
            maxLength={120}
            autoFocus
          />
        )}
      </FormField>
      <FormField label="Duration (minutes)" error={errors.durationMinutes}>
        {(props) => (
          <Input
            {...props}
            type="number"
            min={5}
            max={1440}
            step={5}
            value={draft.durationMinutes}
            onChange={(event) => set("durationMinutes")(event.target.value)}
          />
        )}
      </FormField>
      <div className="md:col-span-2">
        <FormField label="Callers also say (separate with commas)" error={errors.synonyms}>
          {(props) => (
            <Input
              {...props}
              value={draft.synonyms}
              onChange={(event) => set("synonyms")(event.target.value)}
              placeholder="lip injections, lip fillers"
            />
          )}
        </FormField>
      </div>
      <div className="md:col-span-2">
        <FormField label="Description the assistant may read out" error={errors.description}>
          {(props) => (
            <textarea
              {...props}
              rows={3}
              maxLength={4000}
              className={textareaClass}
              value={draft.description}
              onChange={(event) => set("description")(event.target.value)}
            />
          )}
        </FormField>
      </div>
      <FormField label="Aftercare document" error={errors.aftercareDocumentId}>
        {(props) => (
          <select
            {...props}
            className={selectClass}
            value={draft.aftercareDocumentId}
            onChange={(event) => set("aftercareDocumentId")(event.target.value)}
          >
            <option value="">None</option>
            {documents.map((document) => (
              <option key={document.id} value={document.id}>
                {document.title}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input
          type="checkbox"
          className="accent-primary size-4"
          checked={draft.active}
          onChange={(event) => set("active")(event.target.checked)}
        />
        Active (the assistant offers it)
      </label>
      <div className="flex gap-2 md:col-span-2">
        <Button type="submit" disabled={pending}>
          {procedure ? "Save procedure" : "Add procedure"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
