/**
 * `npm run db:types`: regenerates types/database.generated.ts from the migrations. Starts a
 * throw-away embedded PostgreSQL, applies the shim and every migration with lib/db/migrate.ts,
 * runs kysely-codegen on the `public` schema and formats the result with Prettier.
 */
import { writeFileSync } from "node:fs";

import { DB_TYPES_FILE, generateDatabaseTypes, withMigratedDatabase } from "./lib/db-types";

async function main() {
  const source = await withMigratedDatabase(generateDatabaseTypes);
  writeFileSync(DB_TYPES_FILE, source);
  console.log(`[db:types] wrote ${DB_TYPES_FILE}`);
}

main().catch((error: unknown) => {
  console.error(`[db:types] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
