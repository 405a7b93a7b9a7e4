import { CircleCheck } from "lucide-react";

import { Alert, AlertDescription } from "@/components/ui/alert";

/** A form's refusal (an alert) or, for forms that stay open, a quiet "saved" status. */
export function FormMessage({
  error,
  saved,
  className,
}: {
  error?: string;
  saved?: string;
  className?: string;
}) {
  if (error)
    return (
      <Alert variant="destructive" className={className}>
        <AlertDescription>{error}</AlertDescription>
      </Alert>
    );
  return (
    <p
      role="status"
      className={saved ? "text-success flex items-center gap-1.5 text-sm" : "sr-only"}
    >
      {saved ? <CircleCheck className="size-4" aria-hidden /> : null}
      {saved}
    </p>
  );
}
