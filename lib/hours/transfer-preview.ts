import type { RoutingSource } from "@/lib/db/routing";
import { ClinicClock, parseLocalDate, parseWallTime } from "@/lib/diary/working-time";

import { nightOf, openingState, wallClock } from "./opening";
import { decideTransfer, onCallFor, type TransferChoice } from "./routing";

/**
 * "Test the transfer" (Hours and on-call): for a chosen moment, where `transfer-destination-request`
 * would send an ordinary caller, an urgent post-operative caller and one with emergency signs,
 * and why. A dry run of the very function the webhook answers with (`decideTransfer`), on the
 * clinic's stored configuration. Pure.
 */

export type PreviewCase = "ordinary" | "urgent" | "emergency";

export interface TransferPreview {
  /** The moment, as an instant (ISO) and on the clinic's wall clock ("2026-12-24 10:30"). */
  at: string;
  local: string;
  timezone: string;
  /** The front desk's state then ("Open until 13:00"). */
  state: string;
  /** The on-call night the moment belongs to (noon to noon) and who is on call. */
  night: string;
  onCall: { clinicianName: string; phoneNumber: string } | null;
  cases: {
    call: PreviewCase;
    choice: TransferChoice;
    /** "Front desk, +15555550100", "Dr Okafor (on call), +1…", "No transfer". */
    destination: string;
    /** Why, in a sentence. */
    why: string;
  }[];
}

const CALLS: Record<PreviewCase, { urgent: boolean; emergency: boolean }> = {
  ordinary: { urgent: false, emergency: false },
  urgent: { urgent: true, emergency: false },
  emergency: { urgent: true, emergency: true },
};

/** A clinic-local "YYYY-MM-DDTHH:MM" as an instant, with the diary's wall-clock rules (DST-safe). */
export function parseLocalMoment(timezone: string, value: string): number {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value.trim());
  if (!match)
    throw new RangeError(
      `"${value.slice(0, 40)}" is not a date and time: pick one, e.g. 2026-12-24 10:30.`,
    );
  const day = parseLocalDate(match[1]!, "the moment to test");
  const seconds = parseWallTime(match[2]!, "the moment to test");
  return new ClinicClock(timezone).instant(day, seconds);
}

export function previewTransfer(source: RoutingSource, at: number): TransferPreview {
  const timezone = source.schedule.timezone;
  const clock = new ClinicClock(timezone);
  const state = openingState(source.schedule, at);
  const night = nightOf(timezone, at);
  const onCall = onCallFor(source.rota, timezone, at);
  const localDate = new Date(clock.localDay(at) * 86_400_000).toISOString().slice(0, 10);
  return {
    at: new Date(at).toISOString(),
    local: `${localDate} ${wallClock(clock, at)}`,
    timezone,
    state: state.label,
    night: night.date,
    onCall: onCall
      ? { clinicianName: onCall.clinicianName, phoneNumber: onCall.phoneNumber }
      : null,
    cases: (Object.keys(CALLS) as PreviewCase[]).map((call) => {
      const choice = decideTransfer(source, CALLS[call], at);
      if (choice.kind === "none")
        return { call, choice, destination: "No transfer", why: choice.instruction };
      if (choice.kind === "front_desk")
        return {
          call,
          choice,
          destination: `Front desk, ${choice.number}`,
          why: `The front desk is open (${state.label.toLowerCase()}), so callers who ask for a person are put through there.`,
        };
      return {
        call,
        choice,
        destination: `${choice.description}, ${choice.number}`,
        why: `The front desk is ${state.label.toLowerCase()}; ${choice.description.replace(" (on call)", "")} is on call on the night of ${night.date}.`,
      };
    }),
  };
}
