"use client";

import { useUnreadTexts } from "@/hooks/use-inbox";

/** The sidebar's count of texts nobody has read yet; live, hidden at zero. */
export function UnreadTextsBadge({ clinicId }: { clinicId: string }) {
  const unread = useUnreadTexts(clinicId);
  if (!unread) return null;
  return (
    <span
      className="bg-primary text-primary-foreground ml-auto min-w-5 rounded-full px-1.5 text-center text-xs leading-5 font-semibold"
      data-testid="unread-texts"
      aria-label={`${unread} unread text${unread === 1 ? "" : "s"}`}
    >
      {unread > 99 ? "99+" : unread}
    </span>
  );
}
