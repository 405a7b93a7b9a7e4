import type { Selectable } from "kysely";

import type { DB, Json } from "@/types/database.generated";

/**
 * Row types for the query functions, derived from types/database.generated.ts (`npm run
 * db:types`): a migration that drops, renames or retypes a column breaks `tsc` for every query
 * that reads it. Queries alias columns to camelCase (`starts_at as "startsAt"`), so a row type
 * names each field's column: `startsAt: Col<"bookings", "starts_at">`.
 *
 * Values computed in SQL (counts, percentiles, `exists`, json aggregates, function results)
 * have no column to point at; their fields keep an explicit type, commented where they appear.
 */

/** One row of `table` as node-postgres returns it (kysely's `Selectable`: the select type of each column). */
export type Table<T extends keyof DB> = Selectable<DB[T]>;

/** The type node-postgres returns for `table.column`. */
export type Col<T extends keyof DB, C extends keyof Table<T>> = Table<T>[C];

/**
 * The columns a query selects from one table, under the names it gives them:
 * `Columns<"calls", { clinicId: "clinic_id"; state: "state" }>`.
 */
export type Columns<T extends keyof DB, Aliases extends Record<string, keyof Table<T>>> = {
  [A in keyof Aliases]: Table<T>[Aliases[A]];
};

/**
 * A text column whose CHECK constraint allows only `Values` (the generated type says string):
 * `Checked<Col<"calls", "state">, CallState>`. Nullable stays nullable; a column that stops
 * being text no longer fits `Column` and fails the typecheck.
 */
export type Checked<Column extends string | null, Values extends string> = Column extends string
  ? Values
  : null;

/**
 * A json/jsonb column read as the shape the app writes into it (Postgres only knows it is
 * JSON): `JsonAs<Col<"logs", "findings">, { type: string }[]>`. Fails the typecheck if the
 * column stops being JSON.
 */
export type JsonAs<Column extends Json | null, Shape> = Column extends unknown ? Shape : never;

/** A column read through an outer join: null when the joined row is missing. */
export type Outer<Column> = Column | null;

/** A nullable column the query guarantees is set (a `where ... is not null`, a join on it). */
export type Present<Column> = NonNullable<Column>;
