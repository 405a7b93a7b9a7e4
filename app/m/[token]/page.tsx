import { CalendarX2 } from "lucide-react";
import type { Metadata } from "next";

import { openManagePage, type ManagePage } from "@/lib/appointments/service";
import { ManageAppointment } from "@/components/manage/manage-appointment";

export const dynamic = "force-dynamic";

// No referrer: the token in this URL must never travel to another site with a click.
export const metadata: Metadata = {
  title: "Your appointment",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

const PROBLEMS: Record<string, { title: string; body: string }> = {
  expired: {
    title: "This link has expired",
    body: "Appointment links work for a limited time to keep your information private. Call the clinic and we'll help, or ask for a new link.",
  },
  revoked: {
    title: "This link is no longer active",
    body: "The appointment it was for has been cancelled, or the clinic sent you a newer link. Call the clinic if you need help.",
  },
  unknown: {
    title: "We couldn't find that link",
    body: "Check that the whole link from your text message was opened, or call the clinic and we'll send it again.",
  },
  error: {
    title: "This page isn't available right now",
    body: "Please try again in a few minutes, or call the clinic and we'll help.",
  },
};

// /m/<token>: the patient's page for one appointment, from a text. Says nothing about who they
// are unless the link is valid; unknown, tampered, expired and revoked links get a friendly page.
export default async function ManageLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let page: ManagePage | { status: "error" };
  try {
    page = await openManagePage(token);
  } catch {
    page = { status: "error" };
  }
  if (page.status !== "ok") {
    const problem = PROBLEMS[page.status] ?? PROBLEMS.error!;
    return (
      <main
        id="main"
        tabIndex={-1}
        className="flex min-h-dvh items-center justify-center p-6 outline-none"
      >
        <div className="max-w-sm text-center" data-testid="manage-problem">
          <span className="bg-muted mx-auto mb-4 flex size-12 items-center justify-center rounded-full">
            <CalendarX2 className="text-muted-foreground size-6" aria-hidden />
          </span>
          <h1 className="text-xl font-semibold">{problem.title}</h1>
          <p className="text-muted-foreground mt-2 text-sm leading-6">{problem.body}</p>
        </div>
      </main>
    );
  }
  return (
    <ManageAppointment
      token={token}
      clinic={page.clinic}
      appointment={page.appointment}
      changeable={page.changeable}
      times={page.times}
      earlier={page.earlier}
      waiting={page.waiting}
    />
  );
}
