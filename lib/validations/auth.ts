import { z } from "zod";

export const signInSchema = z.object({
  // Trim before checking: people paste addresses with stray spaces.
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter the email address you sign in with").max(254)),
  password: z.string().min(1, "Enter your password").max(200),
  next: z.string().optional(),
});

export type SignInInput = z.infer<typeof signInSchema>;

/** Only same-site paths may be redirected to after sign-in (no open redirects). */
export function safeNextPath(next: string | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}
