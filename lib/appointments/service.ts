import "server-only";

import { AppError } from "@/lib/api/errors";
import {
  cancelByLink,
  clinicForPatients,
  findManageLink,
  getPatientAppointment,
  replaceManageOffers,
  rescheduleByLink,
  type LinkRescheduleOutcome,
} from "@/lib/db/appointment-changes";
import { getAppointment } from "@/lib/db/appointments";
import { openManageLink } from "@/lib/db/manage-links";
import { withService, type Tx } from "@/lib/db/transaction";
import {
  isWaiting,
  joinWaitlist,
  leaveWaitlist,
  markOpeningTaken,
  openingOffersOfLink,
  openingOfOffer,
} from "@/lib/db/waitlist";
import { availableStarts } from "@/lib/diary/availability";
import { loadDiary } from "@/lib/diary/load";

/**
 * The manage link page (/m/<token>): what a patient sees and does with the link from their
 * text. Runs as the service (the patient is not signed in): the link is the credential, checked
 * on every read and write (unknown, tampered, expired, revoked: nothing shown, nothing changed).
 */

const DAY_MS = 86_400_000;
/** How far ahead the page offers new times. */
const WINDOW_DAYS = 21;
/** At most this many days with times, this many times a day, this far apart. */
const MAX_DAYS = 10;
const MAX_PER_DAY = 12;
const SPACING_MS = 30 * 60_000;

export interface ManageTime {
  offerId: string;
  start: string;
  end: string;
  practitioner: string;
}

export interface ManageAppointment {
  status: "pending" | "confirmed" | "arrived" | "completed" | "cancelled" | "no_show";
  start: string;
  end: string;
  practitioner: string;
  what: string;
  /** First name only: enough to know it is theirs, nothing more. */
  firstName: string | null;
}

export type ManagePage =
  | { status: "unknown" }
  /** The link no longer works; the page names its clinic and how to reach it. */
  | { status: "expired" | "revoked"; clinic: { name: string; phone: string | null } | null }
  | {
      status: "ok";
      clinic: {
        name: string;
        timezone: string;
        locale: string;
        currency: string;
        phone: string | null;
        cancellationPolicy: string;
      };
      appointment: ManageAppointment;
      /** Whether it can still be moved or cancelled here (upcoming, pending or confirmed). */
      changeable: boolean;
      times: ManageTime[];
      /** Earlier times texted to this link from the waitlist, still free: the first to take one has it. */
      earlier: ManageTime[];
      /** Whether the appointment is on the waitlist for an earlier time. */
      waiting: boolean;
    };

function describe(row: NonNullable<Awaited<ReturnType<typeof getPatientAppointment>>>) {
  return {
    status: row.status as ManageAppointment["status"],
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    practitioner: row.practitioner,
    what: row.typeName ?? row.procedure ?? "Appointment",
    firstName: row.patientName.trim().split(/\s+/)[0] ?? null,
  };
}

/**
 * A page's worth of times, soonest first, over at most MAX_DAYS clinic-local days: each day's
 * times on the hour and half hour (any time, when a day has none of those), at least half an
 * hour apart, at most MAX_PER_DAY (a 15-minute grid would fill the page with two days).
 */
function spread<T extends { start: Date }>(starts: T[], timeZone: string): T[] {
  const local = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const days = new Map<string, T[]>();
  const round = new Set<T>();
  for (const start of starts) {
    const parts = Object.fromEntries(
      local.formatToParts(start.start).map((p) => [p.type, p.value]),
    );
    const key = `${parts.year}-${parts.month}-${parts.day}`;
    if (!days.has(key)) {
      if (days.size === MAX_DAYS) break;
      days.set(key, []);
    }
    days.get(key)!.push(start);
    if (Number(parts.minute) % 30 === 0) round.add(start);
  }
  return [...days.values()].flatMap((day) => {
    const pool = day.some((start) => round.has(start))
      ? day.filter((start) => round.has(start))
      : day;
    const kept: T[] = [];
    for (const start of pool) {
      const last = kept[kept.length - 1];
      if (kept.length === MAX_PER_DAY) break;
      if (!last || start.start.getTime() - last.start.getTime() >= SPACING_MS) kept.push(start);
    }
    return kept;
  });
}

/** New times for the appointment: its own type, its practitioner's times first (everyone's if they have none), recorded as offers to this link. */
async function offerTimes(
  tx: Tx,
  link: { id: string; clinicId: string; bookingId: string },
  row: NonNullable<Awaited<ReturnType<typeof getPatientAppointment>>>,
): Promise<ManageTime[]> {
  if (!row.typeId || !row.procedureId) return [];
  const now = Date.now();
  const diary = await loadDiary(
    tx,
    link.clinicId,
    { from: new Date(now), to: new Date(now + WINDOW_DAYS * DAY_MS) },
    { procedureId: row.procedureId },
  );
  const type = diary?.types.find((t) => t.id === row.typeId);
  if (!diary || !type) return [];
  // Its own time is not in the way of a move (e.g. fifteen minutes later).
  const own = await getAppointment(tx, link.clinicId, link.bookingId);
  const schedule = {
    ...diary.schedule,
    busy: diary.schedule.busy.filter((busy) => busy.id !== own?.reservationId),
  };
  const all = availableStarts(schedule, type, {
    from: new Date(now),
    to: new Date(now + WINDOW_DAYS * DAY_MS),
  }).filter((start) => start.start.getTime() !== row.startsAt.getTime());
  const theirs = all.filter((start) => start.practitionerId === row.practitionerId);
  const chosen = spread(theirs.length ? theirs : all, diary.clinic.timezone);
  const ids = await replaceManageOffers(
    tx,
    { clinicId: link.clinicId, linkId: link.id, bookingId: link.bookingId },
    chosen.map((start) => ({
      appointmentTypeId: type.id,
      practitionerId: start.practitionerId,
      resourceId: type.resourceId,
      startsAt: start.start,
      endsAt: start.end,
      occupiedStart: new Date(start.start.getTime() - type.bufferBeforeMinutes * 60_000),
      occupiedEnd: new Date(start.end.getTime() + type.bufferAfterMinutes * 60_000),
    })),
  );
  const names = new Map(diary.config.practitioners.map((p) => [p.id, p.name]));
  return chosen.map((start, index) => ({
    offerId: ids[index]!,
    start: start.start.toISOString(),
    end: start.end.toISOString(),
    practitioner: names.get(start.practitionerId) ?? row.practitioner,
  }));
}

/** What the page shows for a token, recording the open. */
export function openManagePage(token: string): Promise<ManagePage> {
  return withService(async (tx) => {
    const link = await openManageLink(tx, token);
    if (link.status === "unknown") return { status: "unknown" as const };
    if (link.status !== "ok") {
      const clinic = await clinicForPatients(tx, link.clinicId);
      return {
        status: link.status,
        clinic: clinic
          ? { name: clinic.name, phone: clinic.frontDeskNumber ?? clinic.phoneNumber }
          : null,
      };
    }
    if (link.purpose !== "manage") return { status: "unknown" as const };
    const [row, clinic] = await Promise.all([
      getPatientAppointment(tx, link.clinicId, link.bookingId),
      clinicForPatients(tx, link.clinicId),
    ]);
    if (!row || !clinic) return { status: "unknown" as const };
    const changeable =
      (row.status === "pending" || row.status === "confirmed") &&
      row.startsAt.getTime() > Date.now();
    const times = changeable
      ? await offerTimes(
          tx,
          { id: link.linkId, clinicId: link.clinicId, bookingId: link.bookingId },
          row,
        )
      : [];
    const earlier = changeable
      ? (await openingOffersOfLink(tx, link.linkId))
          .filter((offer) => offer.startsAt < row.startsAt)
          .map((offer) => ({
            offerId: offer.offerId,
            start: offer.startsAt.toISOString(),
            end: offer.endsAt.toISOString(),
            practitioner: offer.practitioner,
          }))
      : [];
    const waiting = changeable && (await isWaiting(tx, link.bookingId));
    return {
      status: "ok" as const,
      clinic: {
        name: clinic.name,
        timezone: clinic.timezone,
        locale: clinic.locale,
        currency: clinic.currency,
        phone: clinic.frontDeskNumber ?? clinic.phoneNumber,
        cancellationPolicy: clinic.cancellationPolicy,
      },
      appointment: describe(row),
      changeable,
      times,
      earlier,
      waiting,
    };
  });
}

const RESCHEDULE_REFUSALS: Record<Exclude<LinkRescheduleOutcome, "rescheduled">, string> = {
  link_invalid: "This link has expired or is no longer active. Call the clinic and we'll help.",
  offer_not_found: "That time is no longer on offer. Please pick again from the times below.",
  not_allowed: "This appointment can no longer be changed here. Please call the clinic.",
  in_past: "That time has already passed. Please pick another.",
  changed:
    "Your appointment was changed a moment ago. Here it is as it stands now; pick again if you still want to move it.",
  taken: "Someone has just booked that time. Please pick another.",
  different_type: "That time is for a different appointment. Please pick again.",
  not_found: "We couldn't find this appointment. Please call the clinic.",
};

async function usableLink(tx: Tx, token: string) {
  const link = await findManageLink(tx, token);
  if (!link?.usable)
    throw new AppError(
      "not_found",
      "This link has expired or is no longer active. Call the clinic and we'll help.",
    );
  return link;
}

/** Moves the link's appointment to a time offered on its page; a refusal is an AppError with the sentence to show, and changes nothing. */
export function rescheduleFromLink(
  token: string,
  offerId: string,
): Promise<{ start: string; end: string }> {
  return withService(async (tx) => {
    const link = await usableLink(tx, token);
    // A waitlist opening's offer: read before the move, which deletes the appointment's offers.
    const openingId = await openingOfOffer(tx, offerId);
    const moved = await rescheduleByLink(tx, { linkId: link.id, offerId });
    if (moved.outcome === "rescheduled" && moved.startsAt && moved.endsAt) {
      if (openingId) await markOpeningTaken(tx, { openingId, bookingId: link.bookingId });
      return { start: moved.startsAt.toISOString(), end: moved.endsAt.toISOString() };
    }
    throw new AppError(
      moved.outcome === "taken" || moved.outcome === "changed" ? "conflict" : "invalid",
      RESCHEDULE_REFUSALS[moved.outcome as Exclude<LinkRescheduleOutcome, "rescheduled">] ??
        "That time could not be booked.",
    );
  });
}

/** Cancels the link's appointment (its links are withdrawn with it). */
export function cancelFromLink(token: string, reason: string | undefined): Promise<void> {
  return withService(async (tx) => {
    const link = await usableLink(tx, token);
    const outcome = await cancelByLink(tx, {
      linkId: link.id,
      reason: reason
        ? `Cancelled by the patient on the manage link: ${reason}`
        : "Cancelled by the patient on the manage link.",
    });
    if (outcome === "cancelled") return;
    throw new AppError(
      outcome === "link_invalid" || outcome === "not_found" ? "not_found" : "invalid",
      outcome === "not_allowed"
        ? "This appointment can no longer be cancelled here. Please call the clinic."
        : "This link has expired or is no longer active. Call the clinic and we'll help.",
    );
  });
}

/**
 * Puts the link's appointment on the waitlist for an earlier time, or takes it off; joining
 * twice is harmless. Only an upcoming pending or confirmed appointment can wait.
 */
export function setWaitlistFromLink(token: string, wait: boolean): Promise<{ waiting: boolean }> {
  return withService(async (tx) => {
    const link = await usableLink(tx, token);
    if (!wait) {
      await leaveWaitlist(tx, link.bookingId);
      return { waiting: false };
    }
    const outcome = await joinWaitlist(tx, {
      clinicId: link.clinicId,
      bookingId: link.bookingId,
      source: "link",
    });
    if (outcome === "waiting" || outcome === "already_waiting") return { waiting: true };
    throw new AppError(
      "invalid",
      "This appointment can no longer go on the waitlist. Please call the clinic.",
    );
  });
}
