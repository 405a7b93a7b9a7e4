import { z } from "zod";

/**
 * The verified JWT claims of a signed-in person, in Supabase Auth's shape. Both sign-in
 * adapters produce exactly this (lib/auth), and `withClaims` (lib/db) hands it to Postgres as
 * request.jwt.claims, where RLS reads it.
 */
export const claimsSchema = z.looseObject({
  sub: z.uuid(),
  role: z.literal("authenticated"),
  aud: z.union([z.string(), z.array(z.string())]),
  exp: z.number().int(),
  iat: z.number().int(),
  iss: z.string().optional(),
  email: z.string().optional(),
  session_id: z.string().optional(),
  is_anonymous: z.boolean().optional(),
  app_metadata: z.record(z.string(), z.unknown()).default({}),
  user_metadata: z.record(z.string(), z.unknown()).default({}),
});

export type Claims = z.infer<typeof claimsSchema>;
