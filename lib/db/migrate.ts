import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Client, ClientBase } from "pg";

/**
 * Applies the database in the same layout the Supabase CLI uses, so a database set up here
 * and one set up with `supabase db push` agree:
 *   1. supabase/local/*.sql    platform shim, only when the target is not Supabase
 *   2. supabase/migrations/    in file-name order, each once, recorded in
 *                              supabase_migrations.schema_migrations (the CLI's own table)
 *   3. supabase/seed.sql       idempotent demo data (seeding is a separate step)
 */

const root = path.resolve(process.cwd(), "supabase");

export interface MigrationResult {
  platform: "supabase" | "plain";
  applied: string[];
}

/** Supabase projects have the supabase_admin role; a plain PostgreSQL does not. */
export async function detectPlatform(client: ClientBase): Promise<"supabase" | "plain"> {
  const { rows } = await client.query(
    "select exists (select 1 from pg_roles where rolname = 'supabase_admin') as supabase",
  );
  return rows[0]?.supabase ? "supabase" : "plain";
}

async function sqlFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith(".sql")).sort();
}

async function inTransaction(client: ClientBase, sql: string) {
  await client.query("begin");
  try {
    await client.query("set local search_path = public, extensions");
    await client.query(sql);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  }
}

export async function applyShim(client: ClientBase) {
  for (const name of await sqlFiles(path.join(root, "local"))) {
    const sql = await readFile(path.join(root, "local", name), "utf8");
    // Serialise concurrent boots (tests start several servers against one database).
    await inTransaction(client, `select pg_advisory_xact_lock(7215001); ${sql}`);
  }
}

export async function migrate(client: Client): Promise<MigrationResult> {
  const platform = await detectPlatform(client);
  if (platform === "plain") await applyShim(client);

  await client.query(`create schema if not exists supabase_migrations;
    create table if not exists supabase_migrations.schema_migrations (
      version text primary key, statements text[], name text)`);

  const applied: string[] = [];
  for (const file of await sqlFiles(path.join(root, "migrations"))) {
    const match = /^(\d+)_(.+)\.sql$/.exec(file);
    if (!match) throw new Error(`Migration file name must be <timestamp>_<name>.sql: ${file}`);
    const [, version, name] = match;
    const sql = await readFile(path.join(root, "migrations", file), "utf8");
    await client.query("begin");
    try {
      await client.query("select pg_advisory_xact_lock(7215002)");
      const done = await client.query(
        "select 1 from supabase_migrations.schema_migrations where version = $1",
        [version],
      );
      if (done.rowCount === 0) {
        await client.query("set local search_path = public, extensions");
        await client.query(sql);
        await client.query(
          "insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)",
          [version, name, [sql]],
        );
        applied.push(file);
      }
      await client.query("commit");
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw new Error(`Migration ${file} failed: ${(error as Error).message}`);
    }
  }
  return { platform, applied };
}

export async function seed(client: ClientBase) {
  const sql = await readFile(path.join(root, "seed.sql"), "utf8");
  await inTransaction(client, `select pg_advisory_xact_lock(7215003); ${sql}`);
}

/** Stable fingerprint of the schema sources, for caching a migrated template in tests. */
export async function schemaFingerprint(): Promise<string> {
  const hash = createHash("sha256");
  for (const dir of ["local", "migrations"]) {
    for (const name of await sqlFiles(path.join(root, dir))) {
      hash.update(name).update(await readFile(path.join(root, dir, name)));
    }
  }
  hash.update(await readFile(path.join(root, "seed.sql")));
  return hash.digest("hex").slice(0, 16);
}
