"use client";

import { alertBadges, alertTotal, badgeText, type AlertBadgeKind } from "@/lib/alerts/counts";
import { cn } from "@/lib/utils";
import { useAlertCounts } from "@/hooks/use-alerts";

// Colours with at least 4.5:1 contrast for their text.
const TONES = {
  danger: "bg-red-700 text-white",
  warning: "bg-amber-300 text-amber-950",
  primary: "bg-primary text-primary-foreground",
} as const;

/** Live counts beside a nav item, each with its meaning in words for screen readers; none at zero. */
export function AlertBadges({
  clinicId,
  kinds,
}: {
  clinicId: string;
  kinds: readonly AlertBadgeKind[];
}) {
  const counts = useAlertCounts(clinicId);
  if (!counts) return null;
  const badges = alertBadges(counts, kinds);
  if (badges.length === 0) return null;
  return (
    <span className="ml-auto flex items-center gap-1">
      {badges.map((badge) => (
        <span
          key={badge.kind}
          role="img"
          aria-label={badge.label}
          title={badge.label}
          data-testid={`alert-badge-${badge.kind}`}
          data-count={badge.count}
          className={cn(
            "min-w-5 rounded-full px-1.5 text-center text-xs leading-5 font-semibold tabular-nums",
            TONES[badge.tone],
          )}
        >
          {badgeText(badge.count)}
        </span>
      ))}
    </span>
  );
}

/** Phones and tablets: the total beside the menu button, since the sidebar is folded away. */
export function AlertTotalBadge({ clinicId }: { clinicId: string }) {
  const counts = useAlertCounts(clinicId);
  const total = counts ? alertTotal(counts) : 0;
  if (total === 0) return null;
  return (
    <span
      role="img"
      aria-label={`${total} ${total === 1 ? "thing needs" : "things need"} the front desk`}
      data-testid="alert-total"
      className={cn(
        "min-w-5 rounded-full px-1.5 text-center text-xs leading-5 font-semibold tabular-nums",
        counts && counts.transfers.length > 0 ? TONES.danger : TONES.primary,
      )}
    >
      {badgeText(total)}
    </span>
  );
}
