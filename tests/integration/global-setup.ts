import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { prepareDatabase } from "../../scripts/lib/database";
import { freePort } from "../../scripts/lib/ports";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    dataDir: string;
  }
}

/** A real PostgreSQL for the integration run: embedded, migrated and seeded, thrown away after. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "callwaiting-it-"));
  const db = await prepareDatabase({ dataDir, port: await freePort(), persistent: false, fast: true, seed: true });
  project.provide("databaseUrl", db.url);
  project.provide("dataDir", dataDir);
  return async () => {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
