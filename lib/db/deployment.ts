import type { Tx } from "./transaction";

export interface DeploymentFacts {
  /** The demo seed (published staff passwords) has run against this database. */
  demoSeeded: boolean;
  /** This is the embedded demo database that `npm run dev` and the tests start. */
  embeddedDatabase: boolean;
}

/** What the production guard checks about the database (migration 20261201001200). */
export async function deploymentFacts(tx: Tx): Promise<DeploymentFacts> {
  const row = await tx.one<{ demo_seeded: boolean; embedded_database: boolean }>(
    "select demo_seeded, embedded_database from public.deployment_facts()",
  );
  return { demoSeeded: row.demo_seeded, embeddedDatabase: row.embedded_database };
}
