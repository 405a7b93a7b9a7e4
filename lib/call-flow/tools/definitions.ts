import type { z } from "zod";

import { checkAvailability } from "./check-availability";
import { confirmBooking } from "./confirm-booking";
import { holdSlot } from "./hold-slot";
import { lookupProcedure } from "./lookup-procedure";
import { releaseSlot } from "./release-slot";

/** What the assistant is told about each tool; parameters come from the same zod schemas the handlers validate with. */
export const TOOL_DEFINITIONS: { name: string; description: string; args: z.ZodType }[] = [
  {
    ...checkAvailability,
    description: "Find free appointment times. Optional: the procedure, a date (YYYY-MM-DD, clinic time) and morning/afternoon/evening.",
  },
  { ...holdSlot, description: "Hold a time from check_availability for 90 seconds while the caller decides." },
  { ...confirmBooking, description: "Book the held time once you have the caller's name. Optional: procedure and a contact number." },
  { ...releaseSlot, description: "Release the held time if the caller wants a different one or changes their mind." },
  { ...lookupProcedure, description: "Look up a procedure the caller asks about and the clinic's approved answers (recovery, candidacy, price)." },
];
