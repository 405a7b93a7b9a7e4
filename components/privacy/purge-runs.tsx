import type { PurgeRunSummary, PurgeTally } from "@/lib/db/privacy";
import { formatDateTime, formatNumber, type ClinicFormat } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

const KIND_WORDS: Record<PurgeTally, string> = {
  transcriptLines: "transcript lines",
  callEvents: "call events",
  speechEvents: "speech timings",
  handoffs: "hand-offs",
  followUps: "follow-up texts",
  appointmentTexts: "appointment texts",
  smsMessages: "text messages",
  webhookReceipts: "webhook receipts",
  unreferencedFiles: "unused files",
  signInLeftovers: "old sign-in records",
};

/** The daily purge's latest runs for the clinic and what each removed. */
export function PurgeRuns({
  runs,
  clinic,
  viewerZone,
}: {
  runs: PurgeRunSummary[];
  clinic: ClinicFormat;
  viewerZone: string | null;
}) {
  const when = (at: Date) => formatDateTime(at, clinic, { viewerZone });
  return (
    <Card className="max-w-3xl">
      <CardHeader>
        <CardTitle>Purge runs</CardTitle>
        <CardDescription>
          Once a day (UTC) from the app&apos;s worker and the cron route. The last 7 runs.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {runs.length === 0 ? (
          <p className="text-muted-foreground text-sm" data-testid="purge-runs">
            No purge has run for this clinic yet.
          </p>
        ) : (
          <ul className="grid gap-3 text-sm" data-testid="purge-runs">
            {runs.map((run) => {
              const removed = Object.entries(run.removed).filter(([, n]) => (n ?? 0) > 0) as [
                PurgeTally,
                number,
              ][];
              return (
                <li key={run.startedAt.toISOString()} className="grid gap-1 rounded-md border p-3">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{when(run.startedAt)}</span>
                    {run.finishedAt ? (
                      <Badge variant="success">Done</Badge>
                    ) : run.error ? (
                      <Badge variant="destructive">Stopped: retried later</Badge>
                    ) : (
                      <Badge variant="outline">Running</Badge>
                    )}
                  </div>
                  <p className="text-muted-foreground">
                    {removed.length === 0
                      ? "Nothing was old enough to remove."
                      : `Removed ${removed.map(([kind, n]) => `${formatNumber(n, clinic)} ${KIND_WORDS[kind]}`).join(", ")}.`}
                  </p>
                  {run.error ? <p className="text-destructive text-xs">{run.error}</p> : null}
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
