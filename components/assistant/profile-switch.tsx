"use client";

import { useState, useTransition } from "react";

import { applyLatencyProfile } from "@/lib/actions/assistant";
import type { ChangeInWords } from "@/lib/assistant/summary";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Shows exactly what a profile change alters in the assistant before the admin applies it. */
export function ProfileSwitch({
  target,
  label,
  diff,
  canPush,
}: {
  target: string;
  label: string;
  diff: ChangeInWords[];
  canPush: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<{ error?: string; done?: string }>({});
  const [pending, startTransition] = useTransition();
  const apply = () =>
    startTransition(async () => {
      const result = await applyLatencyProfile({ profile: target });
      if (result.error) return setMessage({ error: result.error });
      setOpen(false);
      setMessage({
        done: result.pushed
          ? "Applied and pushed to Vapi."
          : "Applied. Calls use it from the next call on.",
      });
    });
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant={target === "low_latency" ? "default" : "outline"}
          size="sm"
          onClick={() => {
            setOpen(!open);
            setMessage({});
          }}
          aria-expanded={open}
        >
          {label}
        </Button>
        {message.done ? (
          <span role="status" className="text-sm text-emerald-700">
            {message.done}
          </span>
        ) : null}
      </div>
      {open ? (
        <div className="grid gap-3 rounded-lg border p-3" data-testid="profile-diff">
          <p className="text-sm font-medium">What changes</p>
          <ul className="grid gap-2 text-sm">
            {diff.map((line) => (
              <li key={line.path}>
                <span className="font-medium">{line.setting}:</span> {line.now} →{" "}
                <span className="font-medium">{line.after}</span>
              </li>
            ))}
          </ul>
          <details className="text-muted-foreground text-xs">
            <summary className="cursor-pointer">Technical details</summary>
            <ul className="mt-1 grid gap-0.5 font-mono">
              {diff.map((line) => (
                <li key={line.path}>{line.path}</li>
              ))}
            </ul>
          </details>
          <div className="flex items-center gap-3">
            <Button size="sm" onClick={apply} disabled={pending}>
              {canPush ? "Apply and push to Vapi" : "Apply"}
            </Button>
          </div>
          {message.error ? (
            <Alert variant="destructive">
              <AlertDescription>{message.error}</AlertDescription>
            </Alert>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
