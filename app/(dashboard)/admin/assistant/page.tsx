import { Gauge } from "lucide-react";
import type { Metadata } from "next";

import { getEnv } from "@/lib/env";
import { loadAssistantPage } from "@/lib/assistant/service";
import { getClinicContext } from "@/lib/auth/clinic";
import { LATENCY_TARGET_MS, latencyVerdict } from "@/lib/latency/rule";
import { assistantFor, buildAssistant, type LatencyProfile } from "@/lib/vapi/assistant";
import { configDiff } from "@/lib/vapi/push";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfigViewer } from "@/components/assistant/config-viewer";
import { ProfileSwitch } from "@/components/assistant/profile-switch";
import { AdminsOnly } from "@/components/dashboard/admins-only";
import { PageHeader } from "@/components/dashboard/page-header";

export const metadata: Metadata = { title: "Assistant" };

export default async function AssistantPage() {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  if (current.role !== "admin") return <AdminsOnly what="The assistant's configuration" />;
  const { source, latency } = await loadAssistantPage(claims, current.id);
  const env = getEnv();
  const assistant = assistantFor(source, env);
  const profile = String(assistant.metadata?.latencyProfile ?? "standard");
  const other: LatencyProfile = profile === "low_latency" ? "standard" : "low_latency";
  const alternative = buildAssistant(source, {
    serverUrl: `${env.APP_URL.replace(/\/$/, "")}/api/webhooks/vapi`,
    credentialId: env.VAPI_CREDENTIAL_ID,
    profile: other,
  });
  const diff = configDiff(assistant, alternative).map((line) => ({
    path: line.path,
    from: JSON.stringify(line.from),
    to: JSON.stringify(line.to),
  }));
  const verdict = latencyVerdict(latency, profile);
  const slow = latency.p95 !== null && latency.p95 > LATENCY_TARGET_MS;

  return (
    <div className="grid gap-6">
      <PageHeader
        title="Assistant"
        description="How Voxanne answers your clinic's phone: generated from your procedures, opening hours and booking rules. It never contains patient data."
      />
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <Gauge className="size-4" aria-hidden /> Reply time
          </CardTitle>
          <CardDescription>
            From the caller&apos;s last word to Voxanne&apos;s first, over the last 7 days. Target:
            under 700 ms.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3 text-sm">
          <div className="flex flex-wrap items-center gap-3" data-testid="latency-summary">
            <Badge variant="secondary">Profile: {profile.replace("_", " ")}</Badge>
            {latency.turns === 0 ? (
              <span className="text-muted-foreground">No turns measured yet.</span>
            ) : (
              <span>
                {latency.turns} turns · p50 {latency.p50} ms ·{" "}
                <span className={slow ? "text-destructive font-medium" : ""}>
                  p95 {latency.p95} ms
                </span>{" "}
                · p99 {latency.p99} ms · {latency.over700} over 700 ms
              </span>
            )}
          </div>
          {verdict.kind === "offer_low_latency" ? (
            <Alert data-testid="latency-advice">
              <AlertDescription>
                Replies are slower than {LATENCY_TARGET_MS} ms for at least 1 in 20 turns (p95{" "}
                {verdict.p95} ms). The low-latency profile shortens endpointing, the final wait and
                answers: review the changes below, then apply it.
              </AlertDescription>
            </Alert>
          ) : verdict.kind === "slow_on_low_latency" ? (
            <Alert data-testid="latency-advice">
              <AlertDescription>
                p95 is {verdict.p95} ms on the low-latency profile already. Look at tool-call times
                on the Latency page and at the model next.
              </AlertDescription>
            </Alert>
          ) : null}
          <ProfileSwitch
            target={other}
            label={
              other === "low_latency"
                ? "Use the low-latency profile"
                : "Back to the standard profile"
            }
            diff={diff}
            canPush={Boolean(env.VAPI_API_KEY)}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Vapi configuration</CardTitle>
          <CardDescription>
            Changes to procedures, synonyms, opening hours or booking rules appear here at once and
            reach calls on the next assistant-request (or the next push to Vapi).
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ConfigViewer
            json={JSON.stringify(assistant, null, 2)}
            fileName={`assistant.${current.slug}.json`}
          />
        </CardContent>
      </Card>
    </div>
  );
}
