"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import type { AreaCounts, PrivacyRequestRow } from "@/lib/db/patient-requests";
import { formatDateTime } from "@/lib/format";
import { AREA_INFO, AREAS } from "@/lib/privacy/registry";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { useClinicFormat } from "@/components/dashboard/clinic-format";

interface SearchResult {
  found: AreaCounts;
  patients: { id: string; fullName: string | null; email: string | null }[];
  total: number;
}

function countsText(counts: AreaCounts): string {
  const parts = AREAS.filter((area) => (counts[area] ?? 0) > 0).map(
    (area) => `${counts[area]} ${AREA_INFO[area].label.toLowerCase()}`,
  );
  return parts.length ? parts.join(", ") : "nothing";
}

const normalise = (value: string) => value.trim().replace(/[\s().-]/g, "");

/**
 * Admin → Privacy → Patient requests (issue 16): find everything held about a number, export it
 * (JSON or a printable summary) and erase it, with the number typed again to confirm; below,
 * every export and erasure made (who, when, whose, what).
 */
export function PatientRequests({
  clinicId,
  requests,
}: {
  clinicId: string;
  requests: PrivacyRequestRow[];
}) {
  const { clinic, viewerZone } = useClinicFormat();
  const router = useRouter();
  const [number, setNumber] = useState("");
  const [searched, setSearched] = useState<string | null>(null);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [confirm, setConfirm] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const base = `/api/clinics/${clinicId}/privacy`;
  const when = (at: Date | string) => formatDateTime(at, clinic, { viewerZone });

  async function search(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    setConfirming(false);
    setConfirm("");
    try {
      const response = await fetch(`${base}/search?phone=${encodeURIComponent(number)}`);
      const body = await response.json();
      if (!response.ok) {
        setResult(null);
        setSearched(null);
        setError(body.error ?? "The search failed; try again.");
      } else {
        setResult(body as SearchResult);
        setSearched(normalise(number));
      }
    } catch {
      setError("The search failed; check the connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  async function erase() {
    if (!searched) return;
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`${base}/erasures`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ subject: { phone: searched }, confirm }),
      });
      const body = await response.json();
      if (!response.ok) setError(body.error ?? "The erasure failed; nothing was changed.");
      else {
        setDone(`Erased. Removed or anonymised: ${countsText(body.removed as AreaCounts)}.`);
        setResult(null);
        setConfirming(false);
        setConfirm("");
        router.refresh();
      }
    } catch {
      setError("The erasure failed; check the connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  const exportHref = (format: "json" | "html") =>
    `${base}/export?phone=${encodeURIComponent(searched ?? "")}&format=${format}`;

  return (
    <Card
      className="max-w-3xl"
      aria-labelledby="patient-requests-title"
      data-testid="patient-requests"
    >
      <CardHeader>
        <CardTitle id="patient-requests-title">Patient requests</CardTitle>
        <CardDescription>
          Find everything the clinic holds about a phone number, give the patient a copy, or erase
          it. Appointments and calls are kept for the clinic&apos;s records without the name or
          number; an opted-out number stays opted out. Each export and erasure is recorded below and
          in the access log.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <form
          onSubmit={search}
          className="flex flex-wrap items-end gap-2"
          aria-label="Search patient data"
        >
          <div className="grid flex-1 gap-1">
            <label htmlFor="subject-phone" className="text-sm font-medium">
              Patient&apos;s number
            </label>
            <Input
              id="subject-phone"
              inputMode="tel"
              placeholder="+15555550100"
              value={number}
              onChange={(event) => setNumber(event.target.value)}
            />
          </div>
          <Button type="submit" disabled={busy || number.trim() === ""}>
            Search
          </Button>
        </form>
        {error ? (
          <p role="alert" className="text-destructive text-sm">
            {error}
          </p>
        ) : null}
        {done ? (
          <p role="status" className="text-sm">
            {done}
          </p>
        ) : null}
        {result && searched ? (
          <div className="grid gap-3 rounded-md border p-3" data-testid="subject-results">
            {result.total === 0 ? (
              <p className="text-sm">The clinic holds nothing about {searched}.</p>
            ) : (
              <>
                <p className="text-sm font-medium">
                  {result.total} record{result.total === 1 ? "" : "s"} about {searched}
                  {result.patients.length
                    ? `: ${result.patients
                        .map((patient) => patient.fullName ?? "patient without a name")
                        .join(", ")}`
                    : ""}
                </p>
                <ul className="grid gap-1 text-sm">
                  {AREAS.filter((area) => (result.found[area] ?? 0) > 0).map((area) => (
                    <li key={area} className="flex flex-wrap justify-between gap-2">
                      <span>
                        {AREA_INFO[area].label}: <strong>{result.found[area]}</strong>
                      </span>
                      <span className="text-muted-foreground text-xs">
                        On erasure: {AREA_INFO[area].erasure}
                      </span>
                    </li>
                  ))}
                </ul>
                <div className="flex flex-wrap gap-2">
                  <Button asChild variant="outline" size="sm">
                    <a href={exportHref("json")} download onClick={() => router.refresh()}>
                      Export JSON
                    </a>
                  </Button>
                  <Button asChild variant="outline" size="sm">
                    <a href={exportHref("html")} download onClick={() => router.refresh()}>
                      Export summary
                    </a>
                  </Button>
                  <Button
                    variant="destructive"
                    size="sm"
                    onClick={() => setConfirming(true)}
                    disabled={confirming}
                  >
                    Erase…
                  </Button>
                </div>
                {confirming ? (
                  <div className="border-destructive grid gap-2 rounded-md border p-3">
                    <label htmlFor="erase-confirm" className="text-sm">
                      This cannot be undone. Type the number again to erase everything about it.
                    </label>
                    <Input
                      id="erase-confirm"
                      inputMode="tel"
                      value={confirm}
                      onChange={(event) => setConfirm(event.target.value)}
                    />
                    <div className="flex gap-2">
                      <Button
                        variant="destructive"
                        size="sm"
                        disabled={busy || normalise(confirm) !== searched}
                        onClick={erase}
                      >
                        Erase everything about {searched}
                      </Button>
                      <Button
                        variant="ghost"
                        size="sm"
                        onClick={() => {
                          setConfirming(false);
                          setConfirm("");
                        }}
                      >
                        Cancel
                      </Button>
                    </div>
                  </div>
                ) : null}
              </>
            )}
          </div>
        ) : null}
        <div className="grid gap-2">
          <h3 className="text-sm font-medium">Requests made</h3>
          {requests.length === 0 ? (
            <p className="text-muted-foreground text-sm" data-testid="privacy-requests">
              No export or erasure yet.
            </p>
          ) : (
            <ul className="grid gap-2 text-sm" data-testid="privacy-requests">
              {requests.map((request) => (
                <li key={request.id} className="grid gap-0.5 rounded-md border p-2">
                  <span className="flex flex-wrap items-center gap-2">
                    <Badge variant={request.kind === "erasure" ? "destructive" : "outline"}>
                      {request.kind === "erasure" ? "Erasure" : "Export"}
                    </Badge>
                    <span className="font-medium">{request.subjectMasked}</span>
                    <span className="text-muted-foreground">
                      {when(request.at)} by {request.actorEmail ?? "an admin"}
                    </span>
                  </span>
                  <span className="text-muted-foreground text-xs">
                    {request.kind === "erasure"
                      ? `Removed or anonymised: ${countsText(request.removed)}`
                      : `Found: ${countsText(request.found)}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
