/**
 * `npm test` — the whole suite, in the order that fails fastest:
 * typecheck, lint and format together; unit tests and the build together; integration (real
 * PostgreSQL and the built server); end-to-end (real Chromium). Steps in one group share the
 * machine's cores (each prints its output when it ends); the next group starts when all passed.
 * Installs the two system packages the suite needs when they are missing and we are root
 * (Debian's chromium and postgresql-15), so a fresh machine needs nothing else.
 * Ends with one line "N passed, N failed" counting every test case.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const REPORTS = path.resolve(".test-reports");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PG15_INITDB = "/usr/lib/postgresql/15/bin/initdb";

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface Step {
  name: string;
  command: string[];
  env?: Record<string, string>;
  counts?: () => Counts;
}

function vitestCounts(file: string) {
  return (): Counts => {
    const report = JSON.parse(readFileSync(file, "utf8"));
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests,
      skipped: report.numPendingTests + report.numTodoTests,
    };
  };
}

function playwrightCounts(file: string) {
  return (): Counts => {
    const { stats } = JSON.parse(readFileSync(file, "utf8"));
    return {
      passed: stats.expected + stats.flaky,
      failed: stats.unexpected,
      skipped: stats.skipped,
    };
  };
}

function ensureSystemPackages() {
  const missing = [
    [CHROMIUM, "chromium"],
    [PG15_INITDB, "postgresql-15"],
  ].filter(([file]) => !existsSync(file!));
  if (missing.length === 0) return;
  const packages = missing.map(([, pkg]) => pkg!);
  if (os.userInfo().uid !== 0) {
    throw new Error(
      `Missing system packages: ${packages.join(", ")}. Install them with: sudo apt-get install -y ${packages.join(" ")}`,
    );
  }
  console.log(`[test] Installing ${packages.join(", ")} from Debian`);
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", ...packages]]) {
    const result = spawnSync("apt-get", args, {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed`);
  }
}

interface Result {
  ok: boolean;
  seconds: number;
  counts?: Counts;
}

function finish(step: Step, status: number | null, started: number): Result {
  const seconds = (Date.now() - started) / 1000;
  let counts: Counts | undefined;
  try {
    counts = step.counts?.();
  } catch {
    counts = undefined; // no report: the runner itself failed, which the exit status says
  }
  // Trust the runner's own report too: a step with failed tests fails, whatever its exit code.
  return { ok: status === 0 && (counts?.failed ?? 0) === 0, seconds, counts };
}

const env = (step: Step) => ({ ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...step.env });

/** One step alone, its output streamed as it comes. */
function runAlone(step: Step): Promise<Result> {
  console.log(`\n[test] ── ${step.name}: ${step.command.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(step.command[0]!, step.command.slice(1), {
    stdio: "inherit",
    env: env(step),
  });
  return Promise.resolve(finish(step, result.status, started));
}

/** One step of a group: its output kept and printed whole when it ends, so logs do not mix. */
function runInGroup(step: Step): Promise<Result> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(step.command[0]!, step.command.slice(1), {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...env(step), FORCE_COLOR: process.stdout.isTTY ? "1" : "0" },
    });
    const output: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on("close", (status) => {
      console.log(`\n[test] ── ${step.name}: ${step.command.join(" ")}`);
      process.stdout.write(Buffer.concat(output));
      resolve(finish(step, status, started));
    });
  });
}

async function main() {
  ensureSystemPackages();
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  const bin = (name: string) => path.resolve("node_modules/.bin", name);
  const vitest = (project: string): Step => {
    const file = path.join(REPORTS, `vitest-${project}.json`);
    return {
      name: `${project} tests`,
      command: [
        bin("vitest"),
        "run",
        "--project",
        project,
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${file}`,
      ],
      counts: vitestCounts(file),
    };
  };
  const e2eReport = path.join(REPORTS, "playwright.json");
  const groups: Step[][] = [
    [
      { name: "typecheck", command: [bin("tsc"), "--noEmit"] },
      { name: "lint", command: [bin("eslint"), ".", "--max-warnings", "0"] },
      { name: "format", command: [bin("prettier"), "--check", "."] },
    ],
    // Integration tests drive the production server, so build before them (alongside the
    // unit tests, which need no server).
    // The build skips its own type check (the first group ran tsc over everything) and writes
    // no Turbopack cache (next.config.mjs): a fresh checkout would never read it.
    [
      vitest("unit"),
      vitest("unit-dom"),
      { name: "build", command: [bin("next"), "build"], env: { CALLWAITING_TEST_BUILD: "1" } },
    ],
    [vitest("integration")],
    [
      {
        name: "end-to-end tests",
        command: [bin("playwright"), "test", "--reporter=list,json"],
        env: { PLAYWRIGHT_JSON_OUTPUT_FILE: e2eReport },
        counts: playwrightCounts(e2eReport),
      },
    ],
  ];

  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  const summary: string[] = [];
  let failedStep: string | undefined;
  for (const group of groups) {
    const results = await Promise.all(
      group.length === 1 ? [runAlone(group[0]!)] : group.map(runInGroup),
    );
    for (const [index, result] of results.entries()) {
      const step = group[index]!;
      if (result.counts) {
        total.passed += result.counts.passed;
        total.failed += result.counts.failed;
        total.skipped += result.counts.skipped;
      }
      const detail = result.counts
        ? ` (${result.counts.passed} passed, ${result.counts.failed} failed)`
        : "";
      summary.push(
        `  ${result.ok ? "ok  " : "FAIL"}  ${step.name.padEnd(18)} ${result.seconds.toFixed(1).padStart(6)} s${detail}`,
      );
      if (!result.ok) {
        failedStep ??= step.name;
        if (!result.counts) total.failed += 1; // a step that failed without tests still fails the run
      }
    }
    if (failedStep) break;
  }

  console.log(`\n[test] Summary\n${summary.join("\n")}`);
  if (failedStep) console.log(`[test] Stopped at: ${failedStep}`);
  console.log(
    `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`,
  );
  process.exit(failedStep ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(`[test] ${error instanceof Error ? error.message : String(error)}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
