"use client";

import { PhoneOutgoing } from "lucide-react";
import Link from "next/link";
import { useOptimistic, useTransition } from "react";

import { completeCallback } from "@/lib/actions/bookings";
import type { CallbackTask } from "@/lib/db/follow-ups";
import { formatMaskedPhone } from "@/lib/format";
import { Button } from "@/components/ui/button";
import { PatientContact } from "@/components/dashboard/patient-contact";

/**
 * Callers to ring back: cut off while booking, a message taken (redacted), an urgent
 * post-operative concern (first, in red). Ticking one off removes it at once.
 */
export function CallbackTasks({ tasks }: { tasks: CallbackTask[] }) {
  const [open, remove] = useOptimistic(tasks, (current: CallbackTask[], id: string) =>
    current.filter((task) => task.id !== id),
  );
  const [, startTransition] = useTransition();
  if (open.length === 0) return null;
  return (
    <section
      className="grid gap-2 rounded-lg border border-sky-300 bg-sky-50 p-4 dark:bg-sky-950/30"
      aria-label="Call backs"
    >
      <h2 className="flex items-center gap-2 text-sm font-medium">
        <PhoneOutgoing className="size-4 text-sky-700" aria-hidden /> Call back
      </h2>
      {open.map((task) => (
        <div
          key={task.id}
          className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm"
          data-testid="callback-task"
          data-urgency={task.urgency}
        >
          {task.urgency === "urgent" ? (
            <span className="rounded bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white">
              Urgent
            </span>
          ) : null}
          <Link href={`/calls/${task.callId}`} className="font-medium hover:underline">
            {task.callerName ??
              (task.callerLast4 ? formatMaskedPhone(task.callerLast4) : "Unknown caller")}
          </Link>
          <PatientContact
            phone={task.phone}
            last4={task.callerName ? task.callerLast4 : null}
            patientId={task.patientId}
            name={task.callerName}
          />
          <span className="text-muted-foreground">{task.reason}</span>
          {task.message ? (
            <q className="basis-full text-pretty italic sm:order-last">{task.message}</q>
          ) : null}
          <Button
            size="sm"
            variant="outline"
            className="ml-auto"
            onClick={() =>
              startTransition(async () => {
                remove(task.id);
                await completeCallback({ taskId: task.id });
              })
            }
          >
            Done
          </Button>
        </div>
      ))}
    </section>
  );
}
