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

// Control characters, and any whitespace: browsers strip tabs and newlines out of URLs, so
// "/\t/attacker.example" would become "//attacker.example", another origin.
const UNSAFE_IN_NEXT = /[\p{Cc}\p{Cf}\p{Z}\s]/u;

/**
 * Where to go after sign-in: `next` resolved against the app's own URL (`APP_URL`), kept only if
 * it is a path on that same origin. Anything else, or anything holding a control character or
 * whitespace, goes to the dashboard's home. Returns a path (with query and fragment).
 */
export function safeNextPath(next: string | undefined, appUrl: string): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (UNSAFE_IN_NEXT.test(next) || next.includes("\\")) return "/";
  let base: URL;
  let target: URL;
  try {
    base = new URL(appUrl);
    target = new URL(next, base);
  } catch {
    return "/";
  }
  if (target.origin !== base.origin) return "/";
  return `${target.pathname}${target.search}${target.hash}`;
}
