import "server-only";

import type { z } from "zod";

import type { Claims } from "@/lib/auth/claims";
import * as config from "@/lib/db/diary-config";
import * as hours from "@/lib/db/diary-hours";
import { listOpeningHours, listUpcomingDateHours } from "@/lib/db/opening-hours";
import * as routing from "@/lib/db/routing";
import { withClaims } from "@/lib/db/transaction";
import {
  activeSchema,
  appointmentTypeSchema,
  bookingRulesSchema,
  practitionerSchema,
  resourceSchema,
} from "@/lib/validations/diary-config";

import { gone, NOT_ADMIN, parse, write, type ConfigResult } from "./config-write";

export { NOT_ADMIN, type ConfigResult } from "./config-write";
// Hours (working, opening, on a date, changed, closed) and routing (the front desk number, the
// on-call rota) have their own modules; callers reach every write through this one.
export * from "./hours-config";
export * from "./routing-config";

// The diary's configuration, as the signed-in person: RLS lets members read and only the
// clinic's admins write, and the audit triggers record who changed what. Every write checks
// its input here too (whoever calls, nothing invalid is stored) and answers what went wrong in
// the shape the admin forms show: `fieldErrors` beside a field, or one `error`
// (./config-write.ts). This module: what the admin pages load, rooms and devices,
// practitioners, appointment types and the booking rules.

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
