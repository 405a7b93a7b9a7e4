"use client";

import { useState, useTransition } from "react";

import { renameDocument } from "@/lib/actions/aftercare";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/form-field";

/** Changes the title staff and patients see; the file and its links stay the same. */
export function RenameForm({
  id,
  title,
  onDone,
}: {
  id: string;
  title: string;
  onDone: () => void;
}) {
  const [value, setValue] = useState(title);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await renameDocument({ id, title: value });
      setErrors(result.fieldErrors ?? (result.error ? { title: result.error } : {}));
      if (!result.error && !result.fieldErrors) onDone();
    });
  };

  return (
    <form onSubmit={submit} noValidate className="grid gap-3" aria-label="Rename document">
      <FormField label="New title" error={errors.title}>
        {(props) => (
          <Input
            {...props}
            value={value}
            maxLength={160}
            onChange={(event) => setValue(event.target.value)}
            autoFocus
          />
        )}
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          Save title
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
