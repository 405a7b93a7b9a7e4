import { Pool, types } from "pg";

import { getEnv } from "@/lib/env";

// Return bigint/numeric as JS numbers where they fit our columns (ids, latencies, counts).
types.setTypeParser(types.builtins.INT8, (value) => Number(value));
types.setTypeParser(types.builtins.NUMERIC, (value) => Number(value));

const globalForPool = globalThis as unknown as { __callwaitingPool?: Pool };

/**
 * One pool per server process (kept across dev hot reloads). Works with Supabase's pooler in
 * transaction mode: every query runs in a transaction or alone, settings are `set local`,
 * and node-postgres only uses unnamed statements.
 */
export function getPool(): Pool {
  if (!globalForPool.__callwaitingPool) {
    const env = getEnv();
    const pool = new Pool({
      connectionString: env.DATABASE_URL,
      max: env.DATABASE_POOL_MAX,
      idleTimeoutMillis: 30_000,
      // Wait for a free connection up to 15 s: inside Vapi's 20 s tool-call timeout, so a burst
      // queues instead of failing; past that, 503 tells Vapi's backoff to retry.
      connectionTimeoutMillis: 15_000,
      application_name: "callwaiting-web",
    });
    // An idle client losing its connection (database restart) must not crash the process.
    pool.on("error", (error) => console.error("[db] idle client error:", error.message));
    globalForPool.__callwaitingPool = pool;
  }
  return globalForPool.__callwaitingPool;
}

export async function closePool() {
  const pool = globalForPool.__callwaitingPool;
  globalForPool.__callwaitingPool = undefined;
  await pool?.end();
}
