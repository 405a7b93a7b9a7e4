import type { PoolClient, QueryResultRow } from "pg";

import type { Claims } from "@/types/claims";

import { getPool } from "./pool";

/** The query surface handed to code running inside a transaction. */
export interface Tx {
  query<T extends QueryResultRow = QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  one<T extends QueryResultRow = QueryResultRow>(sql: string, params?: unknown[]): Promise<T>;
  maybeOne<T extends QueryResultRow = QueryResultRow>(
    sql: string,
    params?: unknown[],
  ): Promise<T | null>;
}

/** The Tx surface over any connected client (scripts use it with their own connection). */
export function wrap(client: Pick<PoolClient, "query">): Tx {
  const tx: Tx = {
    async query(sql, params) {
      const result = await client.query(sql, params as unknown[] | undefined);
      return result.rows;
    },
    async one(sql, params) {
      const row = await tx.maybeOne(sql, params);
      if (!row) throw new Error("Expected one row, got none");
      return row as never;
    },
    async maybeOne(sql, params) {
      const rows = await tx.query(sql, params);
      if (rows.length > 1) throw new Error(`Expected at most one row, got ${rows.length}`);
      return (rows[0] as never) ?? null;
    },
  };
  return tx;
}

/** `begin` starts the transaction and sets its role (one round trip where it can). */
async function inTransaction<T>(
  begin: (client: PoolClient) => Promise<unknown>,
  fn: (tx: Tx) => Promise<T>,
) {
  const client = await getPool().connect();
  // A connection that cannot even roll back (the database restarted under it) is destroyed,
  // not returned to the pool, where the next request would find it "not queryable".
  let broken = false;
  // The pool listens for errors only on idle clients; a connection lost while checked out
  // would otherwise be an uncaught exception that kills the server.
  const onError = () => {
    broken = true;
  };
  client.on("error", onError);
  try {
    await begin(client);
    const result = await fn(wrap(client));
    await client.query("commit");
    return result;
  } catch (error) {
    if (!broken) {
      broken = await client.query("rollback").then(
        () => false,
        () => true,
      );
    }
    throw error;
  } finally {
    // A destroyed client keeps the listener: it may still report its dying socket.
    if (!broken) client.off("error", onError);
    client.release(broken);
  }
}

/**
 * Runs `fn` as the signed-in person: role `authenticated` with their verified JWT claims in
 * `request.jwt.claims`, exactly as PostgREST does, so RLS decides what they see and change.
 */
export function withClaims<T>(claims: Claims, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransaction(async (client) => {
    await client.query("begin");
    await client.query(
      "select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)",
      [JSON.stringify(claims)],
    );
  }, fn);
}

/**
 * Runs `fn` as the service side (webhooks, workers, seeding): role `service_role`, which
 * bypasses RLS. Callers are verified machines, never a browser session.
 */
export function withService<T>(
  fn: (tx: Tx) => Promise<T>,
  options: { durableCommit?: boolean } = {},
): Promise<T> {
  // Every webhook and job starts here: one simple-protocol round trip for all its statements.
  // durableCommit false: the commit returns without waiting for the WAL to reach the disk
  // (synchronous_commit = off for this transaction only). A crash of the database within a
  // fraction of a second after it can lose the transaction, never corrupt anything, and any
  // later durable commit makes it durable too. Only for work whose loss is harmless.
  return inTransaction(
    (client) =>
      client.query(
        options.durableCommit === false
          ? "begin; select set_config('role', 'service_role', true); set local synchronous_commit = off"
          : "begin; select set_config('role', 'service_role', true)",
      ),
    fn,
  );
}

/**
 * Runs `fn` as the connection's own role (no `set role`): for the local sign-in alone, which
 * checks passwords in auth.users, a schema no API role may read. Never for clinic data.
 */
export function withConnectionRole<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransaction((client) => client.query("begin"), fn);
}

/**
 * A query function as a service: `(claims, ...args)` runs it in its own transaction as that
 * person. For services that are one query; a service doing more opens `withClaims` itself.
 */
export function asSignedIn<A extends unknown[], T>(
  query: (tx: Tx, ...args: A) => Promise<T>,
): (claims: Claims, ...args: A) => Promise<T> {
  return (claims, ...args) => withClaims(claims, (tx) => query(tx, ...args));
}
