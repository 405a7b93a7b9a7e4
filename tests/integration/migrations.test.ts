import { spawn, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { migrate, seed } from "../../lib/db/migrate";
import { freePort } from "../../scripts/lib/ports";
import { ownerClient } from "../helpers/db";

const PG15 = "/usr/lib/postgresql/15/bin";

describe("migrations", () => {
  it("are recorded in the Supabase CLI's table and re-running them changes nothing", async () => {
    const client = await ownerClient();
    try {
      const again = await migrate(client);
      expect(again).toEqual({ platform: "plain", applied: [] });
      const { rows } = await client.query(
        "select version, name from supabase_migrations.schema_migrations order by version",
      );
      expect(rows.length).toBeGreaterThanOrEqual(6);
      expect(rows[0]).toMatchObject({ version: "20261122000100", name: "platform" });
      await seed(client); // idempotent: a second seed must not fail or duplicate
      const staff = await client.query("select count(*)::int as n from public.clinic_members");
      expect(staff.rows[0].n).toBeGreaterThanOrEqual(3);
    } finally {
      await client.end();
    }
  });
});

/**
 * The schema must also apply to a plain Debian PostgreSQL 15 (the oldest major we support)
 * after the shim. `.ci/run` and `npm test` install postgresql-15 when it is missing.
 */
describe("on Debian PostgreSQL 15", () => {
  const cleanups: (() => void)[] = [];
  afterAll(() => cleanups.reverse().forEach((cleanup) => cleanup()));

  it("applies the shim, every migration and the seed", async () => {
    expect(
      existsSync(`${PG15}/initdb`),
      `PostgreSQL 15 binaries missing in ${PG15}: apt-get install -y postgresql-15`,
    ).toBe(true);
    const dir = mkdtempSync(path.join(os.tmpdir(), "callwaiting-pg15-"));
    chmodSync(dir, 0o755);
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const dataDir = path.join(dir, "data");
    const asPostgres = os.userInfo().uid === 0 ? { uid: postgresUid(), gid: postgresGid() } : {};
    if (os.userInfo().uid === 0) chownSync(dir, asPostgres.uid!, asPostgres.gid!);

    const init = spawnSync(
      `${PG15}/initdb`,
      ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C"],
      {
        ...asPostgres,
        encoding: "utf8",
      },
    );
    expect(init.status, init.stderr).toBe(0);
    const port = await freePort();
    const server = spawn(
      `${PG15}/postgres`,
      [
        "-D",
        dataDir,
        "-p",
        String(port),
        "-k",
        dir,
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        "fsync=off",
      ],
      {
        ...asPostgres,
        stdio: "ignore",
      },
    );
    cleanups.push(() => server.kill("SIGINT"));

    const client = await connectWithRetry(`postgres://postgres@127.0.0.1:${port}/postgres`);
    try {
      const version = await client.query("show server_version_num");
      expect(Number(version.rows[0].server_version_num)).toBeGreaterThanOrEqual(150000);
      expect(Number(version.rows[0].server_version_num)).toBeLessThan(160000);
      const result = await migrate(client);
      expect(result.platform).toBe("plain");
      expect(result.applied.length).toBeGreaterThanOrEqual(6);
      await seed(client);
      const diary = await client.query(
        "select count(*)::int as n from public.working_hours h join public.appointment_type_practitioners p using (practitioner_id)",
      );
      expect(diary.rows[0].n).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });
});

function postgresUid() {
  return Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim());
}
function postgresGid() {
  return Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
}

async function connectWithRetry(url: string): Promise<Client> {
  for (let attempt = 0; ; attempt++) {
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (attempt > 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
