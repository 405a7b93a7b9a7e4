"use client";

import { useEffect, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Loader2, PhoneCall } from "lucide-react";

import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { simulateCall } from "@/app/(dashboard)/simulate-actions";

const SCENARIOS = [
  { id: "books", label: "Caller books a facelift consultation" },
  { id: "mentions-facelift-no-booking", label: "Asks about a facelift, doesn't book" },
  { id: "drops-during-hold", label: "Line drops while a slot is held" },
  { id: "asks-for-human", label: "Asks for a person (transfer)" },
] as const;

/** Starts a simulated call and refreshes the page while it plays (the live board replaces this). */
export function SimulateCall() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [until, setUntil] = useState(0);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!until) return;
    const timer = setInterval(() => (Date.now() > until ? setUntil(0) : router.refresh()), 1500);
    return () => clearInterval(timer);
  }, [until, router]);

  const start = (scenario: string) =>
    startTransition(async () => {
      const result = await simulateCall({ scenario });
      setError(result.error);
      if (!result.error) setUntil(Date.now() + 60_000);
    });

  return (
    <div className="flex flex-col items-end gap-1">
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" disabled={pending}>
            {pending || until ? <Loader2 className="animate-spin" aria-hidden /> : <PhoneCall aria-hidden />}
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
      {error ? <p className="text-destructive text-sm" role="alert">{error}</p> : null}
    </div>
  );
}
