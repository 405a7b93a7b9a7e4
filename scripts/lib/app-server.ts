import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

import { freePort } from "./ports";

export interface AppServer {
  url: string;
  /** The `next start` process (benchmarks read its memory from /proc). */
  pid: number;
  stop(): Promise<void>;
  /** SIGKILL: the process dies at once, mid-request, with nothing flushed (crash tests). */
  kill(): Promise<void>;
}

/**
 * `next start` on a free loopback port with the given environment, for tests and benchmarks.
 * Builds first if there is no production build. Resolves once /api/health answers 200.
 */
export async function startAppServer(env: Record<string, string>): Promise<AppServer> {
  const next = path.resolve("node_modules/.bin/next");
  if (!existsSync(".next/BUILD_ID")) {
    const build = spawnSync(next, ["build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(next, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      APP_URL: url,
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise((resolve) => server.once("exit", resolve));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    if (Date.now() > deadline) throw new Error("next start did not become healthy within 60 s");
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    pid: server.pid!,
    async stop() {
      server.kill("SIGTERM");
      const timedOut = await Promise.race([
        exited.then(() => false),
        new Promise((resolve) => setTimeout(() => resolve(true), 5000)),
      ]);
      // Still finishing background work after 5 s: do not leave it running against a database
      // the caller is about to stop.
      if (timedOut) {
        server.kill("SIGKILL");
        await exited;
      }
    },
    // `next start` serves from this one process (checked on Next 16: it forks no workers), so
    // killing it leaves nothing behind that could keep serving or sending.
    async kill() {
      server.kill("SIGKILL");
      await exited;
    },
  };
}
