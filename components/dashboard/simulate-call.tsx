"use client";

import { Loader2, PhoneCall } from "lucide-react";
import { useState, useTransition } from "react";

import { simulateCall } from "@/lib/actions/simulator";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

const SCENARIOS = [
  { id: "books", label: "Caller books a consultation" },
  { id: "mentions-facelift-no-booking", label: "Asks about a facelift, doesn't book" },
  { id: "drops-during-hold", label: "Line drops while a slot is held" },
  { id: "asks-for-human", label: "Asks for a person (transfer)" },
  { id: "after-hours-urgent", label: "Post-op patient with bleeding and a fever" },
  { id: "transfer-unanswered", label: "Transfer nobody answers, leaves a message" },
  { id: "transfer-hangup", label: "Hangs up while the transfer rings" },
  { id: "voicemail", label: "Leaves a message" },
] as const;

/** Starts a simulated call; the live board shows it as it happens. */
export function SimulateCall() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();

  const start = (scenario: string) =>
    startTransition(async () => {
      const result = await simulateCall({ scenario });
      setError(result.error);
    });

  return (
    <div className="flex flex-col items-end gap-1">
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" disabled={pending}>
            {pending ? <Loader2 className="animate-spin" aria-hidden /> : <PhoneCall aria-hidden />}
            Simulate a call
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-72">
          <DropdownMenuLabel>Play a realistic call through Vapi&apos;s webhooks</DropdownMenuLabel>
          {SCENARIOS.map((scenario) => (
            <DropdownMenuItem key={scenario.id} onSelect={() => start(scenario.id)}>
              {scenario.label}
            </DropdownMenuItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
      {error ? (
        <p className="text-destructive text-sm" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
