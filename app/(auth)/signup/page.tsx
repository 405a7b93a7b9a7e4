import { PhoneCall } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { getSessionClaims } from "@/lib/auth/session";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { SignUpForm } from "@/components/onboarding/sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

/** A clinic owner signs up; next they create their clinic (/clinics/new). */
export default async function SignUpPage() {
  if (await getSessionClaims()) redirect("/");
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
              <h1>Create your account</h1>
            </CardTitle>
            <CardDescription>
              For clinic owners: next you create your clinic and set up its receptionist.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <SignUpForm />
          </CardContent>
        </Card>
        <p className="text-muted-foreground text-center text-sm">
          Already have an account?{" "}
          <Link href="/login" className="underline underline-offset-4">
            Sign in
          </Link>
        </p>
      </div>
    </main>
  );
}
