import { Info } from "lucide-react";

import { Alert, AlertDescription } from "@/components/ui/alert";

/** What a page left out of its address because it could not use it, in words. */
export function IgnoredParams({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null;
  return (
    <Alert data-testid="ignored-params" role="status">
      <Info aria-hidden />
      <AlertDescription>
        {notes.map((note) => (
          <p key={note}>{note}</p>
        ))}
      </AlertDescription>
    </Alert>
  );
}
