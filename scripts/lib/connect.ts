import path from "node:path";
import { Client } from "pg";

import { prepareDatabase } from "./database";
import { localConfig } from "./local-config";

/**
 * A client on the running app's database, or, when nothing listens there and no DATABASE_URL is
 * set, on the embedded one started just for this script. `close()` ends both.
 */
export async function connectDatabase(): Promise<{ client: Client; close(): Promise<void> }> {
  const config = localConfig();
  const client = new Client({ connectionString: config.databaseUrl });
  try {
    await client.connect();
    return { client, close: () => client.end() };
  } catch (error) {
    if (process.env.DATABASE_URL || (error as { code?: string }).code !== "ECONNREFUSED")
      throw error;
  }
  const db = await prepareDatabase({
    dataDir: path.resolve(process.env.DATA_DIR ?? ".data"),
    port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
    seed: false,
  });
  const embedded = new Client({ connectionString: db.url });
  await embedded.connect();
  return {
    client: embedded,
    async close() {
      await embedded.end();
      await db.stop();
    },
  };
}
