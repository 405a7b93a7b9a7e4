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
  return {
    sub,
    role: "authenticated",
    aud: "authenticated",
    exp: 4102444800,
    iat: 1700000000,
    app_metadata: {},
    user_metadata: {},
  };
}

/**
 * Runs `fn` the way PostgREST runs a request: a transaction, `role` switched to the actor's
 * and request.jwt.claims set; always rolled back so tests leave nothing behind.
 */
export async function asActor<T>(client: Client, actor: Actor, fn: () => Promise<T>): Promise<T> {
  await client.query("begin");
  try {
    await client.query(
      "select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)",
      [actor.role, actor.role === "anon" ? "" : JSON.stringify(claimsFor(actor.sub))],
    );
    return await fn();
  } finally {
    await client.query("rollback");
  }
}

/** The error Postgres raised for `sql`, or null if it succeeded (inside a savepoint). */
export async function errorOf(
  client: Client,
  sql: string,
  params: unknown[] = [],
): Promise<{ code?: string; message: string } | null> {
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

/**
 * Whether Supabase Realtime would let `userId` join the private `topic`: reproduces its join
 * check on realtime.messages (a probe row for the topic, then SELECT as the user).
 */
export async function canJoin(client: Client, userId: string, topic: string): Promise<boolean> {
  await client.query(
    "insert into realtime.messages (topic, extension, payload, event, private) values ($1, 'broadcast', '{}', 'probe', true)",
    [topic],
  );
  try {
    return await asActor(client, { role: "authenticated", sub: userId }, async () => {
      await client.query("select set_config('realtime.topic', $1, true)", [topic]);
      const { rowCount } = await client.query(
        "select 1 from realtime.messages where topic = $1 and event = 'probe'",
        [topic],
      );
      return (rowCount ?? 0) > 0;
    });
  } finally {
    await client.query("delete from realtime.messages where topic = $1 and event = 'probe'", [
      topic,
    ]);
  }
}

/** Every text-like column of every table we own that holds any of `needles` (any case). */
export async function findAnywhere(client: Client, needles: string[]): Promise<string[]> {
  const { rows: columns } = await client.query<{ schema: string; table: string; column: string }>(
    `select c.table_schema as schema, c.table_name as table, c.column_name as column
       from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
      where c.table_schema in ('public', 'auth', 'realtime', 'private') and t.table_type = 'BASE TABLE'
        and c.data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY', 'USER-DEFINED')`,
  );
  const hits: string[] = [];
  for (const { schema, table, column } of columns) {
    const { rows } = await client.query(
      `select 1 from "${schema}"."${table}" where lower("${column}"::text) like any ($1) limit 1`,
      [needles.map((needle) => `%${needle.toLowerCase()}%`)],
    );
    if (rows.length) hits.push(`${schema}.${table}.${column}`);
  }
  return hits;
}
