import "server-only";

import type { DiaryEntry, DiaryView } from "@/types/diary";
import { AppError } from "@/lib/api/errors";
import type { Claims } from "@/lib/auth/claims";
import { getAppointment, type AppointmentStatus } from "@/lib/db/appointments";
import { updateBookingStatus } from "@/lib/db/bookings";
import { bookInDiary, listDiaryEntries, moveInDiary } from "@/lib/db/reservations";
import { withClaims } from "@/lib/db/transaction";

import {
  availableStarts,
  checkBookable,
  workingIntervals,
  type BookableType,
} from "./availability";
import { DAY_MS, id, instant, range } from "./input";
import { loadOrFail, type BusyEntry, type LoadedDiary } from "./load";
import { refusal, writeRefusal } from "./refusals";

/**
 * The diary's service: what the diary pages and their server actions call. Each function runs
 * as the signed-in person (RLS: members of the clinic), opens its own transaction, and refuses
 * a bad write with an AppError whose message a receptionist understands; nothing is stored then.
 * Staff writes are checked against the diary's rules with the availability engine
 * (checkBookable: hours, closures, who performs what, overlaps, horizon), then made by the SQL
 * functions under the same locks and exclusion constraints as the assistant's holds, which
 * catch whatever changed in between. Times cross this boundary as ISO strings (./input.ts
 * checks them). Blocked time: ./blocks.ts.
 */

/** The days around a start (the day before to two days after): enough diary to check it. */
const around = (start: Date) => ({
  from: new Date(start.getTime() - DAY_MS),
  to: new Date(start.getTime() + 2 * DAY_MS),
});

/** Staff book at short notice (a walk-in): the clinic's minimum notice is for the assistant. */
const forStaff = (diary: LoadedDiary) => ({ ...diary.schedule, minNoticeMinutes: 0 });

export async function getDiary(
  claims: Claims,
  clinicId: string,
  input: { from: string; to: string },
): Promise<DiaryView> {
  const span = range(input);
  return withClaims(claims, async (tx) => {
    const diary = await loadOrFail(tx, clinicId, span);
    const entries = await listDiaryEntries(tx, clinicId, span);
    const iso = (date: Date) => date.toISOString();
    return {
      timeZone: diary.clinic.timezone,
      practitioners: diary.config.practitioners,
      resources: diary.config.resources
        .filter((resource) => resource.active)
        .map(({ id, name, kind }) => ({ id, name, kind })),
      appointmentTypes: diary.types.map((type) => ({
        id: type.id,
        name: type.name,
        kind: type.kind,
        procedureName: type.procedureName,
        durationMinutes: type.durationMinutes,
        resourceId: type.resourceId,
        practitionerIds: type.practitionerIds,
      })),
      workingIntervals: diary.config.practitioners.flatMap((practitioner) =>
        workingIntervals(diary.schedule, practitioner.id, span.from, span.to).map((interval) => ({
          practitionerId: practitioner.id,
          start: iso(interval.start),
          end: iso(interval.end),
        })),
      ),
      closures: diary.config.closures,
      entries: entries.map((row): DiaryEntry => {
        const base = {
          id: row.id,
          practitionerId: row.practitionerId,
          resourceId: row.resourceId,
          start: iso(row.start),
          end: iso(row.end),
          occupiedStart: iso(row.occupiedStart),
          occupiedEnd: iso(row.occupiedEnd),
        };
        if (row.kind === "hold")
          return { ...base, kind: "hold", heldUntil: iso(row.heldUntil!), callId: row.callId! };
        if (row.kind === "block") return { ...base, kind: "block", reason: row.reason ?? "" };
        return {
          ...base,
          kind: "appointment",
          bookingId: row.bookingId!,
          status: row.status!,
          typeId: row.typeId,
          typeName: row.typeName,
          procedureName: row.procedureName,
          patientName: row.patientName ?? "",
          patientPhone: row.patientPhone,
          source: row.source ?? "assistant",
          callId: row.callId,
          notes: row.notes ?? "",
        };
      }),
    };
  });
}

export async function getAvailability(
  claims: Claims,
  clinicId: string,
  input: { typeId: string; practitionerId?: string; from: string; to: string },
): Promise<{ practitionerId: string; start: string; end: string }[]> {
  const span = range(input);
  id(input.typeId, "an appointment type");
  if (input.practitionerId) id(input.practitionerId, "a practitioner");
  return withClaims(claims, async (tx) => {
    const diary = await loadOrFail(tx, clinicId, span);
    const type = diary.types.find((candidate) => candidate.id === input.typeId);
    if (!type)
      throw new AppError("invalid", "That appointment type does not exist or is not active.");
    return availableStarts(forStaff(diary), type, {
      from: span.from,
      to: span.to,
      ...(input.practitionerId ? { practitionerIds: [input.practitionerId] } : {}),
    }).map((offer) => ({
      practitionerId: offer.practitionerId,
      start: offer.start.toISOString(),
      end: offer.end.toISOString(),
    }));
  });
}

function patientDetails(input: {
  patientName: string;
  patientPhone: string | null;
  notes?: string;
}) {
  const patientName = String(input.patientName ?? "").trim();
  if (!patientName) throw new AppError("invalid", "Enter the patient's name.");
  if (patientName.length > 120)
    throw new AppError("invalid", "The patient's name is too long (at most 120 characters).");
  const raw = String(input.patientPhone ?? "").trim();
  const patientPhone = raw ? raw.replace(/[\s().-]/g, "") : null;
  if (patientPhone !== null && !/^\+?[0-9]{3,15}$/.test(patientPhone))
    throw new AppError(
      "invalid",
      "The phone number is not valid: use digits, optionally starting with +.",
    );
  const notes = String(input.notes ?? "").trim();
  if (notes.length > 2000)
    throw new AppError("invalid", "The notes are too long (at most 2,000 characters).");
  return { patientName, patientPhone, notes };
}

export async function bookAppointment(
  claims: Claims,
  clinicId: string,
  input: {
    typeId: string;
    practitionerId: string;
    start: string;
    patientName: string;
    patientPhone: string | null;
    notes?: string;
  },
): Promise<{ bookingId: string }> {
  const start = instant(input.start, "start");
  id(input.typeId, "an appointment type");
  id(input.practitionerId, "a practitioner");
  const patient = patientDetails(input);
  return withClaims(claims, async (tx) => {
    const diary = await loadOrFail(tx, clinicId, around(start));
    const type = diary.types.find((candidate) => candidate.id === input.typeId);
    if (!type)
      throw new AppError("invalid", "That appointment type does not exist or is not active.");
    const check = checkBookable(forStaff(diary), type, {
      practitionerId: input.practitionerId,
      start,
    });
    if (!check.ok)
      throw refusal(diary, check.reason, { type, practitionerId: input.practitionerId, start });
    const result = await bookInDiary(tx, {
      clinicId,
      typeId: type.id,
      practitionerId: input.practitionerId,
      start,
      ...patient,
    });
    if (result.outcome !== "ok" || !result.id)
      throw writeRefusal(diary, result, {
        practitionerId: input.practitionerId,
        resourceId: type.resourceId,
        start,
      });
    return { bookingId: result.id };
  });
}

export async function moveAppointment(
  claims: Claims,
  clinicId: string,
  input: { bookingId: string; practitionerId: string; start: string },
): Promise<void> {
  const start = instant(input.start, "new start");
  id(input.bookingId, "an appointment");
  id(input.practitionerId, "a practitioner");
  await withClaims(claims, async (tx) => {
    const appointment = await getAppointment(tx, clinicId, input.bookingId);
    if (!appointment) throw new AppError("not_found", "That appointment does not exist.");
    if (appointment.status !== "pending" && appointment.status !== "confirmed")
      throw new AppError(
        "invalid",
        `This appointment is ${appointment.status.replace("_", "-")}; only pending or confirmed appointments can be moved.`,
      );
    const diary = await loadOrFail(tx, clinicId, around(start));
    // A migrated appointment may have no type: then it keeps its length, without buffers, and
    // any practitioner may take it.
    const type: BookableType & { name?: string } = diary.types.find(
      (candidate) => candidate.id === appointment.typeId,
    ) ?? {
      id: appointment.typeId ?? "untyped",
      name: "this appointment",
      durationMinutes: Math.round(
        (appointment.endsAt.getTime() - appointment.startsAt.getTime()) / 60_000,
      ),
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      resourceId: appointment.resourceId,
      practitionerIds: diary.config.practitioners.map((practitioner) => practitioner.id),
    };
    const own = appointment.reservationId ?? undefined;
    const check = checkBookable(forStaff(diary), type, {
      practitionerId: input.practitionerId,
      start,
      ignoreBusy: (busy) => (busy as BusyEntry).id === own,
    });
    if (!check.ok)
      throw refusal(diary, check.reason, {
        type,
        practitionerId: input.practitionerId,
        start,
        ignore: own,
      });
    const result = await moveInDiary(tx, {
      clinicId,
      bookingId: appointment.id,
      practitionerId: input.practitionerId,
      start,
    });
    if (result.outcome !== "ok")
      throw writeRefusal(diary, result, {
        practitionerId: input.practitionerId,
        resourceId: appointment.resourceId,
        start,
      });
  });
}

const STATUS_WORDS: Record<AppointmentStatus, string> = {
  pending: "pending",
  confirmed: "confirmed",
  arrived: "marked arrived",
  completed: "completed",
  cancelled: "cancelled",
  no_show: "marked as a no-show",
};

async function changeStatus(
  claims: Claims,
  clinicId: string,
  bookingId: string,
  change: { status: Exclude<AppointmentStatus, "pending">; reason?: string },
): Promise<void> {
  await withClaims(claims, async (tx) => {
    const appointment = await getAppointment(tx, clinicId, bookingId);
    if (!appointment) throw new AppError("not_found", "That appointment does not exist.");
    if (appointment.status === change.status) return;
    const result = await updateBookingStatus(tx, bookingId, change);
    if (!result.ok && result.reason === "not_found")
      throw new AppError("not_found", "That appointment does not exist.");
    if (!result.ok)
      throw new AppError(
        "invalid",
        `This appointment is already ${STATUS_WORDS[appointment.status]}; it cannot be ${STATUS_WORDS[change.status]} now.`,
      );
  });
  // The patient's texts follow from the change in the database (lib/reminders): cancelled or
  // no-show withdraws their reminders; the confirmation went when the appointment was made.
}

export async function cancelAppointment(
  claims: Claims,
  clinicId: string,
  input: { bookingId: string; reason: string },
): Promise<void> {
  id(input.bookingId, "an appointment");
  const reason = String(input.reason ?? "").trim();
  if (!reason) throw new AppError("invalid", "Say why the appointment is cancelled.");
  if (reason.length > 500)
    throw new AppError("invalid", "The reason is too long (at most 500 characters).");
  await changeStatus(claims, clinicId, input.bookingId, { status: "cancelled", reason });
}

export async function setAppointmentStatus(
  claims: Claims,
  clinicId: string,
  input: { bookingId: string; status: "confirmed" | "arrived" | "completed" | "no_show" },
): Promise<void> {
  id(input.bookingId, "an appointment");
  if (!["confirmed", "arrived", "completed", "no_show"].includes(input.status))
    throw new AppError("invalid", "Unknown appointment status.");
  await changeStatus(claims, clinicId, input.bookingId, { status: input.status });
}
