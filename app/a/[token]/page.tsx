import { Download, FileX2 } from "lucide-react";
import type { Metadata } from "next";

import { openAftercarePage, type AftercarePage } from "@/lib/aftercare/service";
import { Button } from "@/components/ui/button";
import { LINK_PROBLEMS } from "@/components/patient/aftercare-problems";
import { CallClinic, ClinicShell, LinkProblem } from "@/components/patient/clinic-shell";

export const dynamic = "force-dynamic";

// No referrer: the token in this URL must never travel to another site with a click.
export const metadata: Metadata = {
  title: "Your aftercare guide",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

// /a/<token>: the aftercare guide a patient was texted, on their phone: the clinic's name and
// number, the guide as a page (when the clinic has its text) and the PDF to download. Nothing
// about the patient is in the URL or on the page. An expired or withdrawn link names the clinic
// and how to reach it; an unknown one says so in general words.
export default async function AftercarePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let page: AftercarePage | { status: "error" };
  try {
    page = await openAftercarePage(token);
  } catch {
    page = { status: "error" };
  }
  if (page.status !== "ok") {
    const problem = LINK_PROBLEMS[page.status] ?? LINK_PROBLEMS.error!;
    return (
      <LinkProblem
        icon={FileX2}
        title={problem.title}
        body={problem.body}
        clinic={"clinic" in page ? page.clinic : null}
      />
    );
  }
  const { leaflet, clinic } = page;
  const pdf = `/a/${encodeURIComponent(token)}/pdf`;
  return (
    <ClinicShell clinic={clinic}>
      <article className="bg-card grid gap-5 rounded-xl border p-5 text-base leading-7">
        <header className="grid gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">{page.title}</h1>
          {leaflet?.subtitle ? <p className="text-muted-foreground">{leaflet.subtitle}</p> : null}
        </header>
        <Button asChild variant="outline" className="justify-self-start">
          <a href={pdf} data-testid="aftercare-pdf">
            <Download aria-hidden /> Download the PDF
          </a>
        </Button>
        {leaflet ? (
          <div className="grid gap-5" data-testid="aftercare-text">
            {leaflet.intro ? <p>{leaflet.intro}</p> : null}
            {leaflet.sections.map((section) => (
              <section key={section.heading} className="grid gap-2">
                <h2 className="text-lg font-semibold">{section.heading}</h2>
                {section.intro ? <p>{section.intro}</p> : null}
                <ul className="grid list-disc gap-1.5 pl-5">
                  {section.bullets.map((bullet) => (
                    <li key={bullet}>{bullet}</li>
                  ))}
                </ul>
                {section.outro ? <p className="font-medium">{section.outro}</p> : null}
              </section>
            ))}
            {leaflet.disclaimer ? (
              <p className="text-muted-foreground border-t pt-4 text-sm">{leaflet.disclaimer}</p>
            ) : null}
          </div>
        ) : (
          <p data-testid="aftercare-pdf-only">
            {clinic.name}&apos;s guide is a PDF: open it with the button above. It opens on your
            phone, and you can keep it to read again.
          </p>
        )}
        {clinic.phone ? (
          <p className="border-t pt-4 text-sm">
            Questions about your recovery? <CallClinic phone={clinic.phone} label="Call us on" />
          </p>
        ) : null}
      </article>
    </ClinicShell>
  );
}
