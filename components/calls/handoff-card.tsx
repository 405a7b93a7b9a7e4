import { Brain } from "lucide-react";

import type { CallDetail } from "@/lib/db/call-detail";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PlaceholderText } from "@/components/redaction/placeholder-text";

const KIND_WORDS: Record<string, string> = {
  aftercare: "Aftercare text",
  cut_off: "\u201cWe got cut off\u201d text",
  booking_confirmation: "Booking confirmation text",
  urgent_alert: "Urgent alert to staff",
  missed_call: "Missed-call text",
};
const STATUS_WORDS: Record<string, string> = {
  pending: "Waiting to send",
  sending: "Sending",
  sent: "Sent",
  failed: "Could not be sent",
  skipped: "Not sent",
  // Twilio's delivery statuses, once sent.
  queued: "Sent",
  accepted: "Sent",
  delivered: "Delivered",
  undelivered: "Not delivered",
  received: "Received",
  read: "Read",
  scheduled: "Waiting to send",
  canceled: "Not sent",
};

/** The memory handed to the follow-up agent, and what the agent did with it. */
export function HandoffCard({
  handoff,
  followUps,
  isAdmin = false,
}: {
  handoff: CallDetail["handoff"];
  followUps: CallDetail["followUps"];
  /** Admins also see why a text failed, as the provider said it. */
  isAdmin?: boolean;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Brain className="size-4" aria-hidden /> Hand-off to Sarah
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm" data-testid="handoff">
        {!handoff ? (
          <p className="text-muted-foreground">Written when the call ends.</p>
        ) : (
          <>
            <div className="flex flex-wrap gap-2">
              {handoff.procedures.map((name) => (
                <Badge key={name} variant="secondary">
                  {name}
                </Badge>
              ))}
              {handoff.booked ? <Badge variant="success">Booked</Badge> : null}
              {handoff.droppedDuringBooking ? (
                <Badge variant="warning">Cut off while booking</Badge>
              ) : null}
              {!handoff.consentToText ? <Badge variant="outline">No texts</Badge> : null}
            </div>
            {handoff.summary ? (
              <PlaceholderText text={handoff.summary} className="text-muted-foreground" />
            ) : null}
            {handoff.questions.length ? (
              <ul className="text-muted-foreground list-disc pl-5">
                {handoff.questions.map((question, index) => (
                  <li key={index}>
                    <PlaceholderText text={question} className="inline" />
                  </li>
                ))}
              </ul>
            ) : null}
            <p className="text-muted-foreground text-xs">
              {handoff.deliveredAt
                ? "Delivered to the follow-up agent."
                : "Waiting for the follow-up agent."}
            </p>
          </>
        )}
        {followUps.map((followUp) => (
          <div key={followUp.id} className="grid gap-1 border-t pt-3" data-testid="follow-up">
            <div className="flex items-center justify-between gap-3">
              <span className="font-medium">
                {KIND_WORDS[followUp.kind] ?? "Text"}
                {followUp.procedure ? ` · ${followUp.procedure}` : ""}
              </span>
              <Badge
                variant={
                  followUp.status === "sent"
                    ? "success"
                    : followUp.status === "failed"
                      ? "destructive"
                      : "outline"
                }
                data-testid="follow-up-status"
              >
                {STATUS_WORDS[
                  followUp.status === "sent" ? (followUp.smsStatus ?? "sent") : followUp.status
                ] ?? "Sent"}
              </Badge>
            </div>
            {followUp.smsBody ? (
              <p className="bg-muted rounded-lg px-3 py-2">{followUp.smsBody}</p>
            ) : null}
            {followUp.skipReason ? (
              <p className="text-muted-foreground">{followUp.skipReason}</p>
            ) : null}
            {isAdmin && followUp.lastError && followUp.status !== "sent" ? (
              <p className="text-destructive">
                {followUp.lastError} (attempt {followUp.attempts})
              </p>
            ) : null}
          </div>
        ))}
      </CardContent>
    </Card>
  );
}
