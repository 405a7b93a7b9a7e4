import type { Metadata } from "next";
import { z } from "zod";

import { getEnv } from "@/lib/env";
import { getClinicContext } from "@/lib/auth/clinic";
import { loadConversations } from "@/lib/inbox/service";
import { PageHeader } from "@/components/dashboard/page-header";
import { Inbox } from "@/components/messages/inbox";

export const metadata: Metadata = { title: "Messages" };

const linkSchema = z.object({ patient: z.uuid().optional().catch(undefined) });

// Texts as conversations per patient: what patients sent (live), what Sarah and the front desk
// sent back with its delivery status, and a reply box.
export default async function MessagesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { claims, current } = await getClinicContext();
  if (!current) return null;
  const { patient } = linkSchema.parse(await searchParams);
  const initial = await loadConversations(claims, current.id);
  const outbox = getEnv().SMS_PROVIDER === "outbox";

  return (
    <div className="grid gap-6">
      <PageHeader
        title="Messages"
        description={
          outbox
            ? "Demo mode: texts are kept in this outbox instead of being sent, so you can see exactly what patients would receive. Replies you send are recorded the same way."
            : "Conversations with patients: their texts, Sarah's follow-ups and the front desk's replies, sent from the clinic's number."
        }
      />
      <Inbox
        key={current.id}
        clinicId={current.id}
        initial={JSON.parse(JSON.stringify(initial))}
        initialPatientId={patient ?? null}
      />
    </div>
  );
}
