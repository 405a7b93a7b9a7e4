import type { Metadata } from "next";
import { Gauge } from "lucide-react";

import { getEnv } from "@/lib/env";
import { getClinicContext } from "@/lib/auth/clinic";
import { loadAssistantSource } from "@/lib/db/assistant";
import { latencySummary } from "@/lib/db/latency";
import { withClaims } from "@/lib/db/transaction";
import { assistantFor } from "@/lib/vapi/assistant";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfigViewer } from "@/components/assistant/config-viewer";
import { AdminsOnly } from "@/components/dashboard/admins-only";
import { PageHeader } from "@/components/dashboard/page-header";

export const metadata: Metadata = { title: "Assistant" };

export default async function AssistantPage() {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  if (current.role !== "admin") return <AdminsOnly what="The assistant's configuration" />;
  const [source, latency] = await withClaims(claims, async (tx) => [await loadAssistantSource(tx, current.id), await latencySummary(tx, current.id)] as const);
  const assistant = assistantFor(source, getEnv());
  const profile = String(assistant.metadata?.latencyProfile ?? "standard");
  const slow = latency.p95 !== null && latency.p95 > 700;

  return (
    <div className="grid gap-6">
      <PageHeader title="Assistant" description="How Voxanne answers your clinic's phone: generated from your procedures, opening hours and booking rules. It never contains patient data." />
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2"><Gauge className="size-4" aria-hidden /> Reply time</CardTitle>
          <CardDescription>From the caller&apos;s last word to Voxanne&apos;s first, over the last 7 days. Target: under 700 ms.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3 text-sm">
          <div className="flex flex-wrap items-center gap-3" data-testid="latency-summary">
            <Badge variant="secondary">Profile: {profile.replace("_", " ")}</Badge>
            {latency.turns === 0 ? (
              <span className="text-muted-foreground">No turns measured yet.</span>
            ) : (
              <span>
                {latency.turns} turns · p50 {latency.p50} ms · <span className={slow ? "text-destructive font-medium" : ""}>p95 {latency.p95} ms</span> · p99 {latency.p99} ms · {latency.over700} over 700 ms
              </span>
            )}
          </div>
          {slow && profile !== "low_latency" ? (
            <Alert>
              <AlertDescription>
                Replies are slower than 700 ms for at least 1 in 20 turns. The low-latency profile shortens endpointing (300 → 150 ms), the final wait (0.4 → 0.1 s) and answers (250 → 150 tokens).
              </AlertDescription>
            </Alert>
          ) : null}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Vapi configuration</CardTitle>
          <CardDescription>Changes to procedures, synonyms, opening hours or booking rules appear here at once and reach calls on the next assistant-request (or the next push to Vapi).</CardDescription>
        </CardHeader>
        <CardContent>
          <ConfigViewer json={JSON.stringify(assistant, null, 2)} fileName={`assistant.${current.slug}.json`} />
        </CardContent>
      </Card>
    </div>
  );
}
