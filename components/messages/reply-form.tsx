"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Send } from "lucide-react";
import { useState, useTransition } from "react";

import { replyToPatient } from "@/lib/actions/inbox";
import { formatDate } from "@/lib/format";
import { inboxKey } from "@/hooks/use-inbox";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useClinicFormat } from "@/components/dashboard/clinic-format";
import { textareaClass } from "@/components/procedures/field-styles";

const LIMIT = 1600;

/**
 * The reply box: sends through the clinic's SMS sender as the signed-in person. One
 * idempotency key per message written, so a double press or a retried request sends it once.
 * Refusals (opted out, no number, the provider failing) are shown above the box.
 */
export function ReplyForm({
  clinicId,
  patientId,
  optedOutAt,
  hasNumber,
}: {
  clinicId: string;
  patientId: string;
  optedOutAt: string | null;
  hasNumber: boolean;
}) {
  const { clinic } = useClinicFormat();
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const [replyKey, setReplyKey] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const length = Array.from(body).length;

  if (optedOutAt || !hasNumber)
    return (
      <Alert className="m-4 w-auto" data-testid="reply-disabled">
        <AlertDescription>
          {optedOutAt
            ? `This patient opted out of texts on ${formatDate(optedOutAt, clinic)} (they replied STOP). They can text START to opt back in; until then, please call them.`
            : "This patient has no mobile number to text."}
        </AlertDescription>
      </Alert>
    );

  const send = () =>
    startTransition(async () => {
      setError(null);
      const result = await replyToPatient({ patientId, body, replyKey });
      if (result.error || result.fieldErrors) {
        setError(result.error ?? Object.values(result.fieldErrors ?? {})[0] ?? "Not sent.");
        // A refusal stored nothing; a failed send is kept as failed: either way, a new press is a new text.
        setReplyKey(crypto.randomUUID());
      } else {
        setBody("");
        setReplyKey(crypto.randomUUID());
      }
      await queryClient.invalidateQueries({ queryKey: inboxKey(clinicId) });
    });

  return (
    <form
      className="grid gap-2 border-t p-4"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      {error ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <label htmlFor="reply" className="sr-only">
        Reply
      </label>
      <textarea
        id="reply"
        name="body"
        rows={3}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
            event.preventDefault();
            send();
          }
        }}
        placeholder="Write a reply…"
        className={textareaClass}
        aria-invalid={length > LIMIT || undefined}
      />
      <div className="flex items-center gap-3">
        <span className="text-muted-foreground flex-1 text-xs">
          {length}/{LIMIT} · sent from the clinic&apos;s number, with your name on record
        </span>
        <Button type="submit" size="sm" disabled={pending || !body.trim() || length > LIMIT}>
          <Send aria-hidden />
          {pending ? "Sending…" : "Send"}
        </Button>
      </div>
    </form>
  );
}
