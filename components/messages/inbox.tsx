"use client";

import { useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, MessageSquare, Radio, UserRound } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";

import type { InboxConversation, InboxSnapshot } from "@/types/inbox";
import { markConversationRead } from "@/lib/actions/inbox";
import { dayKey, formatDay, formatPhone, formatTime, type ClinicFormat } from "@/lib/format";
import { cn } from "@/lib/utils";
import { inboxKey, useConversations, useInboxLive, useThread } from "@/hooks/use-inbox";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { useClinicFormat } from "@/components/dashboard/clinic-format";
import { EmptyState } from "@/components/dashboard/empty-state";

import { MessageBubble } from "./message-bubble";
import { ReplyForm } from "./reply-form";

export const patientLabel = (
  c: { fullName: string | null; phone: string | null },
  clinic: ClinicFormat,
) => c.fullName ?? (c.phone ? formatPhone(c.phone, clinic) : "Unknown patient");

/** Today's texts by their time ("14:05"), older ones by their day ("28 Nov"). */
function shortTime(iso: string, clinic: ClinicFormat) {
  const sameDay = dayKey(iso, clinic.timezone) === dayKey(new Date(), clinic.timezone);
  return sameDay
    ? formatTime(iso, clinic, { zone: "never" })
    : formatDay(dayKey(iso, clinic.timezone), clinic, "short");
}

function preview(c: InboxConversation) {
  const text = c.lastBody.trim();
  const media =
    c.lastMediaCount > 0
      ? `${c.lastMediaCount} attachment${c.lastMediaCount === 1 ? "" : "s"}`
      : "";
  const body = text || media || "(empty text)";
  return c.lastDirection === "outbound" ? `You: ${body}` : body;
}

/**
 * Messages as conversations per patient: the list (newest first, unread counts) and the open
 * conversation with its reply box. Live: every text received, sent, delivered or read reloads
 * what is shown (useInboxLive). Opening a conversation marks its texts read for the front desk.
 */
export function Inbox({
  clinicId,
  initial,
  initialPatientId,
}: {
  clinicId: string;
  initial: InboxSnapshot;
  initialPatientId: string | null;
}) {
  const status = useInboxLive(clinicId);
  const { clinic } = useClinicFormat();
  const router = useRouter();
  const pathname = usePathname();
  const [selected, setSelected] = useState<string | null>(initialPatientId);
  const conversations = useConversations(clinicId, initial);
  const list = conversations.data?.conversations ?? [];

  const open = useCallback(
    (patientId: string | null) => {
      setSelected(patientId);
      router.replace(patientId ? `${pathname}?patient=${patientId}` : pathname, { scroll: false });
    },
    [pathname, router],
  );

  return (
    <div className="grid gap-3">
      <p className="text-muted-foreground flex items-center gap-2 text-xs" data-testid="inbox-live">
        <Radio
          className={cn("size-3", status === "live" ? "text-success" : "text-warning")}
          aria-hidden
        />
        {status === "live" ? "Live: new texts appear as they arrive." : "Reconnecting…"}
      </p>
      <div className="bg-card grid min-h-[32rem] overflow-hidden rounded-xl border md:grid-cols-[20rem_1fr]">
        <nav
          aria-label="Conversations"
          className={cn("border-r md:block", selected ? "hidden" : "block")}
        >
          {list.length === 0 ? (
            <div className="p-4">
              <EmptyState icon={MessageSquare} title="No texts yet">
                When a patient texts the clinic&apos;s number, or Sarah texts a caller, the
                conversation appears here.
              </EmptyState>
            </div>
          ) : (
            <ul className="divide-y">
              {list.map((c) => (
                <li key={c.patientId}>
                  <button
                    type="button"
                    onClick={() => open(c.patientId)}
                    aria-current={selected === c.patientId ? "true" : undefined}
                    data-testid="conversation"
                    className={cn(
                      "hover:bg-accent grid w-full gap-0.5 px-4 py-3 text-left transition-colors",
                      selected === c.patientId && "bg-accent",
                    )}
                  >
                    <span className="flex items-center gap-2">
                      <span
                        className={cn("flex-1 truncate text-sm", c.unread > 0 && "font-semibold")}
                      >
                        {patientLabel(c, clinic)}
                      </span>
                      <span className="text-muted-foreground text-xs">
                        {shortTime(c.lastAt, clinic)}
                      </span>
                    </span>
                    <span className="flex items-center gap-2">
                      <span className="text-muted-foreground flex-1 truncate text-xs">
                        {preview(c)}
                      </span>
                      {c.unread > 0 ? (
                        <Badge aria-label={`${c.unread} unread`} data-testid="conversation-unread">
                          {c.unread}
                        </Badge>
                      ) : null}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </nav>
        <section className={cn("min-w-0 flex-col md:flex", selected ? "flex" : "hidden")}>
          {selected ? (
            <Thread
              key={selected}
              clinicId={clinicId}
              patientId={selected}
              onBack={() => open(null)}
            />
          ) : (
            <p className="text-muted-foreground m-auto p-8 text-sm">
              Choose a conversation to read and reply.
            </p>
          )}
        </section>
      </div>
    </div>
  );
}

function Thread({
  clinicId,
  patientId,
  onBack,
}: {
  clinicId: string;
  patientId: string;
  onBack: () => void;
}) {
  const thread = useThread(clinicId, patientId);
  const { clinic } = useClinicFormat();
  const queryClient = useQueryClient();
  const bottom = useRef<HTMLLIElement>(null);
  const marking = useRef<string>("");
  const messages = thread.data?.messages ?? [];
  const unreadIds = messages
    .filter((m) => m.direction === "inbound" && m.readAt === null)
    .map((m) => m.id)
    .join(",");

  // Opening the conversation (and every text arriving while it is open and in view) reads it.
  useEffect(() => {
    if (!unreadIds || marking.current === unreadIds) return;
    if (document.visibilityState !== "visible") return;
    marking.current = unreadIds;
    void markConversationRead({ patientId }).then(() =>
      queryClient.invalidateQueries({ queryKey: inboxKey(clinicId) }),
    );
  }, [unreadIds, patientId, clinicId, queryClient]);

  useEffect(() => {
    bottom.current?.scrollIntoView?.({ block: "end" });
  }, [messages.length]);

  if (thread.error)
    return (
      <Alert variant="destructive" className="m-4 w-auto">
        <AlertDescription>{thread.error.message}</AlertDescription>
      </Alert>
    );
  if (!thread.data)
    return (
      <div className="grid gap-3 p-4">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-16 w-2/3" />
        <Skeleton className="ml-auto h-16 w-2/3" />
      </div>
    );
  const { patient } = thread.data;
  return (
    <>
      <header className="flex items-center gap-3 border-b px-4 py-3">
        <button
          type="button"
          onClick={onBack}
          className="hover:bg-accent -ml-1 rounded p-1 md:hidden"
          aria-label="Back to conversations"
        >
          <ArrowLeft className="size-4" aria-hidden />
        </button>
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-sm font-semibold" data-testid="thread-title">
            {patientLabel(patient, clinic)}
          </h2>
          {patient.phone ? (
            <p className="text-muted-foreground text-xs">{formatPhone(patient.phone, clinic)}</p>
          ) : null}
        </div>
        <Link
          href={`/patients/${patient.id}`}
          className="text-muted-foreground hover:text-foreground flex items-center gap-1 text-xs underline-offset-2 hover:underline"
        >
          <UserRound className="size-3.5" aria-hidden />
          Patient page
        </Link>
      </header>
      <ol
        className="focus-visible:ring-ring/50 grid max-h-[60dvh] flex-1 content-start gap-4 overflow-y-auto p-4 outline-none focus-visible:ring-[3px] focus-visible:ring-inset"
        aria-label="Texts"
        // Scrolls: reachable by keyboard (WCAG 2.1.1).
        tabIndex={0}
      >
        {messages.map((message) => (
          <MessageBubble key={message.id} message={message} />
        ))}
        <li ref={bottom} aria-hidden />
      </ol>
      <ReplyForm
        clinicId={clinicId}
        patientId={patient.id}
        optedOutAt={patient.optedOutAt}
        hasNumber={Boolean(patient.phone?.startsWith("+"))}
      />
    </>
  );
}
