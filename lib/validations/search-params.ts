import { z } from "zod";

// A page's search params come from whoever typed or pasted the address: each is read on its
// own, a value that cannot be used is dropped (never a 500), and the page says in words what
// it ignored (issue 20: `/bookings?day=2026-13-45`).

type RawParams = Record<string, string | string[] | undefined>;

/** A real calendar day, YYYY-MM-DD (2026-13-45 and 2026-02-30 are not). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  });

export interface ReadParams<T> {
  values: Partial<T>;
  /** One sentence per value that was dropped, e.g. "“2026-13-45” is not a date, so every day is shown." */
  ignored: string[];
}

/**
 * Reads each field of `fields` from the raw params: the first value of a repeated one, the
 * field's schema deciding. `explain(name, value)` says in words what happens instead.
 */
export function readSearchParams<S extends Record<string, z.ZodType>>(
  raw: RawParams | undefined,
  fields: S,
  explain: (name: keyof S & string, value: string) => string,
): ReadParams<{ [K in keyof S]: z.output<S[K]> }> {
  const values: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [name, schema] of Object.entries(fields)) {
    const given = raw?.[name];
    const value = Array.isArray(given) ? given[0] : given;
    if (value === undefined || value === "") continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) values[name] = parsed.data;
    else ignored.push(explain(name as keyof S & string, value.slice(0, 60)));
  }
  return { values: values as Partial<{ [K in keyof S]: z.output<S[K]> }>, ignored };
}
