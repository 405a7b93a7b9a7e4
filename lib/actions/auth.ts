"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";

import { getEnv } from "@/lib/env";
import { CLINIC_COOKIE } from "@/lib/auth/clinic";
import {
  LOCAL_SESSION_COOKIE,
  sessionCookieOptions,
  signLocalSession,
} from "@/lib/auth/local-session";
import { signInWithPassword } from "@/lib/auth/service";
import { createClient } from "@/lib/supabase/server";
import { safeNextPath, signInSchema } from "@/lib/validations/auth";
import { plainError } from "@/lib/validations/plain-errors";

import { fieldErrorsOf } from "./safe-action";

export interface SignInState {
  error?: string;
  fieldErrors?: Partial<Record<"email" | "password", string>>;
  email?: string;
}

const WRONG_CREDENTIALS =
  "That email and password don't match an account. Check them and try again.";

// Server action for the sign-in form: validate, authenticate with the configured provider,
// set the session cookie, redirect to where the person was going.
export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData), { error: plainError });
  const email = String(formData.get("email") ?? "");
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), email };
  const { email: address, password, next } = parsed.data;

  if (getEnv().AUTH_PROVIDER === "supabase") {
    const supabase = await createClient();
    const { error } = await supabase.auth.signInWithPassword({ email: address, password });
    if (error)
      return {
        error:
          error.status === 400
            ? WRONG_CREDENTIALS
            : "Sign-in is unavailable right now. Try again shortly.",
        email,
      };
  } else {
    const user = await signInWithPassword(address, password);
    if (!user) return { error: WRONG_CREDENTIALS, email };
    (await cookies()).set(
      LOCAL_SESSION_COOKIE,
      await signLocalSession(user),
      sessionCookieOptions(),
    );
  }
  redirect(safeNextPath(next));
}

export async function signOut(): Promise<void> {
  const cookieStore = await cookies();
  if (getEnv().AUTH_PROVIDER === "supabase") {
    const supabase = await createClient();
    await supabase.auth.signOut();
  } else {
    cookieStore.delete(LOCAL_SESSION_COOKIE);
  }
  cookieStore.delete(CLINIC_COOKIE);
  redirect("/login");
}
