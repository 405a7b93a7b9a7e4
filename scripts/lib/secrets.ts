import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Secrets the embedded default needs but nobody should have to invent: generated once and
 * kept under .data/ (git-ignored) so sessions survive restarts. Real deployments set them.
 */
export async function localSecrets(dataDir: string): Promise<Record<string, string>> {
  const file = path.join(dataDir, "secrets.json");
  const existing: Record<string, string> = existsSync(file)
    ? JSON.parse(await readFile(file, "utf8"))
    : {};
  const wanted = [
    "AUTH_JWT_SECRET",
    "VAPI_WEBHOOK_SECRET",
    "TWILIO_AUTH_TOKEN",
    "FOLLOW_UP_AGENT_SECRET",
    "CRON_SECRET",
  ];
  let changed = false;
  for (const key of wanted) {
    if (!existing[key]) {
      existing[key] = randomBytes(32).toString("base64url");
      changed = true;
    }
  }
  if (changed) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, JSON.stringify(existing, null, 2), { mode: 0o600 });
  }
  return existing;
}
