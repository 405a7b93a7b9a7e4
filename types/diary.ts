// What the diary (lib/diary/service.ts getDiary) hands the dashboard: client-safe, plain JSON.
// Times cross the boundary as ISO strings; the browser shows them in `DiaryView.timeZone`.

export const APPOINTMENT_STATUSES = [
  "pending",
  "confirmed",
  "arrived",
  "completed",
  "cancelled",
  "no_show",
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** The statuses staff set by hand (cancelling has its own action, with a reason). */
export const SETTABLE_STATUSES = ["confirmed", "arrived", "completed", "no_show"] as const;
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];

export interface DiaryEntryBase {
  id: string;
  /** Null only for a block of a room or device alone. */
  practitionerId: string | null;
  resourceId: string | null;
  start: string;
  end: string;
  /** The range it takes, buffers included. */
  occupiedStart: string;
  occupiedEnd: string;
}

export interface DiaryAppointment extends DiaryEntryBase {
  kind: "appointment";
  bookingId: string;
  status: AppointmentStatus;
  typeId: string | null;
  typeName: string | null;
  procedureName: string | null;
  patientName: string;
  patientPhone: string | null;
  source: "assistant" | "staff";
  callId: string | null;
  notes: string;
}

/** A time held on a live call (90 s, released when the call drops). */
export interface DiaryHold extends DiaryEntryBase {
  kind: "hold";
  heldUntil: string;
  callId: string;
}

/** Time staff took out of the diary (a meeting, a service of the laser). */
export interface DiaryBlock extends DiaryEntryBase {
  kind: "block";
  reason: string;
}

export type DiaryEntry = DiaryAppointment | DiaryHold | DiaryBlock;

export interface DiaryPractitioner {
  id: string;
  name: string;
  title: string;
}

export interface DiaryResource {
  id: string;
  name: string;
  kind: "room" | "device";
}

export interface DiaryAppointmentType {
  id: string;
  name: string;
  kind: string;
  procedureName: string;
  durationMinutes: number;
  resourceId: string | null;
  /** Active practitioners who perform it. */
  practitionerIds: string[];
}

export interface DiaryView {
  /** IANA zone of the clinic: everything is shown in it, whatever the browser's zone. */
  timeZone: string;
  practitioners: DiaryPractitioner[];
  resources: DiaryResource[];
  appointmentTypes: DiaryAppointmentType[];
  workingIntervals: { practitionerId: string; start: string; end: string }[];
  /** Whole clinic-local days, inclusive. */
  closures: { startsOn: string; endsOn: string; reason: string }[];
  /** Live holds only; cancelled and no-show appointments are left out. */
  entries: DiaryEntry[];
}

/** A start `getAvailability` offers staff for one appointment type. */
export interface AvailableStart {
  practitionerId: string;
  start: string;
  end: string;
}
