import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { ownerClient } from "../helpers/db";

// A clinic of its own, so other suites' calls cannot move its figures.
const clinicId = randomUUID();
const slug = `latency-report-${clinicId.slice(0, 8)}`;
let db: Client;

const cli = (...args: string[]) =>
  spawnSync(
    path.resolve("node_modules/.bin/tsx"),
    ["--conditions=react-server", "scripts/latency-report.ts", ...args],
    {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
    },
  );
const report = (...args: string[]) => cli("--clinic", slug, ...args);

beforeAll(async () => {
  db = await ownerClient();
  await db.query(
    "insert into public.clinics (id, slug, name, timezone, phone_number) values ($1, $2, 'Report Clinic', 'Europe/London', $3)",
    [clinicId, slug, `+1555${String(Date.now()).slice(-7)}`],
  );
  const call = await db.query<{ id: string }>(
    "insert into public.calls (clinic_id, vapi_call_id) values ($1, $2) returning id",
    [clinicId, `report-${clinicId}`],
  );
  // 2026-11-20: 20 turns at 400..780 ms on standard. 2026-11-21: 20 turns at 300 ms on low_latency and one hang.
  const rows: [number, string, number, string][] = [];
  for (let i = 0; i < 20; i++) rows.push([i + 1, "2026-11-20T12:00:00Z", 400 + i * 20, "standard"]);
  for (let i = 0; i < 20; i++) rows.push([i + 21, "2026-11-21T12:00:00Z", 300, "low_latency"]);
  for (const [turn, at, ms, profile] of rows) {
    await db.query(
      "insert into public.turn_latencies (clinic_id, call_id, turn, source, latency_ms, assistant_profile, created_at) values ($1, $2, $3, 'speech_update', $4, $5, $6)",
      [clinicId, call.rows[0]!.id, turn, ms, profile, at],
    );
  }
  // Tool time is not a turn: it must not count.
  await db.query(
    "insert into public.turn_latencies (clinic_id, call_id, turn, source, latency_ms, created_at) values ($1, $2, 0, 'tool_call', 5000, '2026-11-20T12:00:00Z')",
    [clinicId, call.rows[0]!.id],
  );
  await db.query(
    "insert into public.call_events (clinic_id, call_id, kind, event, occurred_at) values ($1, $2, 'transition', 'assistant.stalled', '2026-11-21T12:00:05Z')",
    [clinicId, call.rows[0]!.id],
  );
});
afterAll(async () => {
  await db.query("delete from public.clinics where id = $1", [clinicId]);
  await db.end();
});

describe("npm run latency:report", () => {
  it("prints the Latency page's figures per day and profile as JSON", () => {
    const result = report("--from", "2026-11-20", "--to", "2026-11-21", "--json");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.summary).toEqual({ turns: 40, p50: 350, p95: 741, p99: 772, over700: 4 });
    expect(json.days).toEqual([
      {
        day: "2026-11-20",
        profile: "standard",
        turns: 20,
        p50: 590,
        p95: 761,
        p99: 776,
        over700: 4,
        hangs: 0,
      },
      {
        day: "2026-11-21",
        profile: "low_latency",
        turns: 20,
        p50: 300,
        p95: 300,
        p99: 300,
        over700: 0,
        hangs: 1,
      },
    ]);
    // The rule sees a p95 over 700 ms with the clinic on the standard profile.
    expect(json.verdict).toEqual({ kind: "offer_low_latency", p95: 741 });
  });

  it("prints a readable table, flagging slow days, and a range with no turns says so", () => {
    const text = report("--from", "2026-11-20", "--to", "2026-11-21");
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^2026-11-20 +standard +20 +590 ms +761 ms +776 ms +4 +0 +!$/m);
    expect(text.stdout).toMatch(/^2026-11-21 +low_latency +20 +300 ms +300 ms +300 ms +0 +1$/m);
    expect(text.stdout).toContain("switch to the low-latency profile");
    expect(report("--from", "2026-01-01", "--days", "3").stdout).toContain(
      "No turns measured in this range.",
    );
  });

  it("rejects bad dates and unknown clinics with a usage message", () => {
    expect(report("--from", "2026-02-30")).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("real dates"),
    });
    expect(report("--days", "0")).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("--days"),
    });
    expect(cli("--clinic", "no-such-clinic")).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('No clinic with slug "no-such-clinic"'),
    });
    expect(cli()).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("pick one with --clinic"),
    });
  });
});
