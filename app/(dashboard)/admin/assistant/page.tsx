import { Gauge } from "lucide-react";
import type { Metadata } from "next";

import { getEnv } from "@/lib/env";
import { loadAssistantPage } from "@/lib/assistant/service";
import { changesInWords, replyTimeInWords, summariseAssistant } from "@/lib/assistant/summary";
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
  const diff = changesInWords(configDiff(assistant, alternative));
  const summary = summariseAssistant(assistant, source);
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
            the reply starts within {LATENCY_TARGET_MS / 1000} seconds.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3 text-sm">
          <div className="grid gap-1">
            <p data-testid="latency-summary">
              <Badge variant="secondary" className="mr-2">
                {profile === "low_latency" ? "Low-latency profile" : "Standard profile"}
              </Badge>
              <span className={slow ? "text-destructive font-medium" : ""}>
                {replyTimeInWords(latency)}
              </span>
            </p>
            {latency.turns > 0 ? (
              <details className="text-muted-foreground text-xs">
                <summary className="cursor-pointer">Details</summary>
                {latency.turns} turns · p50 {latency.p50} ms · p95 {latency.p95} ms · p99{" "}
                {latency.p99} ms · {latency.over700} over 700 ms
              </details>
            ) : null}
          </div>
          {verdict.kind === "offer_low_latency" ? (
            <Alert data-testid="latency-advice">
              <AlertDescription>
                At least 1 in 20 replies takes longer than {LATENCY_TARGET_MS / 1000} seconds to
                start (the slowest took {(verdict.p95 / 1000).toFixed(1)} s or more). The
                low-latency profile makes Voxanne decide sooner that the caller has finished, pause
                less and answer more briefly: review the changes below, then apply it.
              </AlertDescription>
            </Alert>
          ) : verdict.kind === "slow_on_low_latency" ? (
            <Alert data-testid="latency-advice">
              <AlertDescription>
                Replies are still slow on the low-latency profile (1 in 20 takes{" "}
                {(verdict.p95 / 1000).toFixed(1)} s or more). The Latency page shows which steps of
                a call take the time.
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
          <CardTitle>What Voxanne does</CardTitle>
          <CardDescription>
            Built from your procedures, opening hours and booking rules. Changes appear here at once
            and reach calls on the next call (or the next push to Vapi).
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5 text-sm" data-testid="assistant-summary">
          <section className="grid gap-1">
            <h3 className="font-medium">Greeting</h3>
            <blockquote className="border-l-2 pl-3 italic">{summary.greeting}</blockquote>
          </section>
          <section className="grid gap-1">
            <h3 className="font-medium">Voice and hearing</h3>
            <p>{summary.voice}</p>
            <p className="text-muted-foreground">{summary.hearing}</p>
          </section>
          <section className="grid gap-1">
            <h3 className="font-medium">Procedures she offers</h3>
            {summary.procedures.length === 0 ? (
              <p className="text-muted-foreground">
                None yet: add procedures so Voxanne can answer questions and book them.
              </p>
            ) : (
              <ul className="grid gap-1.5">
                {summary.procedures.map((procedure) => (
                  <li key={procedure.name}>
                    <span className="font-medium">{procedure.name}</span>
                    {procedure.alsoHeardAs.length ? (
                      <span className="text-muted-foreground">
                        {" "}
                        · also understood as {procedure.alsoHeardAs.join(", ")}
                      </span>
                    ) : null}
                    {procedure.appointments.length ? (
                      <span className="text-muted-foreground block text-xs">
                        {procedure.appointments.join(" · ")}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="grid gap-1">
            <h3 className="font-medium">How she behaves</h3>
            <ul className="list-disc space-y-1 pl-5">
              {summary.behaviour.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </section>
          <details>
            <summary className="cursor-pointer font-medium">
              Technical configuration (Vapi JSON)
            </summary>
            <div className="mt-3">
              <ConfigViewer
                json={JSON.stringify(assistant, null, 2)}
                fileName={`assistant.${current.slug}.json`}
              />
            </div>
          </details>
        </CardContent>
      </Card>
    </div>
  );
}
