import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Every migration in order, as one file a clinic's engineer can read or apply to Supabase. */
export function schemaSql(): string {
  const dir = path.resolve("supabase/migrations");
  const parts = readdirSync(dir)
    .filter((name) => name.endsWith(".sql"))
    .sort()
    .map(
      (name) =>
        `-- ─── supabase/migrations/${name} ${"─".repeat(Math.max(0, 70 - name.length))}\n\n${readFileSync(path.join(dir, name), "utf8").trim()}\n`,
    );
  return `-- CallWaiting AI: the complete schema, RLS policies and functions, generated from\n-- supabase/migrations by \`npm run docs:deliverables\` (a test keeps it in sync). Apply the\n-- migrations themselves with \`supabase db push\` or \`npm run db:migrate\`.\n\n${parts.join("\n")}`;
}

export const EXAMPLE_APP_URL = "https://app.callwaiting.example";
export const ASSISTANT_FILE = "docs/deliverables/assistant.harbour-aesthetics.json";
export const SCHEMA_FILE = "docs/deliverables/schema.sql";
