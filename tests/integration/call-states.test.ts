import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CALL_STATES, isTerminal, TERMINAL_STATES } from "@/types/call-states";
import { ownerClient } from "../helpers/db";

// The call states are written once in TypeScript (types/call-states.ts) and three times in the
// migrated schema; this holds the schema to the TypeScript list.
let db: Client;
beforeAll(async () => {
  db = await ownerClient();
});
afterAll(async () => {
  await db.end();
});

/** The quoted values of a check constraint or index predicate, e.g. ARRAY['idle'::text, ...]. */
const quoted = (definition: string) => [...definition.matchAll(/'([a-z_]+)'::text/g)].map((match) => match[1]).sort();

describe("the call states TypeScript and SQL share", () => {
  it("are exactly the states calls.state may hold", async () => {
    const { rows } = await db.query<{ definition: string }>(
      `select pg_get_constraintdef(c.oid) as definition from pg_constraint c
         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
        where c.conrelid = 'public.calls'::regclass and c.contype = 'c' and a.attname = 'state'`,
    );
    expect(rows).toHaveLength(1);
    expect(quoted(rows[0]!.definition)).toEqual([...CALL_STATES].sort());
  });

  it("are terminal in private.is_terminal_call_state exactly when isTerminal says so", async () => {
    const { rows } = await db.query<{ state: string; terminal: boolean }>(
      "select s as state, private.is_terminal_call_state(s) as terminal from unnest($1::text[]) s",
      [CALL_STATES],
    );
    expect(rows).toEqual(CALL_STATES.map((state) => ({ state, terminal: isTerminal(state) })));
  });

  it("leave the terminal states out of the live-calls index", async () => {
    const { rows } = await db.query<{ predicate: string }>(
      `select pg_get_expr(i.indpred, i.indrelid) as predicate from pg_index i
        where i.indexrelid = 'public.calls_clinic_state_idx'::regclass`,
    );
    expect(quoted(rows[0]!.predicate)).toEqual([...TERMINAL_STATES].sort());
  });
});
