import "server-only";

import type { z } from "zod";

import type { Claims } from "@/lib/auth/claims";
import * as routing from "@/lib/db/routing";
import type { Tx } from "@/lib/db/transaction";
import { rotaGaps } from "@/lib/hours/routing";
import { rotaGapWarning, rotaSchema, routingSettingsSchema } from "@/lib/validations/routing";

import { NOT_ADMIN, parse, write, type ConfigResult } from "./config-write";

// Where a call goes when Voxanne hands it on: the front desk's number, what happens after hours,
// the local emergency number and the on-call rota; never the number Voxanne itself answers.

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
