"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";

import { getEnv } from "@/lib/env";
import { CLINIC_COOKIE } from "@/lib/auth/clinic";
import {
  LOCAL_SESSION_COOKIE,
  sessionCookieOptions,
  verifyLocalSession,
} from "@/lib/auth/local-session";
import { signInWithPassword } from "@/lib/auth/service";
import { endLocalSession } from "@/lib/auth/session-record";
import { clientAddress, throttledMessage } from "@/lib/auth/throttle";
import { createClient } from "@/lib/supabase/server";
import { safeNextPath, signInSchema } from "@/lib/validations/auth";

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
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
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
    const result = await signInWithPassword(address, password, clientAddress(await headers()));
    if (result.outcome === "throttled") return { error: throttledMessage(result.waitUntil), email };
    if (result.outcome === "wrong") {
      return {
        error: result.waitUntil
          ? `${WRONG_CREDENTIALS} ${throttledMessage(result.waitUntil)}`
          : WRONG_CREDENTIALS,
        email,
      };
    }
    (await cookies()).set(LOCAL_SESSION_COOKIE, result.token, sessionCookieOptions());
  }
  redirect(safeNextPath(next));
}

export async function signOut(): Promise<void> {
  const cookieStore = await cookies();
  if (getEnv().AUTH_PROVIDER === "supabase") {
    const supabase = await createClient();
    await supabase.auth.signOut();
  } else {
    // The server-side session ends, so a copy of the token is worth nothing either.
    const claims = await verifyLocalSession(cookieStore.get(LOCAL_SESSION_COOKIE)?.value);
    if (claims) await endLocalSession(claims);
    cookieStore.delete(LOCAL_SESSION_COOKIE);
  }
  cookieStore.delete(CLINIC_COOKIE);
  redirect("/login");
}
