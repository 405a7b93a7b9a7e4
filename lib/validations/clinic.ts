import { z } from "zod";

export const switchClinicSchema = z.object({ clinicId: z.uuid() });
