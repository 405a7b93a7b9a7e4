import type { PreviewCase, TransferPreview } from "@/lib/hours/transfer-preview";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

const CALLERS: Record<PreviewCase, string> = {
  ordinary: "A caller asking for a person",
  urgent: "An urgent post-operative concern",
  emergency: "Emergency signs (breathing, chest pain, heavy bleeding)",
};

/**
 * "Test the transfer": where `transfer-destination-request` would send each kind of caller at a
 * chosen moment (now by default), and why. A GET form: the moment is the page's `?at=`, and
 * the answer comes from the same function the webhook answers with (lib/hours/transfer-preview.ts).
 */
export function TransferPreviewCard({
  when,
  result,
}: {
  when: string;
  result: { preview: TransferPreview } | { error: string };
}) {
  return (
    <Card className="max-w-3xl" data-testid="transfer-preview">
      <CardHeader>
        <CardTitle>Test the transfer</CardTitle>
        <CardDescription>
          Where a caller who asks for a person would be put through at a given moment, worked out
          exactly as during a call, from the hours, special dates, closures and rota saved above.
          Nobody is called.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 text-sm">
        <form method="get" className="flex flex-wrap items-end gap-3">
          <div className="grid gap-1.5">
            <Label htmlFor="transfer-at">Moment (clinic time)</Label>
            <Input
              id="transfer-at"
              name="at"
              type="datetime-local"
              defaultValue={when}
              className="w-56"
            />
          </div>
          <Button type="submit" variant="secondary">
            Test the transfer
          </Button>
          {when ? (
            <a href="?" className="text-sm underline underline-offset-4">
              Now
            </a>
          ) : null}
        </form>
        {"error" in result ? (
          <Alert variant="destructive">
            <AlertDescription>{result.error}</AlertDescription>
          </Alert>
        ) : (
          <div className="grid gap-3">
            <p>
              {when ? "At" : "Now,"} <strong>{result.preview.local}</strong> (
              {result.preview.timezone}): {result.preview.state}. On call the night of{" "}
              {result.preview.night}:{" "}
              {result.preview.onCall
                ? `${result.preview.onCall.clinicianName}, ${result.preview.onCall.phoneNumber}`
                : "nobody"}
              .
            </p>
            <ul className="divide-y rounded-lg border">
              {result.preview.cases.map((item) => (
                <li
                  key={item.call}
                  data-testid={`transfer-preview-${item.call}`}
                  className="grid gap-1 px-4 py-3"
                >
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{CALLERS[item.call]}</span>
                    <Badge variant={item.choice.kind === "none" ? "outline" : "secondary"}>
                      {item.destination}
                    </Badge>
                  </div>
                  <span className="text-muted-foreground">{item.why}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
