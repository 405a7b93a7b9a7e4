/**
 * `npm test` — the whole suite, in the order that fails fastest:
 * typecheck, lint, unit, build, integration (real PostgreSQL and the built server), end-to-end
 * (real Chromium).
 * Installs the two system packages the suite needs when they are missing and we are root
 * (Debian's chromium and postgresql-15), so a fresh machine needs nothing else.
 * Ends with one line "N passed, N failed" counting every test case.
 */
import { spawnSync } from "node:child_process";
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

function run(step: Step): { ok: boolean; seconds: number; counts?: Counts } {
  console.log(`\n[test] ── ${step.name}: ${step.command.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(step.command[0]!, step.command.slice(1), {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...step.env },
  });
  const seconds = (Date.now() - started) / 1000;
  let counts: Counts | undefined;
  try {
    counts = step.counts?.();
  } catch {
    counts = undefined; // no report: the runner itself failed, which the exit status says
  }
  // Trust the runner's own report too: a step with failed tests fails, whatever its exit code.
  return { ok: result.status === 0 && (counts?.failed ?? 0) === 0, seconds, counts };
}

function main() {
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
  const steps: Step[] = [
    { name: "typecheck", command: [bin("tsc"), "--noEmit"] },
    { name: "lint", command: [bin("eslint"), ".", "--max-warnings", "0"] },
    { name: "format", command: [bin("prettier"), "--check", "."] },
    vitest("unit"),
    vitest("unit-dom"),
    // Integration tests drive the production server, so build first.
    { name: "build", command: [bin("next"), "build"] },
    vitest("integration"),
    {
      name: "end-to-end tests",
      command: [bin("playwright"), "test", "--reporter=list,json"],
      env: { PLAYWRIGHT_JSON_OUTPUT_FILE: e2eReport },
      counts: playwrightCounts(e2eReport),
    },
  ];

  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  const summary: string[] = [];
  let failedStep: string | undefined;
  for (const step of steps) {
    const result = run(step);
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
      failedStep = step.name;
      if (!result.counts) total.failed += 1; // a step that failed without tests still fails the run
      break;
    }
  }

  console.log(`\n[test] Summary\n${summary.join("\n")}`);
  if (failedStep) console.log(`[test] Stopped at: ${failedStep}`);
  console.log(
    `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`,
  );
  process.exit(failedStep ? 1 : 0);
}

try {
  main();
} catch (error) {
  console.error(`[test] ${error instanceof Error ? error.message : String(error)}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}
