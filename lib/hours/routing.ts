import type { OpeningSchedule } from "@/types/opening-hours";

import { nightOf, openingState } from "./opening";

/**
 * Where a call that asks for a person goes, chosen at that moment from the clinic's opening
 * hours, closures and on-call rota (Vapi's `transfer-destination-request`). Pure.
 *
 * - Emergency signs: no transfer. The caller is told to call the local emergency number first.
 * - Urgent (a post-operative concern): the front desk while it is open (a clinician is in),
 *   else the clinician on call that night; nobody on call: no transfer, the caller is told to
 *   call the emergency number if it gets worse, and an urgent call-back is owed.
 * - Anything else: the front desk while it is open; closed: no transfer, Voxanne takes a message
 *   or books, as the clinic's after-hours mode says.
 *
 * Only numbers the clinic configured (front desk, the rota) are ever chosen.
 */

export const AFTER_HOURS_MODES = ["message", "book", "both"] as const;
export type AfterHoursMode = (typeof AFTER_HOURS_MODES)[number];

export interface RotaNight {
  /** ISO weekday the night starts on (noon to noon). */
  weekday: number;
  clinicianName: string;
  phoneNumber: string;
}

export interface RoutingConfig {
  schedule: OpeningSchedule;
  frontDeskNumber: string | null;
  afterHoursMode: AfterHoursMode;
  emergencyNumber: string;
  rota: RotaNight[];
}

export type TransferChoice =
  | {
      kind: "front_desk" | "on_call";
      number: string;
      /** Who answers, as staff and the caller hear it ("the front desk", "Dr Okafor, on call"). */
      description: string;
      /** Said to the caller while the transfer starts. */
      say: string;
    }
  | {
      kind: "none";
      reason: "emergency" | "closed" | "nobody_on_call" | "no_front_desk";
      /** What Voxanne is told to do instead (the result of the transfer request). */
      instruction: string;
    };

export function onCallFor(rota: RotaNight[], timezone: string, at: number): RotaNight | null {
  const { weekday } = nightOf(timezone, at);
  return rota.find((night) => night.weekday === weekday) ?? null;
}

/** What Voxanne offers while closed, in the words of the instruction. */
export function afterHoursOffer(mode: AfterHoursMode): string {
  if (mode === "message") return "take a message for a call back (do not book)";
  if (mode === "book") return "book an appointment (do not take messages)";
  return "take a message for a call back, or book an appointment";
}

export function chooseTransfer(
  config: RoutingConfig,
  call: { urgent: boolean; emergency: boolean },
  at: number,
): TransferChoice {
  const emergency = config.emergencyNumber;
  if (call.emergency)
    return {
      kind: "none",
      reason: "emergency",
      instruction: `Do not transfer. The caller has emergency signs: tell them to hang up and call ${emergency} now, and to tell the clinic afterwards. Stay calm and brief.`,
    };
  const state = openingState(config.schedule, at);
  const frontDesk = config.frontDeskNumber;
  if (state.open && frontDesk)
    return {
      kind: "front_desk",
      number: frontDesk,
      description: "Front desk",
      say: call.urgent
        ? "I'm putting you through to our front desk now so a clinician can help you."
        : "Let me put you through to our front desk.",
    };
  if (call.urgent) {
    const onCall = onCallFor(config.rota, config.schedule.timezone, at);
    if (onCall)
      return {
        kind: "on_call",
        number: onCall.phoneNumber,
        description: `${onCall.clinicianName} (on call)`,
        say: `I'm putting you through to ${onCall.clinicianName}, our clinician on call tonight.`,
      };
    return {
      kind: "none",
      reason: "nobody_on_call",
      instruction: `Do not transfer: no clinician can be reached right now. Tell the caller to call ${emergency} if it gets worse or they feel unwell, take their name and a short message, and promise an urgent call back as soon as the clinic opens (${state.open ? "the front desk has no number set" : state.label.toLowerCase()}).`,
    };
  }
  if (state.open)
    return {
      kind: "none",
      reason: "no_front_desk",
      instruction:
        "Do not transfer: the clinic has no front desk number. Offer to take a message for a call back.",
    };
  return {
    kind: "none",
    reason: "closed",
    instruction: `Do not transfer: the front desk is ${state.label.toLowerCase()}. Offer to ${afterHoursOffer(config.afterHoursMode)}.`,
  };
}

/** Nights of the week nobody is on call (ISO weekdays), for the editor's warning. */
export function rotaGaps(rota: Pick<RotaNight, "weekday">[]): number[] {
  const covered = new Set(rota.map((night) => night.weekday));
  return [1, 2, 3, 4, 5, 6, 7].filter((weekday) => !covered.has(weekday));
}

/** The numbers a transfer may go to: the front desk and the rota's. */
export function allowedTransferNumbers(config: Pick<RoutingConfig, "frontDeskNumber" | "rota">) {
  return new Set(
    [config.frontDeskNumber, ...config.rota.map((night) => night.phoneNumber)].filter(
      (number): number is string => Boolean(number),
    ),
  );
}

/**
 * Vapi's `endedReason` codes for a transfer that did not reach a person (the SDK's
 * `ServerMessageEndOfCallReportEndedReason`, @vapi-ai/server-sdk 2.0.1; meanings from
 * docs.vapi.ai/calls/call-ended-reason, "Transfer errors" and "Customer actions").
 */
export const UNANSWERED_TRANSFER_REASONS = [
  "call.forwarding.no-answer",
  "call.forwarding.operator-busy",
  "call.in-progress.error-transfer-failed",
  "call.in-progress.error-warm-transfer-max-duration",
  "call.in-progress.error-warm-transfer-assistant-cancelled",
  "call.in-progress.error-warm-transfer-silence-timeout",
  "call.in-progress.error-warm-transfer-microphone-timeout",
  "customer-ended-call-before-warm-transfer",
  "customer-ended-call-after-warm-transfer-attempt",
  "customer-ended-call-during-transfer",
] as const;

/** Vapi's `endedReason` when the assistant put the call through (docs: "assistant-forwarded-call"). */
export const FORWARDED_REASON = "assistant-forwarded-call";

/**
 * Whether a call ended with a transfer nobody answered, and nothing taken instead: a transfer
 * was chosen (`requested`) or started (`transferred`), and the call did not end by being put
 * through. Either Vapi says the transfer failed (`UNANSWERED_TRANSFER_REASONS`) or the caller
 * was handed back to Voxanne (the warm transfer's fallback) and the call ended there without a
 * message (`take_message` would have recorded `unanswered` already). Unknown end (null): not
 * yet; the end-of-call report carries the reason. Pure.
 */
export function transferWentUnanswered(call: {
  transferOutcome: string | null;
  endedReason: string | null;
}): boolean {
  if (call.transferOutcome !== "requested" && call.transferOutcome !== "transferred") return false;
  if (!call.endedReason) return false;
  return call.endedReason !== FORWARDED_REASON;
}

/**
 * What `transfer-destination-request` answers (lib/call-flow/handlers/transfer-destination-request.ts)
 * and what "Test the transfer" shows: `chooseTransfer`, then the rule that only numbers the
 * clinic configured are ever returned. One function, so the preview cannot drift from the call.
 */
export function decideTransfer(
  config: RoutingConfig,
  call: { urgent: boolean; emergency: boolean },
  at: number,
): TransferChoice {
  const choice = chooseTransfer(config, call, at);
  if (choice.kind !== "none" && !allowedTransferNumbers(config).has(choice.number))
    return {
      kind: "none",
      reason: "no_front_desk",
      instruction:
        "Do not transfer: that number is not one of the clinic's. Offer to take a message.",
    };
  return choice;
}
