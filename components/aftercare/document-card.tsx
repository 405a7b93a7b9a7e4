"use client";

import {
  Download,
  ExternalLink,
  FileText,
  ListChecks,
  Pencil,
  Replace,
  Trash2,
} from "lucide-react";
import { useState, useTransition } from "react";

import { deleteDocument } from "@/lib/actions/aftercare";
import type { AdminDocument, ProcedureOption } from "@/lib/db/aftercare-admin";
import { formatDate } from "@/lib/format";
import { Button } from "@/components/ui/button";
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { useClinicFormat } from "@/components/dashboard/clinic-format";

import { AssignForm } from "./assign-form";
import { formatBytes } from "./check-pdf-file";
import { RenameForm } from "./rename-form";
import { ReplaceForm } from "./replace-form";

type Mode = "rename" | "replace" | "assign" | "delete" | null;

interface Props {
  clinicId: string;
  document: AdminDocument;
  procedures: ProcedureOption[];
  titles: Record<string, string>;
  canEdit: boolean;
}

/**
 * One aftercare PDF: preview and download for everyone; procedures, rename, replace and delete
 * for admins. Buttons name the document in aria-label only, so its title shows once on the page.
 */
export function DocumentCard({ clinicId, document, procedures, titles, canEdit }: Props) {
  const { clinic } = useClinicFormat();
  const [mode, setMode] = useState<Mode>(null);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const fileUrl = `/api/aftercare/${document.id}/file`;
  const usedBy = document.procedures.map((procedure) => procedure.name);
  const open = (next: Mode) => {
    setError(undefined);
    setMode((current) => (current === next ? null : next));
  };
  const remove = () =>
    startTransition(async () => {
      const result = await deleteDocument({ id: document.id });
      if (result.error) setError(result.error);
    });

  return (
    <Card data-testid="aftercare-card" className="gap-4">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <FileText className="text-primary size-4 shrink-0" aria-hidden />
          {document.title}
        </CardTitle>
        <CardDescription className="break-all">
          {document.fileName} · {formatBytes(document.sizeBytes)}
        </CardDescription>
      </CardHeader>
      <CardContent className="text-muted-foreground grid gap-1 text-sm">
        <span>For: {usedBy.join(", ") || "no procedure yet"}</span>
        <span>Updated {formatDate(document.updatedAt, clinic)}</span>
      </CardContent>
      {mode ? (
        <CardContent className="border-t pt-4">
          {mode === "rename" ? (
            <RenameForm id={document.id} title={document.title} onDone={() => setMode(null)} />
          ) : null}
          {mode === "replace" ? (
            <ReplaceForm clinicId={clinicId} id={document.id} onDone={() => setMode(null)} />
          ) : null}
          {mode === "assign" ? (
            <AssignForm
              id={document.id}
              procedures={procedures}
              titles={titles}
              onDone={() => setMode(null)}
            />
          ) : null}
          {mode === "delete" ? (
            usedBy.length ? (
              <p className="text-sm" role="alert">
                {usedBy.join(", ")} {usedBy.length === 1 ? "sends" : "send"} this document. Choose
                another document (or none) for {usedBy.length === 1 ? "it" : "them"} first, then
                delete it.
              </p>
            ) : (
              <div className="grid gap-3 text-sm">
                <p>
                  Delete this document? Links already texted to patients will stop working. This
                  cannot be undone.
                </p>
                <div className="flex gap-2">
                  <Button size="sm" variant="destructive" disabled={pending} onClick={remove}>
                    Delete document
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => setMode(null)}>
                    Keep
                  </Button>
                </div>
              </div>
            )
          ) : null}
          {error ? (
            <p className="text-destructive mt-2 text-sm" role="alert">
              {error}
            </p>
          ) : null}
        </CardContent>
      ) : null}
      <CardFooter className="mt-auto flex-wrap gap-1">
        <Button asChild size="sm" variant="outline">
          <a
            href={fileUrl}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={`Preview ${document.title} (opens in a new tab)`}
          >
            <ExternalLink aria-hidden /> Preview
          </a>
        </Button>
        <Button asChild size="icon-sm" variant="ghost">
          <a
            href={`${fileUrl}?download=1`}
            download={document.fileName}
            aria-label={`Download ${document.title}`}
          >
            <Download aria-hidden />
          </a>
        </Button>
        {canEdit ? (
          <>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Procedures for ${document.title}`}
              aria-pressed={mode === "assign"}
              onClick={() => open("assign")}
            >
              <ListChecks aria-hidden /> Procedures
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Rename ${document.title}`}
              aria-pressed={mode === "rename"}
              onClick={() => open("rename")}
            >
              <Pencil aria-hidden /> Rename
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Replace file of ${document.title}`}
              aria-pressed={mode === "replace"}
              onClick={() => open("replace")}
            >
              <Replace aria-hidden /> Replace file
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Delete ${document.title}`}
              aria-pressed={mode === "delete"}
              onClick={() => open("delete")}
            >
              <Trash2 aria-hidden /> Delete
            </Button>
          </>
        ) : null}
      </CardFooter>
    </Card>
  );
}
