"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/form-field";

import { checkPdfFile, sendPdf, UPLOAD_FAILED } from "./check-pdf-file";

/** New bytes for the same document: its procedures and the links already sent keep working. */
export function ReplaceForm({
  clinicId,
  id,
  onDone,
}: {
  clinicId: string;
  id: string;
  onDone: () => void;
}) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const fileError = await checkPdfFile((data.get("file") as File | null) ?? undefined);
      if (fileError) {
        setError(fileError);
        return;
      }
      try {
        const result = await sendPdf(`/api/clinics/${clinicId}/aftercare/${id}/file`, "PUT", data);
        setError(result.fieldErrors?.file ?? result.error);
        if (!result.error && !result.fieldErrors) {
          onDone();
          router.refresh();
        }
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
