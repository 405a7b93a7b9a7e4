"use server";

import { revalidatePath } from "next/cache";

import * as config from "@/lib/diary/config-service";
import {
  activeSchema,
  appointmentTypeSchema,
  bookingRulesSchema,
  closureSchema,
  dateHoursSchema,
  deleteSchema,
  openingHoursSchema,
  overrideSchema,
  practitionerSchema,
  resourceSchema,
  weeklyHoursSchema,
} from "@/lib/validations/diary-config";
import { rotaSchema, routingSettingsSchema } from "@/lib/validations/routing";

import { clinicAction } from "./safe-action";

const INVALID = { error: "Invalid request." };
const adminAction = clinicAction({ role: "admin", refused: config.NOT_ADMIN });

/** The service's answer, after refreshing every page that shows the configuration. */
function done(result: config.ConfigResult): config.ConfigResult {
  if (!result.error && !result.fieldErrors) {
    // The admin pages and the diary itself (practitioners, rooms, types, hours, closures).
    revalidatePath("/admin/diary", "layout");
    revalidatePath("/diary", "layout");
  }
  return result;
}

export const saveResource = adminAction(
  { schema: resourceSchema, invalid: "fields" },
  async (input, { claims, clinic }) => done(await config.saveResource(claims, clinic.id, input)),
);

export const setResourceActive = adminAction(
  { schema: activeSchema, invalid: INVALID },
  async (input, { claims, clinic }) =>
    done(await config.setResourceActive(claims, clinic.id, input)),
);

export const savePractitioner = adminAction(
  { schema: practitionerSchema, invalid: "fields" },
  async (input, { claims, clinic }) =>
    done(await config.savePractitioner(claims, clinic.id, input)),
);

export const setPractitionerActive = adminAction(
  { schema: activeSchema, invalid: INVALID },
  async (input, { claims, clinic }) =>
    done(await config.setPractitionerActive(claims, clinic.id, input)),
);

export const saveAppointmentType = adminAction(
  { schema: appointmentTypeSchema, invalid: "fields" },
  async (input, { claims, clinic }) =>
    done(await config.saveAppointmentType(claims, clinic.id, input)),
);

export const setAppointmentTypeActive = adminAction(
  { schema: activeSchema, invalid: INVALID },
  async (input, { claims, clinic }) =>
    done(await config.setAppointmentTypeActive(claims, clinic.id, input)),
);

export const saveWeeklyHours = adminAction(
  { schema: weeklyHoursSchema, invalid: "fields" },
  async (input, { claims, clinic }) => done(await config.saveWeeklyHours(claims, clinic.id, input)),
);

export const saveOpeningHours = adminAction(
  { schema: openingHoursSchema, invalid: "fields" },
  async (input, { claims, clinic }) =>
    done(await config.saveOpeningHours(claims, clinic.id, input)),
);

export const saveRoutingSettings = adminAction(
  { schema: routingSettingsSchema, invalid: "fields" },
  async (input, { claims, clinic }) =>
    done(await config.saveRoutingSettings(claims, clinic.id, input)),
);

export const saveRota = adminAction(
  { schema: rotaSchema, invalid: "fields" },
  async (input, { claims, clinic }) => done(await config.saveRota(claims, clinic.id, input)),
);

export const addOverride = adminAction(
  { schema: overrideSchema, invalid: "fields" },
  async (input, { claims, clinic }) => done(await config.addOverride(claims, clinic.id, input)),
);

export const deleteOverride = adminAction(
  { schema: deleteSchema, invalid: INVALID },
  async (input, { claims, clinic }) => done(await config.deleteOverride(claims, clinic.id, input)),
);

export const addClosure = adminAction(
  { schema: closureSchema, invalid: "fields" },
  async (input, { claims, clinic }) => done(await config.addClosure(claims, clinic.id, input)),
);

export const deleteClosure = adminAction(
  { schema: deleteSchema, invalid: INVALID },
  async (input, { claims, clinic }) => done(await config.deleteClosure(claims, clinic.id, input)),
);

export const addDateHours = adminAction(
  { schema: dateHoursSchema, invalid: "fields" },
  async (input, { claims, clinic }) => done(await config.addDateHours(claims, clinic.id, input)),
);

export const deleteDateHours = adminAction(
  { schema: deleteSchema, invalid: INVALID },
  async (input, { claims, clinic }) => done(await config.deleteDateHours(claims, clinic.id, input)),
);

export const saveBookingRules = adminAction(
  { schema: bookingRulesSchema, invalid: "fields" },
  async (input, { claims, clinic }) =>
    done(await config.saveBookingRules(claims, clinic.id, input)),
);
