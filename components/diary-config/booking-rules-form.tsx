"use client";

import { useState } from "react";

import { saveBookingRules } from "@/lib/actions/diary-config";
import type { BookingRules } from "@/lib/db/diary-config";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/form-field";

import { FormMessage } from "./form-message";
import { formatMinutes } from "./format";
import { useConfigForm } from "./use-config-form";

/** Minimum notice and booking horizon: the window in which anything may be booked. */
export function BookingRulesForm({ rules, canEdit }: { rules: BookingRules; canEdit: boolean }) {
  const [draft, setDraft] = useState({
    minNoticeMinutes: String(rules.minNoticeMinutes),
    horizonDays: String(rules.horizonDays),
  });
  const form = useConfigForm();
  const notice = Number(draft.minNoticeMinutes);

  return (
    <Card className="max-w-2xl">
      <CardHeader>
        <CardTitle>Booking rules</CardTitle>
        <CardDescription>
          Nothing starting sooner than the minimum notice, or later than the horizon, is offered to
          callers or booked by staff. Times are in the clinic&apos;s time zone ({rules.timezone}).
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          aria-label="Booking rules"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            form.submit(() => saveBookingRules(draft), { savedMessage: "Booking rules saved." });
          }}
          className="grid gap-4 sm:grid-cols-2"
        >
          <FormMessage error={form.error} saved={form.saved} className="sm:col-span-2" />
          <div className="grid gap-1">
            <FormField label="Minimum notice (minutes)" error={form.fieldErrors.minNoticeMinutes}>
              {(props) => (
                <Input
                  {...props}
                  type="number"
                  min={0}
                  max={20160}
                  step={15}
                  disabled={!canEdit}
                  value={draft.minNoticeMinutes}
                  onChange={(event) => setDraft({ ...draft, minNoticeMinutes: event.target.value })}
                />
              )}
            </FormField>
            <p className="text-muted-foreground text-xs">
              {Number.isInteger(notice) && notice >= 0
                ? notice === 0
                  ? "Any time from now may be booked."
                  : `The earliest start is ${formatMinutes(notice)} from now.`
                : null}
            </p>
          </div>
          <div className="grid gap-1">
            <FormField label="Booking horizon (days)" error={form.fieldErrors.horizonDays}>
              {(props) => (
                <Input
                  {...props}
                  type="number"
                  min={1}
                  max={365}
                  disabled={!canEdit}
                  value={draft.horizonDays}
                  onChange={(event) => setDraft({ ...draft, horizonDays: event.target.value })}
                />
              )}
            </FormField>
            <p className="text-muted-foreground text-xs">How far ahead bookings may be made.</p>
          </div>
          {canEdit ? (
            <div className="sm:col-span-2">
              <Button type="submit" disabled={form.pending}>
                Save booking rules
              </Button>
            </div>
          ) : null}
        </form>
      </CardContent>
    </Card>
  );
}
