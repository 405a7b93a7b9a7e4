import { MessageSquare } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { getEnv } from "@/lib/env";
import { getClinicContext } from "@/lib/auth/clinic";
import { listMessages } from "@/lib/messages/service";
import { cn } from "@/lib/utils";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/dashboard/empty-state";
import { formatInClinicZone } from "@/components/dashboard/format";
import { PageHeader } from "@/components/dashboard/page-header";

export const metadata: Metadata = { title: "Messages" };

const masked = (number: string) => `•••• ${number.replace(/\D/g, "").slice(-4)}`;

// Texts Sarah sent and replies received, shown the way a phone would, with delivery status.
export default async function MessagesPage() {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  const messages = await listMessages(claims, current.id);
  const outbox = getEnv().SMS_PROVIDER === "outbox";

  return (
    <div className="grid gap-6">
      <PageHeader
        title="Messages"
        description={
          outbox
            ? "Demo mode: texts are kept in this outbox instead of being sent, so you can see exactly what patients would receive."
            : "Texts sent by Sarah, the follow-up agent, and replies from patients."
        }
      />
      {messages.length === 0 ? (
        <EmptyState icon={MessageSquare} title="No texts yet">
          When a caller asks about a procedure and doesn&apos;t book, Sarah texts them its aftercare
          guide within minutes. Those texts appear here.
        </EmptyState>
      ) : (
        <ol className="mx-auto grid w-full max-w-xl gap-4" aria-label="Texts">
          {messages.map((message) => (
            <li
              key={message.id}
              className={cn(
                "grid gap-1",
                message.direction === "inbound" ? "justify-items-start" : "justify-items-end",
              )}
              data-testid="sms"
            >
              <span className="text-muted-foreground text-xs">
                {message.direction === "inbound"
                  ? `From ${masked(message.fromNumber)}`
                  : `To ${masked(message.toNumber)}`}{" "}
                · {formatInClinicZone(message.createdAt, current.timezone)}
                {message.callId ? (
                  <>
                    {" "}
                    ·{" "}
                    <Link href={`/calls/${message.callId}`} className="underline">
                      call
                    </Link>
                  </>
                ) : null}
              </span>
              <p
                className={cn(
                  "max-w-[85%] rounded-2xl px-4 py-2 text-sm leading-6 break-words",
                  message.direction === "inbound"
                    ? "bg-muted"
                    : "bg-primary text-primary-foreground",
                )}
                data-testid="sms-body"
              >
                {message.body || "(reply)"}
              </p>
              <Badge
                variant={
                  ["delivered", "read"].includes(message.status)
                    ? "success"
                    : ["failed", "undelivered"].includes(message.status)
                      ? "destructive"
                      : "outline"
                }
              >
                {message.status}
                {message.errorCode ? ` · error ${message.errorCode}` : ""}
              </Badge>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
