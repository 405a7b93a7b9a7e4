import { claimsSchema, type Claims } from "@/types/claims";

// The claims' shape is shared with the data layer (withClaims); sign-in code imports it from here.
export { claimsSchema, type Claims } from "@/types/claims";

/** Claims a verifier returned (Supabase's getClaims, our local JWT), if they have that shape. */
export function parseClaims(raw: unknown): Claims | null {
  const parsed = claimsSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function displayNameFromClaims(claims: Claims): string {
  const fullName = claims.user_metadata.full_name;
  if (typeof fullName === "string" && fullName.trim()) return fullName.trim();
  return claims.email ?? "Signed in";
}
