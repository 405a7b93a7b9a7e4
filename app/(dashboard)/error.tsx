"use client";

import { RotateCw, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useEffect } from "react";

import { Button } from "@/components/ui/button";

/**
 * A page of the dashboard that failed, inside the dashboard's frame (the sidebar stays): what
 * happened in words, a retry, and a way back. The error itself goes to the browser console
 * only; in production Next.js sends no details of a server error to the browser anyway.
 */
export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : null;
  return (
    <div
      role="alert"
      data-testid="page-error"
      className="flex flex-col items-center justify-center rounded-xl border border-dashed px-6 py-16 text-center"
    >
      <span className="bg-destructive/10 text-destructive mb-4 flex size-12 items-center justify-center rounded-full">
        <TriangleAlert className="size-6" aria-hidden />
      </span>
      <h1 className="text-base font-semibold">This page could not be loaded</h1>
      <p className="text-muted-foreground mt-2 max-w-md text-sm">
        Something went wrong on our side. Nothing you entered was lost. Try again; if it keeps
        happening, tell your clinic admin
        {digest ? ` and quote reference ${digest}` : ""}.
      </p>
      <div className="mt-4 flex flex-wrap justify-center gap-2">
        <Button size="sm" onClick={() => retry()}>
          <RotateCw aria-hidden /> Try again
        </Button>
        <Button size="sm" variant="outline" asChild>
          <Link href="/">Go to Live calls</Link>
        </Button>
      </div>
    </div>
  );
}
