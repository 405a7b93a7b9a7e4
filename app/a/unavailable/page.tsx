import { FileX2 } from "lucide-react";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Link unavailable", robots: { index: false } };

const MESSAGES: Record<string, { title: string; body: string }> = {
  expired: {
    title: "This link has expired",
    body: "Aftercare links work for a limited time to keep your information private. Call the clinic and we'll send you a new one.",
  },
  revoked: {
    title: "This link is no longer active",
    body: "The clinic has replaced or withdrawn this document. Call the clinic and we'll send you the current one.",
  },
  unknown: {
    title: "We couldn't find that link",
    body: "Check that the whole link from your text message was opened, or call the clinic and we'll send it again.",
  },
};
const FALLBACK = {
  title: "This document isn't available right now",
  body: "Please try again in a few minutes, or call the clinic and we'll help.",
};

// The page patients see when an SMS link cannot open its PDF. Says nothing about who they are.
export default async function LinkUnavailablePage({
  searchParams,
}: {
  searchParams: Promise<{ reason?: string }>;
}) {
  const { reason } = await searchParams;
  const message = MESSAGES[reason ?? ""] ?? FALLBACK;
  return (
    <main
      id="main"
      tabIndex={-1}
      className="flex min-h-dvh items-center justify-center p-6 outline-none"
    >
      <div className="max-w-sm text-center">
        <span className="bg-muted mx-auto mb-4 flex size-12 items-center justify-center rounded-full">
          <FileX2 className="text-muted-foreground size-6" aria-hidden />
        </span>
        <h1 className="text-xl font-semibold">{message.title}</h1>
        <p className="text-muted-foreground mt-2 text-sm leading-6">{message.body}</p>
      </div>
    </main>
  );
}
