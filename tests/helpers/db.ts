import { Client } from "pg";
import { inject } from "vitest";

export const HARBOUR = "c1a1c000-0000-4000-8000-000000000001";
export const MARLOW = "c1a1c000-0000-4000-8000-000000000002";
export const HARBOUR_ADMIN = "a11ce000-0000-4000-8000-000000000001";
export const HARBOUR_RECEPTIONIST = "a11ce000-0000-4000-8000-000000000002";

/** A connection as the database owner (superuser): for fixtures, never for assertions about users. */
export async function ownerClient(): Promise<Client> {
  const client = new Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  return client;
}

export type Actor = { role: "anon" } | { role: "authenticated"; sub: string };

export function claimsFor(sub: string) {
  return { sub, role: "authenticated", aud: "authenticated", exp: 4102444800, iat: 1700000000, app_metadata: {}, user_metadata: {} };
}

/**
 * Runs `fn` the way PostgREST runs a request: a transaction, `role` switched to the actor's
 * and request.jwt.claims set; always rolled back so tests leave nothing behind.
 */
export async function asActor<T>(client: Client, actor: Actor, fn: () => Promise<T>): Promise<T> {
  await client.query("begin");
  try {
    await client.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [
      actor.role,
      actor.role === "anon" ? "" : JSON.stringify(claimsFor(actor.sub)),
    ]);
    return await fn();
  } finally {
    await client.query("rollback");
  }
}

/** The error Postgres raised for `sql`, or null if it succeeded (inside a savepoint). */
export async function errorOf(client: Client, sql: string, params: unknown[] = []): Promise<{ code?: string; message: string } | null> {
  await client.query("savepoint probe");
  try {
    await client.query(sql, params);
    await client.query("release savepoint probe");
    return null;
  } catch (error) {
    await client.query("rollback to savepoint probe");
    return error as { code?: string; message: string };
  }
}
