"use client";

import { Pencil, Plus, Trash2 } from "lucide-react";
import { useOptimistic, useState, useTransition } from "react";

import { deleteKnowledgeEntry } from "@/lib/actions/procedures";
import type { AdminProcedure } from "@/lib/db/procedures-admin";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

import { KnowledgeForm, TOPIC_LABELS } from "./knowledge-form";

/** The approved answers for one procedure; admins add, edit and delete them. */
export function KnowledgePanel({
  procedure,
  canEdit,
}: {
  procedure: AdminProcedure;
  canEdit: boolean;
}) {
  // A deleted answer disappears at once and comes back if the server refuses.
  const [entries, hide] = useOptimistic(procedure.knowledge, (rows, id: string) =>
    rows.filter((row) => row.id !== id),
  );
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const [, startTransition] = useTransition();

  const remove = (id: string) =>
    startTransition(async () => {
      hide(id);
      setConfirming(null);
      const result = await deleteKnowledgeEntry({ id });
      setError(result.error);
    });

  return (
    <div className="grid gap-3 py-2" data-testid="knowledge-panel">
      <p className="text-muted-foreground text-sm">
        What the assistant may say about {procedure.name}. It answers callers only from these;
        anything else gets a call back.
      </p>
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      {entries.length === 0 && editing !== "new" ? (
        <p className="text-sm">No approved answers yet.</p>
      ) : null}
      <ul className="grid gap-2">
        {entries.map((entry) =>
          editing === entry.id ? (
            <li key={entry.id}>
              <KnowledgeForm
                procedureId={procedure.id}
                entry={entry}
                onDone={() => setEditing(null)}
              />
            </li>
          ) : (
            <li
              key={entry.id}
              className="bg-background grid gap-1 rounded-md border p-3"
              data-testid="knowledge-entry"
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="flex items-center gap-2">
                  <Badge variant="secondary">{TOPIC_LABELS[entry.topic]}</Badge>
                  <span className="font-medium">{entry.question}</span>
                </div>
                {canEdit ? (
                  <div className="flex gap-1">
                    {confirming === entry.id ? (
                      <>
                        <Button size="sm" variant="destructive" onClick={() => remove(entry.id)}>
                          Delete answer
                        </Button>
                        <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
                          Keep
                        </Button>
                      </>
                    ) : (
                      <>
                        <Button
                          size="icon-sm"
                          variant="ghost"
                          aria-label={`Edit answer: ${entry.question}`}
                          onClick={() => setEditing(entry.id)}
                        >
                          <Pencil aria-hidden />
                        </Button>
                        <Button
                          size="icon-sm"
                          variant="ghost"
                          aria-label={`Delete answer: ${entry.question}`}
                          onClick={() => setConfirming(entry.id)}
                        >
                          <Trash2 aria-hidden />
                        </Button>
                      </>
                    )}
                  </div>
                ) : null}
              </div>
              <p className="text-muted-foreground text-sm whitespace-pre-line">{entry.answer}</p>
            </li>
          ),
        )}
      </ul>
      {canEdit ? (
        editing === "new" ? (
          <KnowledgeForm procedureId={procedure.id} onDone={() => setEditing(null)} />
        ) : (
          <div>
            <Button size="sm" variant="outline" onClick={() => setEditing("new")}>
              <Plus aria-hidden /> Add an answer
            </Button>
          </div>
        )
      ) : null}
    </div>
  );
}
