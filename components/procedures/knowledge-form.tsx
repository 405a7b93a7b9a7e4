"use client";

import { useState, useTransition } from "react";

import { KNOWLEDGE_TOPICS, type KnowledgeTopic } from "@/types/procedures";
import { saveKnowledgeEntry } from "@/lib/actions/procedures";
import type { KnowledgeEntry } from "@/lib/db/procedures-admin";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/form-field";

import { selectClass, textareaClass } from "./field-styles";

export const TOPIC_LABELS: Record<KnowledgeTopic, string> = {
  general: "General",
  recovery: "Recovery",
  candidacy: "Candidacy",
  price: "Price",
  risks: "Risks",
  preparation: "Preparation",
};

/** Add or edit one approved answer. lookup_procedure reads these to callers, word for word. */
export function KnowledgeForm({
  procedureId,
  entry,
  onDone,
}: {
  procedureId: string;
  entry?: KnowledgeEntry;
  onDone: () => void;
}) {
  const [draft, setDraft] = useState({
    topic: entry?.topic ?? "general",
    question: entry?.question ?? "",
    answer: entry?.answer ?? "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await saveKnowledgeEntry({ ...draft, id: entry?.id, procedureId });
      setErrors(result.fieldErrors ?? {});
      setError(result.error);
      if (!result.error && !result.fieldErrors) onDone();
    });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="bg-background grid gap-3 rounded-md border p-3 md:grid-cols-[10rem_1fr]"
      aria-label={entry ? "Edit answer" : "New answer"}
    >
      {error ? (
        <Alert variant="destructive" className="md:col-span-2">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <FormField label="Topic" error={errors.topic}>
        {(props) => (
          <select
            {...props}
            className={selectClass}
            value={draft.topic}
            onChange={(event) =>
              setDraft({ ...draft, topic: event.target.value as KnowledgeTopic })
            }
          >
            {KNOWLEDGE_TOPICS.map((topic) => (
              <option key={topic} value={topic}>
                {TOPIC_LABELS[topic]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Question" error={errors.question}>
        {(props) => (
          <Input
            {...props}
            value={draft.question}
            maxLength={500}
            onChange={(event) => setDraft({ ...draft, question: event.target.value })}
            placeholder="How long do lip fillers last?"
            autoFocus
          />
        )}
      </FormField>
      <div className="md:col-span-2">
        <FormField label="Approved answer" error={errors.answer}>
          {(props) => (
            <textarea
              {...props}
              rows={3}
              maxLength={4000}
              className={textareaClass}
              value={draft.answer}
              onChange={(event) => setDraft({ ...draft, answer: event.target.value })}
            />
          )}
        </FormField>
      </div>
      <div className="flex gap-2 md:col-span-2">
        <Button type="submit" size="sm" disabled={pending}>
          {entry ? "Save answer" : "Add answer"}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
