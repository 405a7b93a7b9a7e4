"use client";

import { Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/form-field";

import { checkPdfFile, sendPdf, UPLOAD_FAILED } from "./check-pdf-file";

/** Upload a new aftercare PDF: a title staff and patients see, and the file (checked in the browser, then on the server). */
export function UploadForm({ clinicId }: { clinicId: string }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [uploaded, setUploaded] = useState(false);
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const title = String(data.get("title") ?? "").trim();
    startTransition(async () => {
      setUploaded(false);
      setError(undefined);
      const fileError = await checkPdfFile((data.get("file") as File | null) ?? undefined);
      if (fileError || !title) {
        setErrors({
          ...(title ? {} : { title: "Give the document a title" }),
          ...(fileError ? { file: fileError } : {}),
        });
        return;
      }
      try {
        const result = await sendPdf(`/api/clinics/${clinicId}/aftercare`, "POST", data);
        setErrors(result.fieldErrors ?? {});
        setError(result.error);
        if (!result.error && !result.fieldErrors) {
          form.current?.reset();
          setUploaded(true);
          router.refresh();
        }
      } catch {
        setError(UPLOAD_FAILED);
      }
    });
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>Upload a PDF</CardTitle>
        <CardDescription>
          PDF files up to 10 MB. Assign it to procedures once it is uploaded.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          ref={form}
          onSubmit={submit}
          noValidate
          className="grid items-start gap-4 md:grid-cols-[1fr_1fr_auto]"
          aria-label="Upload a PDF"
        >
          <FormField label="Title" error={errors.title}>
            {(props) => (
              <Input {...props} name="title" maxLength={160} placeholder="Lip Filler Aftercare" />
            )}
          </FormField>
          <FormField label="PDF file" error={errors.file}>
            {(props) => <Input {...props} name="file" type="file" accept="application/pdf,.pdf" />}
          </FormField>
          <Button type="submit" disabled={pending} className="md:mt-[1.375rem]">
            <Upload aria-hidden /> {pending ? "Uploading…" : "Upload"}
          </Button>
        </form>
        <div aria-live="polite" className="mt-3 empty:hidden">
          {error ? (
            <Alert variant="destructive">
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          ) : null}
          {uploaded ? (
            <p className="text-success text-sm">
              Uploaded. Choose the procedures that send it on its card below.
            </p>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}
