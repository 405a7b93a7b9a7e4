import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CALL_OUTCOMES } from "@/types/call-outcomes";
import { CALL_STATES, isTerminal, TERMINAL_STATES } from "@/types/call-states";
import { REDACTION_TYPES } from "@/types/redaction";
import { STAFF_ROLES } from "@/types/staff";
import { MARKED_STEPS } from "@/lib/db/onboarding";
import { APPOINTMENT_TEXT_KINDS } from "@/lib/db/reminders";
import { CLINIC_CURRENCIES, CLINIC_LOCALES, localeDefaults } from "@/lib/format";

import { ownerClient } from "../helpers/db";

// Lists written once in TypeScript (types/) and again in the migrated schema's checks, functions
// and indexes: this holds the schema to the TypeScript lists.
let db: Client;
beforeAll(async () => {
  db = await ownerClient();
});
afterAll(async () => {
  await db.end();
});

/** The quoted values of a check constraint or index predicate, e.g. ARRAY['idle'::text, ...]. */
const quoted = (definition: string) =>
  [...definition.matchAll(/'([A-Za-z_]+)'::text/g)].map((match) => match[1]).sort();

/** The values the check constraint on `table.column` allows. */
async function checkedValues(table: string, column: string) {
  const { rows } = await db.query<{ definition: string }>(
    `select pg_get_constraintdef(c.oid) as definition from pg_constraint c
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
      where c.conrelid = $1::regclass and c.contype = 'c' and a.attname = $2`,
    [table, column],
  );
  expect(rows).toHaveLength(1);
  return quoted(rows[0]!.definition);
}

describe("the call states TypeScript and SQL share", () => {
  it("are exactly the states calls.state may hold", async () => {
    expect(await checkedValues("public.calls", "state")).toEqual([...CALL_STATES].sort());
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

describe("the call outcomes", () => {
  it("are exactly the outcomes calls.outcome may hold", async () => {
    expect(await checkedValues("public.calls", "outcome")).toEqual([...CALL_OUTCOMES].sort());
  });
});

describe("the redaction types", () => {
  it("are exactly the categories a clinic's rule may have", async () => {
    expect(await checkedValues("public.redaction_rules", "category")).toEqual(
      [...REDACTION_TYPES].sort(),
    );
  });
});

describe("the appointment text kinds", () => {
  it("are exactly the kinds appointment_texts.kind may hold", async () => {
    const { rows } = await db.query<{ definition: string }>(
      `select pg_get_constraintdef(c.oid) as definition from pg_constraint c
        where c.conrelid = 'public.appointment_texts'::regclass and c.contype = 'c'
          and pg_get_constraintdef(c.oid) like '%kind = ANY%'`,
    );
    expect(rows).toHaveLength(1);
    // Kinds have digits (reminder_24h), which `quoted` above leaves out.
    const kinds = [...rows[0]!.definition.matchAll(/'([a-z0-9_]+)'::text/g)].map((m) => m[1]);
    expect(kinds.sort()).toEqual([...APPOINTMENT_TEXT_KINDS].sort());
  });
});

describe("the onboarding steps an admin marks done", () => {
  it("are exactly the steps onboarding_steps.step may hold", async () => {
    expect(await checkedValues("public.onboarding_steps", "step")).toEqual(
      [...MARKED_STEPS].sort(),
    );
  });
});

describe("the staff roles", () => {
  it("are exactly the roles a membership and an invitation may have", async () => {
    const roles = [...STAFF_ROLES].sort();
    expect(await checkedValues("public.clinic_members", "role")).toEqual(roles);
    expect(await checkedValues("public.staff_invitations", "role")).toEqual(roles);
  });
});

describe("the clinic's locales and currencies", () => {
  /** Values of a check that hold hyphens ('en-GB'), which `quoted` above leaves out. */
  const listed = async (column: string) => {
    const { rows } = await db.query<{ definition: string }>(
      `select pg_get_constraintdef(c.oid) as definition from pg_constraint c
         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
        where c.conrelid = 'public.clinics'::regclass and c.contype = 'c' and a.attname = $1`,
      [column],
    );
    expect(rows).toHaveLength(1);
    return [...rows[0]!.definition.matchAll(/'([A-Za-z-]+)'::text/g)].map((m) => m[1]).sort();
  };

  it("are exactly what clinics.locale and clinics.currency may hold", async () => {
    expect(await listed("locale")).toEqual([...CLINIC_LOCALES].sort());
    expect(await listed("currency")).toEqual([...CLINIC_CURRENCIES].sort());
  });

  it("default as lib/format does: private.clinic_locale_for agrees with localeDefaults", async () => {
    const cases: [string, string | null][] = [
      ["Europe/London", null],
      ["Europe/Jersey", "+15555550100"],
      ["Europe/Dublin", null],
      ["Australia/Perth", null],
      ["America/Toronto", null],
      ["America/Vancouver", "+442079460018"],
      ["America/New_York", "+442079460018"],
      ["US/Pacific", null],
      ["UTC", "+442079460018"],
      ["UTC", "+35312345678"],
      ["Asia/Tokyo", "+61212345678"],
      ["Asia/Tokyo", null],
    ];
    for (const [zone, number] of cases) {
      const { rows } = await db.query<{ locale: string; currency: string }>(
        "select locale, currency from private.clinic_locale_for($1, $2)",
        [zone, number],
      );
      expect(rows[0], `${zone} ${number}`).toEqual(localeDefaults(zone, number));
    }
  });
});
