"use client";

import { useState, useTransition } from "react";

import { replaceDocumentFile } from "@/lib/actions/aftercare";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/form-field";

import { checkPdfFile, UPLOAD_FAILED } from "./check-pdf-file";

/** New bytes for the same document: its procedures and the links already sent keep working. */
export function ReplaceForm({ id, onDone }: { id: string; onDone: () => void }) {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    data.set("id", id);
    startTransition(async () => {
      const fileError = await checkPdfFile((data.get("file") as File | null) ?? undefined);
      if (fileError) {
        setError(fileError);
        return;
      }
      try {
        const result = await replaceDocumentFile(data);
        setError(result.fieldErrors?.file ?? result.error);
        if (!result.error && !result.fieldErrors) onDone();
      } catch {
        setError(UPLOAD_FAILED);
      }
    });
  };

  return (
    <form onSubmit={submit} noValidate className="grid gap-3" aria-label="Replace file">
      <FormField label="New PDF file" error={error}>
        {(props) => <Input {...props} name="file" type="file" accept="application/pdf,.pdf" />}
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Uploading…" : "Replace file"}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
