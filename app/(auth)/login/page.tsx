import { PhoneCall } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { getEnv } from "@/lib/env";
import { getSessionClaims } from "@/lib/auth/session";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { LoginForm } from "@/components/auth/login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; joined?: string }>;
}) {
  if (await getSessionClaims()) redirect("/");
  const { next, joined } = await searchParams;
  const local = getEnv().AUTH_PROVIDER === "local";

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
          <CardHeader>
            <CardTitle>
              <h1>Sign in to your clinic</h1>
            </CardTitle>
            <CardDescription>
              Watch live calls, confirm bookings and manage your assistant.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            {joined === "1" ? (
              <p
                className="rounded-md border bg-emerald-50 p-3 text-sm text-emerald-900"
                role="status"
              >
                You have joined the clinic. Sign in to continue.
              </p>
            ) : null}
            <LoginForm next={next} />
          </CardContent>
        </Card>
        {local ? (
          <p className="text-muted-foreground text-center text-xs">
            Demo mode: the seeded staff accounts are printed by <code>npm run dev</code> and listed
            in the README.
          </p>
        ) : null}
      </div>
    </main>
  );
}
