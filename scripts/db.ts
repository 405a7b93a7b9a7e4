/**
 * Database commands. With DATABASE_URL they act on that database (Supabase in production);
 * without it, on the embedded PostgreSQL under .data/.
 *
 *   npm run db:migrate   apply the platform shim (plain PostgreSQL only) and pending migrations
 *   npm run db:seed      migrate, then seed the demo clinic (idempotent)
 *   npm run db:reset     embedded only: delete .data/ and start over with a fresh seeded database
 */
import { rmSync } from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";

import { prepareDatabase } from "./lib/database";

nextEnv.loadEnvConfig(process.cwd(), true);

const command = process.argv[2];
const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
const log = (line: string) => console.log(`[db] ${line}`);

async function main() {
  if (!["migrate", "seed", "reset"].includes(command ?? "")) {
    throw new Error("usage: tsx scripts/db.ts migrate|seed|reset");
  }
  if (command === "reset") {
    if (process.env.DATABASE_URL) {
      throw new Error(
        "db:reset only resets the embedded database. For Supabase use `supabase db reset`.",
      );
    }
    log(`Deleting ${dataDir}`);
    rmSync(dataDir, { recursive: true, force: true });
  }
  const db = await prepareDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir,
    port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
    seed: command !== "migrate",
    log,
  });
  await db.stop();
  log("Done");
}

main().catch((error: unknown) => {
  console.error(`[db] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
