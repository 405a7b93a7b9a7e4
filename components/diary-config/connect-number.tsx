"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { formatDateTime } from "@/lib/format";
import { Button } from "@/components/ui/button";
import { useClinicFormat } from "@/components/dashboard/clinic-format";

import { FormMessage } from "./form-message";

export interface ConnectNumberStatus {
  vapiPhoneNumberId: string | null;
  attemptedAt: string | null;
  syncedAt: string | null;
  fallback: string | null;
  error: string | null;
}

/**
 * "Connect number to Vapi": imports (or updates) the clinic's Twilio number in Vapi with the
 * front desk as its fallback, through POST /api/clinics/:id/vapi/phone-number, and shows what
 * the last push did: when, the fallback Vapi has, or why it failed, in the server's words.
 */
export function ConnectNumber({
  clinicId,
  timezone,
  frontDeskNumber,
  status,
  canEdit,
}: {
  clinicId: string;
  timezone: string;
  frontDeskNumber: string | null;
  status: ConnectNumberStatus | null;
  canEdit: boolean;
}) {
  const { clinic, viewerZone } = useClinicFormat();
  // The time of a push, in the clinic's words (the diary setup's zone, which the page passes).
  const formatted = (iso: string, timeZone: string) =>
    formatDateTime(iso, { ...clinic, timezone: timeZone }, { viewerZone });
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ error?: string; saved?: string }>({});
  const stale =
    status?.syncedAt && !status.error && status.fallback !== (frontDeskNumber ?? null)
      ? "The front desk number changed since the last push: connect again so Vapi falls back to the new one."
      : null;
  return (
    <div className="grid gap-3" data-testid="connect-number">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-muted-foreground">In Vapi</dt>
        <dd>
          {status?.vapiPhoneNumberId ? (
            <>
              connected
              {status.syncedAt ? `, last pushed ${formatted(status.syncedAt, timezone)}` : ""}
            </>
          ) : (
            "not connected yet"
          )}
        </dd>
        <dt className="text-muted-foreground">Fallback in Vapi</dt>
        <dd>{status?.syncedAt ? (status.fallback ?? "none") : "—"}</dd>
        {status?.error && status.attemptedAt ? (
          <>
            <dt className="text-muted-foreground">Last attempt</dt>
            <dd className="text-destructive">
              {formatted(status.attemptedAt, timezone)}: {status.error}
            </dd>
          </>
        ) : null}
      </dl>
      {stale ? <p className="text-warning text-sm">{stale}</p> : null}
      <FormMessage error={result.error} saved={result.saved} />
      {canEdit ? (
        <div>
          <Button
            type="button"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                setResult({});
                try {
                  const response = await fetch(`/api/clinics/${clinicId}/vapi/phone-number`, {
                    method: "POST",
                  });
                  const body = (await response.json().catch(() => ({}))) as {
                    message?: string;
                    error?: string;
                  };
                  setResult(
                    response.ok
                      ? { saved: body.message ?? "Connected." }
                      : { error: body.error ?? `The server answered ${response.status}.` },
                  );
                } catch {
                  setResult({ error: "Could not reach CallWaiting AI. Check your connection." });
                }
                router.refresh();
              })
            }
          >
            {pending ? "Connecting…" : "Connect number to Vapi"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
