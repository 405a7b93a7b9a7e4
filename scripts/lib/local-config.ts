import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** Where the running embedded app is, for scripts that talk to it (simulate, smoke). */
export function localConfig() {
  const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
  const secretsFile = path.join(dataDir, "secrets.json");
  const secrets: Record<string, string> = existsSync(secretsFile)
    ? JSON.parse(readFileSync(secretsFile, "utf8"))
    : {};
  return {
    url: process.env.APP_URL ?? "http://localhost:3000",
    secret: process.env.VAPI_WEBHOOK_SECRET ?? secrets.VAPI_WEBHOOK_SECRET,
    databaseUrl:
      process.env.DATABASE_URL ??
      `postgres://postgres:postgres@127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? 54329}/callwaiting`,
    clinicNumber: process.env.SIMULATOR_CLINIC_NUMBER ?? "+15555550199",
  };
}
