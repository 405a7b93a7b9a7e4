import "server-only";

import type { z } from "zod";

import type { Claims } from "@/lib/auth/claims";
import * as hours from "@/lib/db/diary-hours";
import {
  addDateHours as addDateHoursRow,
  deleteDateHours as deleteDateHoursRow,
  replaceOpeningHours,
} from "@/lib/db/opening-hours";
import {
  closureSchema,
  dateHoursSchema,
  deleteSchema,
  openingHoursSchema,
  overrideSchema,
  weeklyHoursSchema,
} from "@/lib/validations/diary-config";

import { gone, NOT_ADMIN, parse, write, type ConfigResult } from "./config-write";

// When the clinic works: practitioners' weekly hours and their changes on a date, closures, the
// clinic's opening hours (when the front desk answers) and its hours on a date.

export async function saveWeeklyHours(
  claims: Claims,
  clinicId: string,
  input: z.input<typeof weeklyHoursSchema>,
): Promise<ConfigResult> {
  const parsed = parse(weeklyHoursSchema, input);
  if ("invalid" in parsed) return parsed.invalid;
  const { practitionerId, intervals } = parsed.data;
  return write(
    claims,
    async (tx) =>
      (await hours.replaceWeeklyHours(tx, clinicId, practitionerId, intervals))
        ? { id: practitionerId }
        : gone("practitioner"),
    {
      overlap: {
        fieldErrors: { intervals: "Two intervals on the same day overlap. Adjust them and save." },
      },
    },
  );
}

/** The clinic's opening hours (when the front desk answers), saved as a whole week. */
export async function saveOpeningHours(
  claims: Claims,
  clinicId: string,
  input: z.input<typeof openingHoursSchema>,
): Promise<ConfigResult> {
  const parsed = parse(openingHoursSchema, input);
  if ("invalid" in parsed) return parsed.invalid;
  return write(
    claims,
    async (tx) =>
      (await replaceOpeningHours(tx, clinicId, parsed.data.intervals))
        ? { id: clinicId }
        : { error: NOT_ADMIN },
    {
      overlap: {
        fieldErrors: { intervals: "Two intervals on the same day overlap. Adjust them and save." },
      },
    },
  );
}

export async function addOverride(
  claims: Claims,
  clinicId: string,
  input: z.input<typeof overrideSchema>,
): Promise<ConfigResult> {
  const parsed = parse(overrideSchema, input);
  if ("invalid" in parsed) return parsed.invalid;
  return write(claims, async (tx) => ({ id: await hours.addOverride(tx, clinicId, parsed.data) }), {
    bad_reference: { fieldErrors: { practitionerId: "Choose a practitioner of this clinic." } },
  });
}

export async function deleteOverride(
  claims: Claims,
  clinicId: string,
  input: z.input<typeof deleteSchema>,
): Promise<ConfigResult> {
  const parsed = parse(deleteSchema, input);
  if ("invalid" in parsed) return { error: "Invalid request." };
  const { id } = parsed.data;
  return write(claims, async (tx) =>
    (await hours.deleteOverride(tx, clinicId, id))
      ? { id }
      : { error: "That change of hours was already deleted." },
  );
}

export async function addClosure(
  claims: Claims,
  clinicId: string,
  input: z.input<typeof closureSchema>,
): Promise<ConfigResult> {
  const parsed = parse(closureSchema, input);
  if ("invalid" in parsed) return parsed.invalid;
  return write(claims, async (tx) => ({ id: await hours.addClosure(tx, clinicId, parsed.data) }));
}

export async function deleteClosure(
  claims: Claims,
  clinicId: string,
  input: z.input<typeof deleteSchema>,
): Promise<ConfigResult> {
  const parsed = parse(deleteSchema, input);
  if ("invalid" in parsed) return { error: "Invalid request." };
  const { id } = parsed.data;
  return write(claims, async (tx) =>
    (await hours.deleteClosure(tx, clinicId, id))
      ? { id }
      : { error: "That closure was already deleted." },
  );
}

export async function addDateHours(
  claims: Claims,
  clinicId: string,
  input: z.input<typeof dateHoursSchema>,
): Promise<ConfigResult> {
  const parsed = parse(dateHoursSchema, input);
  if ("invalid" in parsed) return parsed.invalid;
  return write(claims, async (tx) => ({ id: await addDateHoursRow(tx, clinicId, parsed.data) }), {
    overlap: {
      fieldErrors: {
        opens: "These hours overlap hours already set on that date. Delete or adjust those first.",
      },
    },
  });
}

export async function deleteDateHours(
  claims: Claims,
  clinicId: string,
  input: z.input<typeof deleteSchema>,
): Promise<ConfigResult> {
  const parsed = parse(deleteSchema, input);
  if ("invalid" in parsed) return { error: "Invalid request." };
  const { id } = parsed.data;
  return write(claims, async (tx) =>
    (await deleteDateHoursRow(tx, clinicId, id))
      ? { id }
      : { error: "Those hours were already deleted." },
  );
}
