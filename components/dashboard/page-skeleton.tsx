import { Skeleton } from "@/components/ui/skeleton";

export type SkeletonShape = "table" | "cards" | "detail" | "form" | "calendar" | "chart";

/**
 * What a dashboard page looks like while its data loads (each route's loading.tsx): the page's
 * title, in words, and grey shapes where its content will be, announced once to screen readers.
 */
export function PageSkeleton({
  title,
  shape,
  withHeader = true,
}: {
  title: string;
  shape: SkeletonShape;
  /** False inside a layout that already shows the page's header (Diary setup). */
  withHeader?: boolean;
}) {
  return (
    <div className="grid gap-6" role="status" aria-live="polite" data-testid="page-loading">
      <span className="sr-only">Loading {title.toLowerCase()}…</span>
      {withHeader ? (
        <div className="grid gap-2" aria-hidden>
          <p className="text-2xl font-semibold tracking-tight">{title}</p>
          <Skeleton className="h-4 w-72 max-w-full" />
        </div>
      ) : null}
      <div aria-hidden className="grid gap-4">
        {shape === "table" ? (
          <>
            <Skeleton className="h-9 w-full max-w-xl" />
            <div className="grid gap-2 rounded-lg border p-3">
              {Array.from({ length: 8 }, (_, index) => (
                <Skeleton key={index} className="h-8 w-full" />
              ))}
            </div>
          </>
        ) : null}
        {shape === "cards" ? (
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
            <Skeleton className="h-40" />
            <Skeleton className="h-40" />
            <Skeleton className="h-40" />
          </div>
        ) : null}
        {shape === "detail" ? (
          <>
            <Skeleton className="h-24 w-full" />
            <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
              <Skeleton className="h-80" />
              <div className="grid content-start gap-6">
                <Skeleton className="h-32" />
                <Skeleton className="h-32" />
              </div>
            </div>
          </>
        ) : null}
        {shape === "form" ? (
          <div className="grid max-w-2xl gap-4">
            {Array.from({ length: 5 }, (_, index) => (
              <div key={index} className="grid gap-2">
                <Skeleton className="h-4 w-32" />
                <Skeleton className="h-9 w-full" />
              </div>
            ))}
          </div>
        ) : null}
        {shape === "calendar" ? (
          <>
            <Skeleton className="h-9 w-full max-w-md" />
            <Skeleton className="h-[32rem] w-full" />
          </>
        ) : null}
        {shape === "chart" ? (
          <>
            <Skeleton className="h-9 w-full max-w-md" />
            <Skeleton className="h-72 w-full" />
            <Skeleton className="h-40 w-full" />
          </>
        ) : null}
      </div>
    </div>
  );
}
