"use client";

import { Loader2, PhoneCall } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

import { runTestCall } from "@/lib/actions/onboarding";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/diary-config/form-message";

import { useStepAction } from "./step-action";

// Onboarding: the test call.

/**
 * Embedded default: the simulator plays a caller. Production: the admin rings the number. Either
 * way the page refreshes every 2 s until the call has arrived.
 */
export function TestCall({
  simulator,
  phoneNumber,
  calls,
}: {
  simulator: boolean;
  phoneNumber: string | null;
  calls: number;
}) {
  const router = useRouter();
  const { state, pending, run } = useStepAction();
  const [waitingFrom, setWaitingFrom] = useState<number | null>(null);
  const waiting = waitingFrom !== null && calls <= waitingFrom;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [waiting, router]);

  if (!phoneNumber)
    return (
      <p className="text-muted-foreground text-sm">Enter the clinic&apos;s number first (above).</p>
    );
  return (
    <div className="grid gap-3">
      {simulator ? (
        <Button
          className="justify-self-start"
          disabled={pending || waiting}
          onClick={() =>
            run(
              () => runTestCall({}),
              () => setWaitingFrom(calls),
            )
          }
        >
          {pending || waiting ? (
            <Loader2 className="animate-spin" aria-hidden />
          ) : (
            <PhoneCall aria-hidden />
          )}
          Run a test call
        </Button>
      ) : (
        <div className="grid gap-2">
          <p className="text-sm">
            Call <strong>{phoneNumber}</strong> now from any phone. Voxanne answers; the call
            appears here when it arrives.
          </p>
          <Button
            variant="outline"
            className="justify-self-start"
            disabled={waiting}
            onClick={() => setWaitingFrom(calls)}
          >
            {waiting ? <Loader2 className="animate-spin" aria-hidden /> : null}
            {waiting ? "Waiting for your call…" : "I'm calling now"}
          </Button>
        </div>
      )}
      <FormMessage error={state.error} saved={waiting ? state.message : undefined} />
    </div>
  );
}
