import Link from "next/link";

import type { ConnectionStatus } from "@/lib/realtime/types";
import { cn } from "@/lib/utils";

const LABELS: Record<ConnectionStatus, { text: string; tone: string }> = {
  live: { text: "Live", tone: "bg-emerald-500" },
  connecting: { text: "Connecting…", tone: "bg-muted-foreground" },
  reconnecting: { text: "Updates paused, reconnecting…", tone: "bg-amber-500" },
  offline: { text: "Offline: updates paused", tone: "bg-amber-500" },
  ended: { text: "Your access has ended.", tone: "bg-destructive" },
};

export function ConnectionIndicator({ status }: { status: ConnectionStatus }) {
  const { text, tone } = LABELS[status];
  return (
    <span
      className="text-muted-foreground inline-flex items-center gap-2 text-sm"
      role="status"
      aria-live="polite"
      data-testid="connection"
    >
      <span
        className={cn("size-2 rounded-full", tone, status === "live" && "animate-pulse")}
        aria-hidden
      />
      {text}
      {status === "ended" ? (
        <Link href="/login" className="text-foreground underline underline-offset-4">
          Sign in again
        </Link>
      ) : null}
    </span>
  );
}
