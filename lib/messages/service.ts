import "server-only";

import { listSmsMessages } from "@/lib/db/follow-ups";
import { asSignedIn } from "@/lib/db/transaction";

/** Texts sent and received for the clinic, newest first, read as the signed-in person. */
export const listMessages = asSignedIn(listSmsMessages);
