import { CalendarClock, Paperclip } from "lucide-react";
import Link from "next/link";

import type { InboxMessage } from "@/types/inbox";
import { dayKey, formatDate, formatDateTime, formatTime } from "@/lib/format";
import { cn } from "@/lib/utils";
import { Badge } from "@/components/ui/badge";
import { useClinicFormat } from "@/components/dashboard/clinic-format";

const STATUS: Record<string, { label: string; variant: "success" | "destructive" | "outline" }> = {
  queued: { label: "Queued", variant: "outline" },
  accepted: { label: "Accepted", variant: "outline" },
  scheduled: { label: "Scheduled", variant: "outline" },
  sending: { label: "Sending", variant: "outline" },
  sent: { label: "Sent", variant: "outline" },
  delivered: { label: "Delivered", variant: "success" },
  read: { label: "Read", variant: "success" },
  undelivered: { label: "Not delivered", variant: "destructive" },
  failed: { label: "Failed", variant: "destructive" },
  canceled: { label: "Cancelled", variant: "destructive" },
};

const AUTOMATIC: Record<string, string> = {
  aftercare: "Aftercare text from Sarah",
  cut_off: "“We got cut off” text from Sarah",
  booking_confirmation: "Booking confirmation",
};

const KEYWORD: Record<string, string> = {
  STOP: "Opted out of texts",
  START: "Opted back in to texts",
  HELP: "Asked for help (answered automatically)",
};

/** One text in a conversation: what was said, media noted, who sent it, its delivery and appointment. */
export function MessageBubble({ message }: { message: InboxMessage }) {
  const { clinic, viewerZone } = useClinicFormat();
  const inbound = message.direction === "inbound";
  const status = STATUS[message.status] ?? { label: message.status, variant: "outline" as const };
  const by = inbound
    ? null
    : message.sentBy
      ? `Sent by ${message.sentBy}`
      : message.followUpKind
        ? (AUTOMATIC[message.followUpKind] ?? "Automatic text")
        : "Automatic text";
  const bookingDate = message.bookingStartsAt
    ? dayKey(message.bookingStartsAt, clinic.timezone)
    : null;
  return (
    <li
      className={cn("grid gap-1", inbound ? "justify-items-start" : "justify-items-end")}
      data-testid="sms"
      data-direction={message.direction}
    >
      <span className="text-muted-foreground text-xs">
        {formatDateTime(message.createdAt, clinic, { viewerZone })}
        {by ? ` · ${by}` : null}
        {message.callId ? (
          <>
            {" · "}
            <Link href={`/calls/${message.callId}`} className="underline">
              call
            </Link>
          </>
        ) : null}
      </span>
      <div
        className={cn(
          "grid max-w-[85%] gap-1 rounded-2xl px-4 py-2 text-sm leading-6 break-words whitespace-pre-wrap",
          inbound ? "bg-muted" : "bg-primary text-primary-foreground",
        )}
        data-testid="sms-body"
      >
        {message.body ? <p>{message.body}</p> : null}
        {message.mediaCount > 0 ? (
          <p className="flex items-center gap-1 text-xs opacity-80" data-testid="sms-media">
            <Paperclip className="size-3" aria-hidden />
            {message.mediaCount} attachment{message.mediaCount === 1 ? "" : "s"} (not shown: ask the
            patient to email it if you need it)
          </p>
        ) : null}
        {!message.body && message.mediaCount === 0 ? (
          <p className="italic opacity-70">(empty text)</p>
        ) : null}
      </div>
      {message.keyword ? (
        <Badge variant={message.keyword === "STOP" ? "warning" : "outline"}>
          {KEYWORD[message.keyword]}
        </Badge>
      ) : null}
      {message.bookingId && message.bookingStartsAt ? (
        <Link
          href={`/diary?date=${bookingDate}&booking=${message.bookingId}`}
          className="text-primary flex items-center gap-1 text-xs font-medium underline-offset-2 hover:underline"
          data-testid="sms-appointment"
        >
          <CalendarClock className="size-3.5" aria-hidden />
          Appointment{" "}
          {`${formatDate(message.bookingStartsAt, clinic, "short")}, ${formatTime(message.bookingStartsAt, clinic, { viewerZone })}`}
          {message.bookingStatus === "cancelled" ? " (cancelled)" : ""}
        </Link>
      ) : null}
      {inbound ? null : (
        <Badge variant={status.variant} data-testid="sms-status">
          {status.label}
          {message.errorCode ? ` · error ${message.errorCode}` : ""}
        </Badge>
      )}
    </li>
  );
}
