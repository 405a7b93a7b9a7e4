import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Client } from "pg";
import { inject } from "vitest";

import { applyShim } from "@/lib/db/migrate";

/**
 * A throw-away database on the integration server for testing a migration's data step on an
 * upgraded database: `migrateBefore(version)` applies the shim and every migration before it,
 * the test inserts rows as they were then, `apply()` runs the migration, the test checks.
 */
export interface UpgradeDatabase {
  client: Client;
  /** Applies the shim and every migration older than `version`; returns that migration's file. */
  migrateBefore(version: string): Promise<string>;
  /** Applies one migration file, in a transaction, as lib/db/migrate does. */
  apply(file: string): Promise<void>;
  drop(): Promise<void>;
}

export async function upgradeDatabase(owner: Client, label: string): Promise<UpgradeDatabase> {
  const name = `upgrade_${label}_${randomUUID().replaceAll("-", "")}`;
  await owner.query(`create database ${name} template template0`);
  const url = new URL(inject("databaseUrl"));
  url.pathname = `/${name}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  const apply = async (file: string) => {
    const sql = await readFile(path.join("supabase/migrations", file), "utf8");
    await client.query("begin");
    await client.query("set local search_path = public, extensions");
    await client.query(sql);
    await client.query("commit");
  };
  return {
    client,
    apply,
    async migrateBefore(version) {
      const files = (await readdir("supabase/migrations"))
        .filter((file) => file.endsWith(".sql"))
        .sort();
      const target = files.find((file) => file.startsWith(version));
      if (!target) throw new Error(`No migration ${version}`);
      await applyShim(client);
      for (const file of files.filter((file) => file < target)) await apply(file);
      return target;
    },
    async drop() {
      await client.end();
      await owner.query(`drop database if exists ${name} with (force)`);
    },
  };
}
