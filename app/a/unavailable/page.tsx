import { FileX2 } from "lucide-react";
import type { Metadata } from "next";

import { LINK_PROBLEMS } from "@/components/patient/aftercare-problems";
import { LinkProblem } from "@/components/patient/clinic-shell";

export const metadata: Metadata = { title: "Link unavailable", robots: { index: false } };

// The general page for an aftercare link that cannot open its guide (the PDF download failing,
// old links to this page). Says nothing about who the patient is; a link that names its clinic
// is answered on its own page (app/a/[token]), which says which clinic and how to reach it.
export default async function LinkUnavailablePage({
  searchParams,
}: {
  searchParams: Promise<{ reason?: string }>;
}) {
  const { reason } = await searchParams;
  const message = LINK_PROBLEMS[reason ?? ""] ?? LINK_PROBLEMS.error!;
  return <LinkProblem icon={FileX2} title={message.title} body={message.body} clinic={null} />;
}
