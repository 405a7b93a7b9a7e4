import "server-only";

import { readFile } from "node:fs/promises";
import path from "node:path";

import { getEnv } from "@/lib/env";
import { deploymentFacts, type DeploymentFacts } from "@/lib/db/deployment";
import { withService } from "@/lib/db/transaction";

import { isDemo, productionProblems, refusalMessage } from "./guard";

export class DeploymentRefused extends Error {
  constructor(readonly problems: string[]) {
    super(refusalMessage(problems));
    this.name = "DeploymentRefused";
  }
}

// Shared by instrumentation and the app's bundles (each has its own module instances).
const globalForMode = globalThis as unknown as { __callwaitingDemo?: Promise<boolean> };

/** The secrets `npm run dev` generated for the local demo, if this machine has them. */
async function generatedSecrets(): Promise<Set<string>> {
  const file = path.join(path.resolve(getEnv().DATA_DIR), "secrets.json");
  try {
    const values: unknown = JSON.parse(await readFile(file, "utf8"));
    if (!values || typeof values !== "object") return new Set();
    return new Set(Object.values(values).filter((value) => typeof value === "string"));
  } catch {
    return new Set();
  }
}

async function readFacts(): Promise<DeploymentFacts> {
  try {
    return await withService(deploymentFacts);
  } catch (error) {
    throw new Error(
      `Could not read the database to check this deployment (DATABASE_URL): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * The boot check (instrumentation.ts). Outside production, and for a demo, it passes and
 * remembers the demo; in production it throws DeploymentRefused listing every problem.
 */
export async function checkDeployment(): Promise<{ demo: boolean }> {
  const env = getEnv();
  let demo: boolean;
  if (env.NODE_ENV !== "production" || env.DEMO_MODE === true) demo = true;
  else {
    const facts = await readFacts();
    demo = isDemo(env, facts);
    if (!demo) {
      const problems = productionProblems(env, facts, await generatedSecrets());
      if (problems.length > 0) throw new DeploymentRefused(problems);
    }
  }
  globalForMode.__callwaitingDemo = Promise.resolve(demo);
  return { demo };
}

/** Whether this server is a demo (the banner on every page). Decided at boot; read once otherwise. */
export function isDemoDeployment(): Promise<boolean> {
  if (!globalForMode.__callwaitingDemo) {
    const env = getEnv();
    const pending =
      env.NODE_ENV !== "production" || env.DEMO_MODE !== undefined
        ? Promise.resolve(isDemo(env, { demoSeeded: false, embeddedDatabase: false }))
        : readFacts().then((facts) => isDemo(env, facts));
    // A failed read is not remembered: the next page asks again.
    pending.catch(() => {
      if (globalForMode.__callwaitingDemo === pending) globalForMode.__callwaitingDemo = undefined;
    });
    globalForMode.__callwaitingDemo = pending;
  }
  return globalForMode.__callwaitingDemo;
}
