"use client";

import { useState } from "react";

import { saveCancellationPolicy } from "@/lib/actions/appointment-changes";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormMessage } from "@/components/diary-config/form-message";
import { useConfigForm } from "@/components/diary-config/use-config-form";
import { FormField } from "@/components/form-field";

/** The clinic's cancellation policy: read to callers before Voxanne cancels, shown on the manage page. */
export function CancellationPolicyForm({ policy, canEdit }: { policy: string; canEdit: boolean }) {
  const [draft, setDraft] = useState(policy);
  const form = useConfigForm();
  return (
    <Card className="max-w-2xl">
      <CardHeader>
        <CardTitle>Cancellation policy</CardTitle>
        <CardDescription>
          Voxanne reads this to callers before cancelling an appointment, and patients see it before
          they cancel from the link in their text. Leave it empty if you have none.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          aria-label="Cancellation policy"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            form.submit(() => saveCancellationPolicy({ cancellationPolicy: draft }), {
              savedMessage: "Cancellation policy saved.",
            });
          }}
          className="grid gap-3"
        >
          <FormMessage error={form.error} saved={form.saved} />
          <FormField label="Policy" error={form.fieldErrors.cancellationPolicy}>
            {(props) => (
              <textarea
                {...props}
                rows={3}
                maxLength={600}
                disabled={!canEdit}
                value={draft}
                placeholder="e.g. Please give us 48 hours' notice; later cancellations may lose the deposit."
                onChange={(event) => setDraft(event.target.value)}
                className="border-input focus-visible:ring-ring/50 w-full rounded-md border bg-transparent px-3 py-2 text-sm outline-none focus-visible:ring-[3px] disabled:opacity-50"
              />
            )}
          </FormField>
          <p className="text-muted-foreground text-xs">{draft.trim().length} / 600 characters</p>
          {canEdit ? (
            <div>
              <Button type="submit" disabled={form.pending}>
                Save cancellation policy
              </Button>
            </div>
          ) : null}
        </form>
      </CardContent>
    </Card>
  );
}
