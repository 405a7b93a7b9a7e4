import { Brain } from "lucide-react";

import type { CallDetail } from "@/lib/db/call-detail";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PlaceholderText } from "@/components/redaction/placeholder-text";

/** The memory handed to the follow-up agent, and what the agent did with it. */
export function HandoffCard({
  handoff,
  followUps,
}: {
  handoff: CallDetail["handoff"];
  followUps: CallDetail["followUps"];
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
              <span className="font-medium capitalize">
                {followUp.kind.replace("_", " ")}
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
                {followUp.status === "sent" ? (followUp.smsStatus ?? "sent") : followUp.status}
              </Badge>
            </div>
            {followUp.smsBody ? (
              <p className="bg-muted rounded-lg px-3 py-2">{followUp.smsBody}</p>
            ) : null}
            {followUp.skipReason ? (
              <p className="text-muted-foreground">{followUp.skipReason}</p>
            ) : null}
            {followUp.lastError && followUp.status !== "sent" ? (
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
