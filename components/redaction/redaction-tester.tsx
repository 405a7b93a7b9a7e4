"use client";

import { useEffect, useState, useTransition } from "react";

import { testRedaction } from "@/lib/actions/redaction";
import type { Finding } from "@/lib/redaction/types";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";

import { PlaceholderText } from "./placeholder-text";

const EXAMPLE =
  "Hi, my name is Jane Doe, I'm calling about a facelift. You can reach me on five five five, two one three, four four nine eight or jane dot doe at gmail dot com. I was born March third nineteen eighty two and I'm on warfarin.";

/** Paste a transcript and see it redacted with the clinic's current rules, as it would be stored. */
export function RedactionTester() {
  const [text, setText] = useState(EXAMPLE);
  const [result, setResult] = useState<{
    text?: string;
    findings?: Finding[];
    turns?: { role: "assistant" | "caller"; text: string }[];
    error?: string;
  }>({});
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    const timer = setTimeout(
      () => startTransition(async () => setResult(await testRedaction({ text }))),
      350,
    );
    return () => clearTimeout(timer);
  }, [text]);

  const counts = Object.entries(
    (result.findings ?? []).reduce<Record<string, number>>(
      (all, finding) => ({ ...all, [finding.type]: (all[finding.type] ?? 0) + 1 }),
      {},
    ),
  );

  return (
    <Card>
      <CardHeader>
        <CardTitle>Try it</CardTitle>
        <CardDescription>
          Paste a line, or a whole call with one turn per line (&ldquo;Voxanne: &hellip;&rdquo;,
          &ldquo;Caller: &hellip;&rdquo;) to see it redacted as a stored call is: with what was
          asked, split numbers and names learned anywhere in the call. Nothing you paste is stored.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="grid gap-2">
          <Label htmlFor="tester-input">Transcript</Label>
          <textarea
            id="tester-input"
            value={text}
            onChange={(event) => setText(event.target.value)}
            maxLength={5000}
            rows={8}
            className="border-input bg-background focus-visible:ring-ring/50 rounded-md border px-3 py-2 text-sm outline-none focus-visible:ring-[3px]"
          />
        </div>
        <div className="grid gap-2" aria-live="polite">
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-sm font-medium">As stored</span>
            {pending ? <span className="text-muted-foreground text-xs">updating…</span> : null}
            {counts.map(([type, count]) => (
              <Badge key={type} variant="secondary">
                {type} × {count}
              </Badge>
            ))}
          </div>
          {result.error ? <p className="text-destructive text-sm">{result.error}</p> : null}
          <div className="bg-muted/40 rounded-md border p-3 text-sm" data-testid="tester-output">
            {result.turns ? (
              <ol className="grid gap-1.5">
                {result.turns.map((turn, index) => (
                  <li
                    key={index}
                    data-testid="tester-turn"
                    className="grid grid-cols-[5rem_1fr] gap-2"
                  >
                    <span className="text-muted-foreground text-xs font-medium uppercase">
                      {turn.role === "assistant" ? "Voxanne" : "Caller"}
                    </span>
                    <span>
                      <PlaceholderText text={turn.text} />
                    </span>
                  </li>
                ))}
              </ol>
            ) : (
              <PlaceholderText text={result.text ?? ""} />
            )}
          </div>
        </div>
      </CardContent>
    </Card>
  );
}
