import { Phone } from "lucide-react";

import { formatOwnNumber } from "@/lib/format";

export interface PatientClinic {
  name: string;
  /** The front desk's number (E.164), else the clinic's; null when it has none. */
  phone: string | null;
}

/**
 * The frame of every page a patient opens from a text (aftercare, their appointment): the
 * clinic's name and a number to call at the top, sized for a phone.
 */
export function ClinicShell({
  clinic,
  children,
}: {
  clinic: PatientClinic | null;
  children: React.ReactNode;
}) {
  return (
    <main id="main" tabIndex={-1} className="bg-muted/40 min-h-dvh outline-none">
      <div className="mx-auto grid w-full max-w-md gap-4 px-4 py-6">
        {clinic ? (
          <header
            className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1"
            data-testid="clinic-brand"
          >
            <p className="text-base font-semibold">{clinic.name}</p>
            {clinic.phone ? <CallClinic phone={clinic.phone} /> : null}
          </header>
        ) : null}
        {children}
      </div>
    </main>
  );
}

/** "Call +1 555-555-0199" as a tap-to-call link. */
export function CallClinic({ phone, label = "Call" }: { phone: string; label?: string }) {
  return (
    <a
      href={`tel:${phone}`}
      className="text-primary inline-flex items-center gap-1 text-sm font-medium underline-offset-4 hover:underline"
      data-testid="clinic-phone"
    >
      <Phone className="size-4" aria-hidden />
      {label} {formatOwnNumber(phone)}
    </a>
  );
}

/**
 * A link that no longer opens what it was for: what happened, and how to reach the clinic when
 * the link says which one it is; a general sentence when it does not.
 */
export function LinkProblem({
  icon: Icon,
  title,
  body,
  clinic,
}: {
  icon: React.ComponentType<{ className?: string; "aria-hidden"?: boolean }>;
  title: string;
  body: string;
  clinic: PatientClinic | null;
}) {
  return (
    <ClinicShell clinic={clinic}>
      <div
        className="bg-card grid gap-3 rounded-xl border p-6 text-center"
        data-testid="link-problem"
      >
        <span className="bg-muted mx-auto flex size-12 items-center justify-center rounded-full">
          <Icon className="text-muted-foreground size-6" aria-hidden />
        </span>
        <h1 className="text-xl font-semibold">{title}</h1>
        <p className="text-muted-foreground text-sm leading-6">{body}</p>
        {clinic ? (
          <p className="text-sm leading-6" data-testid="how-to-reach">
            {clinic.phone ? (
              <>
                {`Call ${clinic.name} on `}
                <a
                  href={`tel:${clinic.phone}`}
                  className="font-medium underline underline-offset-4"
                >
                  {formatOwnNumber(clinic.phone)}
                </a>
                {" and we'll help."}
              </>
            ) : (
              `Contact ${clinic.name} and we'll help.`
            )}
          </p>
        ) : (
          <p className="text-sm leading-6" data-testid="how-to-reach">
            Call the clinic that texted you, on the number the text came from, and they&apos;ll
            help.
          </p>
        )}
      </div>
    </ClinicShell>
  );
}
