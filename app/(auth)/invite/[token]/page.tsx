import { PhoneCall } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { STAFF_ROLE_LABELS } from "@/types/staff";
import { INVITATION_REFUSALS, openInvitation } from "@/lib/staff/service";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { AcceptInviteForm } from "@/components/auth/accept-invite-form";

export const metadata: Metadata = { title: "Join your clinic", referrer: "no-referrer" };

/** An invitation link (no session needed): set a name and password, or confirm an existing account. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await openInvitation(token);

  return (
    <main
      id="main"
      tabIndex={-1}
      className="bg-muted/40 flex min-h-dvh items-center justify-center p-4 outline-none"
    >
      <div className="w-full max-w-sm space-y-6">
        <div className="flex items-center justify-center gap-2 text-lg font-semibold">
          <span className="bg-primary text-primary-foreground flex size-9 items-center justify-center rounded-lg">
            <PhoneCall className="size-5" aria-hidden />
          </span>
          CallWaiting AI
        </div>
        <Card>
          {invitation.state === "open" ? (
            <>
              <CardHeader>
                <CardTitle>
                  <h1>Join {invitation.clinicName}</h1>
                </CardTitle>
                <CardDescription>
                  You are invited as {STAFF_ROLE_LABELS[invitation.role].toLowerCase()} with{" "}
                  <strong>{invitation.email}</strong>.{" "}
                  {invitation.accountExists
                    ? "You already have an account: enter its password to accept."
                    : "Choose your name and a password to create your account."}
                </CardDescription>
              </CardHeader>
              <CardContent>
                <AcceptInviteForm token={token} existing={invitation.accountExists} />
              </CardContent>
            </>
          ) : (
            <CardHeader>
              <CardTitle>
                <h1>Invitation unavailable</h1>
              </CardTitle>
              <CardDescription role="alert">
                {INVITATION_REFUSALS[invitation.state]}
              </CardDescription>
              <Link href="/login" className="text-sm underline underline-offset-4">
                Go to sign in
              </Link>
            </CardHeader>
          )}
        </Card>
      </div>
    </main>
  );
}
