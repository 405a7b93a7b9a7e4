import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Client } from "pg";
import { describe, expect, inject, it } from "vitest";

import { migrate } from "../../lib/db/migrate";
import { DB_TYPES_FILE, generateDatabaseTypes } from "../../scripts/lib/db-types";
import { ownerClient } from "../helpers/db";

// lib/db's row types derive from types/database.generated.ts: it must describe the schema the
// migrations build today, or `tsc` would be checking queries against an old one.
describe("types/database.generated.ts", () => {
  it("matches the migrated schema (run `npm run db:types` to refresh)", async () => {
    // A database of its own, migrated from scratch like `npm run db:types` does, so nothing
    // another test left in the shared one can leak into the comparison.
    const name = `types_${randomUUID().replaceAll("-", "")}`;
    const owner = await ownerClient();
    await owner.query(`create database "${name}"`);
    try {
      const url = new URL(inject("databaseUrl"));
      url.pathname = `/${name}`;
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      try {
        await migrate(client);
      } finally {
        await client.end();
      }
      const generated = await generateDatabaseTypes(url.toString());
      expect(
        readFileSync(DB_TYPES_FILE, "utf8"),
        `${DB_TYPES_FILE} is stale: run npm run db:types and commit the result`,
      ).toBe(generated);
    } finally {
      await owner.query(`drop database "${name}" with (force)`);
      await owner.end();
    }
  });
});
