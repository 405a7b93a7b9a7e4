import { CalendarX2 } from "lucide-react";
import type { Metadata } from "next";

import { openManagePage, type ManagePage } from "@/lib/appointments/service";
import { ManageAppointment } from "@/components/manage/manage-appointment";
import { LinkProblem } from "@/components/patient/clinic-shell";

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
    body: "Appointment links work for a limited time to keep your information private. We can help, or send you a new link.",
  },
  revoked: {
    title: "This link is no longer active",
    body: "The appointment it was for has been cancelled, or the clinic sent you a newer link.",
  },
  unknown: {
    title: "We couldn't find that link",
    body: "Check that the whole link from your text message was opened, or ask the clinic to send it again.",
  },
  error: {
    title: "This page isn't available right now",
    body: "Please try again in a few minutes.",
  },
};

// /m/<token>: the patient's page for one appointment, from a text, in the clinic's name. Says
// nothing about who they are unless the link is valid; expired and revoked links name the clinic
// and its number, unknown and tampered ones get a general friendly page.
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
      <div data-testid="manage-problem">
        <LinkProblem
          icon={CalendarX2}
          title={problem.title}
          body={problem.body}
          clinic={"clinic" in page ? page.clinic : null}
        />
      </div>
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
