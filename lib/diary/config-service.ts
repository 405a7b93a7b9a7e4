import "server-only";

import type { z } from "zod";

import type { Claims } from "@/lib/auth/claims";
import * as config from "@/lib/db/diary-config";
import * as hours from "@/lib/db/diary-hours";
import { databaseFailure, type DatabaseFailure } from "@/lib/db/errors";
import {
  addDateHours as addDateHoursRow,
  deleteDateHours as deleteDateHoursRow,
  listOpeningHours,
  listUpcomingDateHours,
  replaceOpeningHours,
} from "@/lib/db/opening-hours";
import * as routing from "@/lib/db/routing";
import { withClaims, type Tx } from "@/lib/db/transaction";
import { rotaGaps } from "@/lib/hours/routing";
import {
  activeSchema,
  appointmentTypeSchema,
  bookingRulesSchema,
  closureSchema,
  configFieldErrors,
  dateHoursSchema,
  deleteSchema,
  openingHoursSchema,
  overrideSchema,
  practitionerSchema,
  resourceSchema,
  weeklyHoursSchema,
} from "@/lib/validations/diary-config";
import { plainError } from "@/lib/validations/plain-errors";
import { rotaGapWarning, rotaSchema, routingSettingsSchema } from "@/lib/validations/routing";

// The diary's configuration, as the signed-in person: RLS lets members read and only the
// clinic's admins write, and the audit triggers record who changed what. Every write checks
// its input here too (whoever calls, nothing invalid is stored) and answers what went wrong in
// the shape the admin forms show: `fieldErrors` beside a field, or one `error`.

/** What a configuration write answers: the row's id, or what to show and where. */
export interface ConfigResult {
  id?: string;
  /** Saved, but worth knowing (e.g. nights nobody is on call). */
  warning?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
}

export const NOT_ADMIN = "Only clinic admins can change the diary's configuration.";

type Explanations = Partial<
  Record<DatabaseFailure, ConfigResult | ((constraint: string) => ConfigResult)>
>;

/**
 * Runs a write as `claims`; a database refusal the admin can act on (a duplicate name, a
 * practitioner of another clinic, overlapping hours, not an admin) becomes its message, and
 * the whole transaction is rolled back. Anything else is a bug and is rethrown.
 */
async function write(
  claims: Claims,
  run: (tx: Tx) => Promise<ConfigResult>,
  explanations: Explanations = {},
): Promise<ConfigResult> {
  try {
    return await withClaims(claims, run);
  } catch (error) {
    const failure = databaseFailure(error);
    const explanation = failure ? explanations[failure] : undefined;
    if (typeof explanation === "function")
      return explanation(String((error as { constraint?: string }).constraint ?? ""));
    if (explanation) return explanation;
    if (failure === "forbidden") return { error: NOT_ADMIN };
    throw error;
  }
}

function parse<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { data: z.output<S> } | { invalid: ConfigResult } {
  const parsed = schema.safeParse(input, { error: plainError });
  return parsed.success
    ? { data: parsed.data }
    : { invalid: { fieldErrors: configFieldErrors(parsed.error) } };
}

const gone = (what: string): ConfigResult => ({ error: `That ${what} no longer exists.` });

/** Everything the diary admin pages show (receptionists read it too). */
export function loadDiaryConfig(claims: Claims, clinicId: string) {
  return withClaims(claims, async (tx) => {
    const rules = await config.getBookingRules(tx, clinicId);
    const today = rules?.today ?? new Date().toISOString().slice(0, 10);
    return {
      rules,
      procedures: await config.listConfigProcedures(tx, clinicId),
      practitioners: await config.listConfigPractitioners(tx, clinicId),
      resources: await config.listConfigResources(tx, clinicId),
      appointmentTypes: await config.listAppointmentTypes(tx, clinicId),
      weeklyHours: await hours.listWeeklyHours(tx, clinicId),
      overrides: await hours.listUpcomingOverrides(tx, clinicId, today),
      closures: await hours.listUpcomingClosures(tx, clinicId, today),
      openingHours: await listOpeningHours(tx, clinicId),
      dateHours: await listUpcomingDateHours(tx, clinicId, today),
      routing: await routing.getRoutingSettings(tx, clinicId),
      rota: await routing.listRota(tx, clinicId),
    };
  });
}
export type DiaryConfig = Awaited<ReturnType<typeof loadDiaryConfig>>;

export async function saveResource(
  claims: Claims,
  clinicId: string,
  input: z.input<typeof resourceSchema>,
): Promise<ConfigResult> {
  const parsed = parse(resourceSchema, input);
  if ("invalid" in parsed) return parsed.invalid;
  return write(
    claims,
    async (tx) => {
      const id = await config.saveResource(tx, clinicId, parsed.data);
      return id ? { id } : gone("room or device");
    },
    { duplicate: { fieldErrors: { name: "You already have a room or device with this name." } } },
  );
}

export async function setResourceActive(
  claims: Claims,
  clinicId: string,
  input: z.input<typeof activeSchema>,
): Promise<ConfigResult> {
  const parsed = parse(activeSchema, input);
  if ("invalid" in parsed) return { error: "Invalid request." };
  const { id, active } = parsed.data;
  return write(claims, async (tx) =>
    (await config.setResourceActive(tx, clinicId, id, active)) ? { id } : gone("room or device"),
  );
}

export async function savePractitioner(
  claims: Claims,
  clinicId: string,
  input: z.input<typeof practitionerSchema>,
): Promise<ConfigResult> {
  const parsed = parse(practitionerSchema, input);
  if ("invalid" in parsed) return parsed.invalid;
  return write(claims, async (tx) => {
    const id = await config.savePractitioner(tx, clinicId, parsed.data);
    return id ? { id } : gone("practitioner");
  });
}

export async function setPractitionerActive(
  claims: Claims,
  clinicId: string,
  input: z.input<typeof activeSchema>,
): Promise<ConfigResult> {
  const parsed = parse(activeSchema, input);
  if ("invalid" in parsed) return { error: "Invalid request." };
  const { id, active } = parsed.data;
  return write(claims, async (tx) =>
    (await config.setPractitionerActive(tx, clinicId, id, active)) ? { id } : gone("practitioner"),
  );
}

const KIND_NAMES = {
  consultation: "a consultation",
  treatment: "a treatment",
  surgery: "a surgery",
  review: "a review",
} as const;

export async function saveAppointmentType(
  claims: Claims,
  clinicId: string,
  input: z.input<typeof appointmentTypeSchema>,
): Promise<ConfigResult> {
  const parsed = parse(appointmentTypeSchema, input);
  if ("invalid" in parsed) return parsed.invalid;
  const type = parsed.data;
  return write(
    claims,
    async (tx) => {
      const id = await config.saveAppointmentType(tx, clinicId, type);
      return id ? { id } : gone("appointment type");
    },
    {
      duplicate: {
        fieldErrors: {
          kind: `This procedure already has ${KIND_NAMES[type.kind]}. Edit that one instead.`,
        },
      },
      // The composite foreign keys include clinic_id: another clinic's row is "not there".
      bad_reference: (constraint) =>
        constraint.startsWith("appointment_type_practitioners_practitioner")
          ? { fieldErrors: { practitionerIds: "Choose practitioners of this clinic." } }
          : constraint.includes("resource")
            ? { fieldErrors: { resourceId: "That room or device is not in this clinic." } }
            : constraint.includes("procedure")
              ? { fieldErrors: { procedureId: "That procedure is not in this clinic." } }
              : gone("appointment type"),
    },
  );
}

export async function setAppointmentTypeActive(
  claims: Claims,
  clinicId: string,
  input: z.input<typeof activeSchema>,
): Promise<ConfigResult> {
  const parsed = parse(activeSchema, input);
  if ("invalid" in parsed) return { error: "Invalid request." };
  const { id, active } = parsed.data;
  return write(claims, async (tx) =>
    (await config.setAppointmentTypeActive(tx, clinicId, id, active))
      ? { id }
      : gone("appointment type"),
  );
}

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

/** The clinic's number Voxanne answers: a transfer there would ring Voxanne again. */
const LOOP = "That is the number Voxanne answers: a transfer there would come straight back.";

async function ownNumber(tx: Tx, clinicId: string): Promise<string | null> {
  const row = await tx.maybeOne<{ phoneNumber: string }>(
    'select phone_number as "phoneNumber" from public.clinics where id = $1',
    [clinicId],
  );
  return row?.phoneNumber ?? null;
}

/** Front desk number, what Voxanne does after hours, and the local emergency number. */
export async function saveRoutingSettings(
  claims: Claims,
  clinicId: string,
  input: z.input<typeof routingSettingsSchema>,
): Promise<ConfigResult> {
  const parsed = parse(routingSettingsSchema, input);
  if ("invalid" in parsed) return parsed.invalid;
  return write(claims, async (tx) => {
    if (
      parsed.data.frontDeskNumber &&
      parsed.data.frontDeskNumber === (await ownNumber(tx, clinicId))
    )
      return { fieldErrors: { frontDeskNumber: LOOP } };
    return (await routing.saveRoutingSettings(tx, clinicId, parsed.data))
      ? { id: clinicId }
      : { error: NOT_ADMIN };
  });
}

/** The on-call rota, saved as a whole week; nights nobody covers are saved with a warning. */
export async function saveRota(
  claims: Claims,
  clinicId: string,
  input: z.input<typeof rotaSchema>,
): Promise<ConfigResult> {
  const parsed = parse(rotaSchema, input);
  if ("invalid" in parsed) return parsed.invalid;
  const { nights } = parsed.data;
  return write(claims, async (tx) => {
    const own = await ownNumber(tx, clinicId);
    const loop = nights.findIndex((night) => night.phoneNumber === own);
    if (loop !== -1) return { fieldErrors: { [`nights.${loop}`]: LOOP } };
    if (!(await routing.replaceRota(tx, clinicId, nights))) return { error: NOT_ADMIN };
    const warning = rotaGapWarning(rotaGaps(nights));
    return warning ? { id: clinicId, warning } : { id: clinicId };
  });
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

export async function saveBookingRules(
  claims: Claims,
  clinicId: string,
  input: z.input<typeof bookingRulesSchema>,
): Promise<ConfigResult> {
  const parsed = parse(bookingRulesSchema, input);
  if ("invalid" in parsed) return parsed.invalid;
  return write(claims, async (tx) =>
    (await config.saveBookingRules(tx, clinicId, parsed.data))
      ? { id: clinicId }
      : { error: NOT_ADMIN },
  );
}
