/**
 * `npm run latency:report -- [--clinic <slug>] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--days N] [--json]`
 * Prints the Latency page's figures for a range: p50/p95/p99 per day and assistant profile,
 * turns over 700 ms, hang alarms, and the optimisation rule's verdict. Default: the last 7
 * clinic-local days; the clinic may be left out when there is only one.
 */
import { parseArgs } from "node:util";
import nextEnv from "@next/env";

import { latencyOverview } from "../lib/db/insights";
import { latencyByDay } from "../lib/db/latency";
import { wrap } from "../lib/db/transaction";
import { formatLatencyReport } from "../lib/latency/report";
import { latencyVerdict } from "../lib/latency/rule";
import {
  addDays,
  dateRangeParamsSchema,
  MAX_RANGE_DAYS,
  todayIn,
} from "../lib/validations/date-range";
import { connectDatabase } from "./lib/connect";

nextEnv.loadEnvConfig(process.cwd(), true);
const { values } = parseArgs({
  options: {
    clinic: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    days: { type: "string", default: "7" },
    json: { type: "boolean", default: false },
  },
});
const usage =
  "usage: npm run latency:report -- [--clinic <slug>] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--days N] [--json]";
const fail = (message: string): never => {
  console.error(`${message}\n${usage}`);
  process.exit(2);
};
const dates = dateRangeParamsSchema.parse({ from: values.from, to: values.to });
if ((values.from && !dates.from) || (values.to && !dates.to))
  fail("--from and --to take real dates as YYYY-MM-DD");
const days = Number(values.days);
if (!Number.isInteger(days) || days < 1 || days > MAX_RANGE_DAYS)
  fail(`--days must be a whole number from 1 to ${MAX_RANGE_DAYS}`);

const { client, close } = await connectDatabase();
try {
  const clinics = await client.query<{
    id: string;
    slug: string;
    name: string;
    timezone: string;
    profile: string | null;
  }>(
    "select id, slug, name, timezone, settings->>'latency_profile' as profile from public.clinics where $1::text is null or slug = $1 order by slug",
    [values.clinic ?? null],
  );
  if (clinics.rows.length === 0)
    fail(values.clinic ? `No clinic with slug "${values.clinic}"` : "No clinics in the database");
  if (clinics.rows.length > 1)
    fail(`Several clinics; pick one with --clinic (${clinics.rows.map((c) => c.slug).join(", ")})`);
  const clinic = clinics.rows[0]!;
  const to = dates.to ?? (dates.from ? addDays(dates.from, days - 1) : todayIn(clinic.timezone));
  const from = dates.from ?? addDays(to, -(days - 1));
  if (from > to) fail("--from is after --to");
  const tx = wrap(client);
  const [overview, rows] = [
    await latencyOverview(tx, clinic.id, from, to),
    await latencyByDay(tx, clinic.id, from, to),
  ];
  const profile = clinic.profile ?? "standard";
  const input = { clinic: clinic.name, profile, from, to, summary: overview.summary, days: rows };
  console.log(
    values.json
      ? JSON.stringify({ ...input, verdict: latencyVerdict(overview.summary, profile) }, null, 2)
      : formatLatencyReport(input),
  );
} finally {
  await close();
}
