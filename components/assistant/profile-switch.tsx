"use client";

import { useState, useTransition } from "react";

import { applyLatencyProfile } from "@/lib/actions/assistant";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export interface DiffLine {
  path: string;
  from: string;
  to: string;
}

/** Shows exactly what a profile change alters in the assistant before the admin applies it. */
export function ProfileSwitch({
  target,
  label,
  diff,
  canPush,
}: {
  target: string;
  label: string;
  diff: DiffLine[];
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
          : "Applied. Calls use it from the next assistant-request.",
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
          <table className="text-sm">
            <thead className="text-muted-foreground text-left text-xs">
              <tr>
                <th className="pr-4 font-medium">Setting</th>
                <th className="pr-4 font-medium">Now</th>
                <th className="font-medium">After</th>
              </tr>
            </thead>
            <tbody className="font-mono text-xs">
              {diff.map((line) => (
                <tr key={line.path}>
                  <td className="pr-4">{line.path}</td>
                  <td className="pr-4">{line.from}</td>
                  <td>{line.to}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
