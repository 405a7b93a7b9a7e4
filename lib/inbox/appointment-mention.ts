import { DateTime } from "luxon";

/**
 * Which of a patient's appointments a text is about, when it names one: pure, so it is tested
 * on its own (tests/unit/inbox-appointment-mention.test.ts).
 *
 * A text names an appointment when it mentions its day ("today", "tomorrow", "Tuesday",
 * "3 Dec", "December 3rd") and/or its time ("3pm", "10:30", "10.30am", "15:00") in the clinic's
 * time zone, and exactly one of the patient's live appointments fits every kind mentioned. A
 * text that mentions no day or time but says "appointment", "appt", "consultation",
 * "consult" or "booking" names the patient's only upcoming appointment, if they have exactly one.
 * Anything ambiguous links nothing: a wrong link is worse than none.
 */
export interface LinkableAppointment {
  id: string;
  startsAt: Date;
}

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_WORD =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const WEEKDAY_WORD =
  "\\b(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\\b";
const ASKS_ABOUT_APPOINTMENT = /\b(appointments?|appts?|consultations?|consults?|bookings?)\b/i;

interface Mentions {
  /** Clinic-local dates "yyyy-MM-dd" named outright (today, tomorrow, 3 Dec). */
  dates: Set<string>;
  /** ISO weekdays named (1 = Monday). */
  weekdays: Set<number>;
  /** Minutes after midnight named ("3pm" = 900); hours alone ("at 3") are both 3:00 and 15:00. */
  times: Set<number>;
}

export function findMentions(text: string, timeZone: string, now: Date): Mentions {
  const lower = text.toLowerCase();
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf("day");
  const dates = new Set<string>();
  const weekdays = new Set<number>();
  const times = new Set<number>();

  if (/\btoday\b|\btonight\b/.test(lower)) dates.add(today.toISODate()!);
  if (/\btomorrow\b|\btmrw?\b/.test(lower)) dates.add(today.plus({ days: 1 }).toISODate()!);
  for (const match of lower.matchAll(new RegExp(WEEKDAY_WORD, "g")))
    weekdays.add(WEEKDAYS.indexOf(match[1]!.slice(0, 3)) + 1);

  // "3 Dec", "3rd of December", "Dec 3", "December 3rd": the next such date (this year or next).
  const dayMonth = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH_WORD}\\b`, "g");
  const monthDay = new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?![:.]\\d)`, "g");
  const addDate = (day: number, monthWord: string) => {
    const month = MONTHS.indexOf(monthWord.slice(0, 3)) + 1;
    let date = DateTime.fromObject({ year: today.year, month, day }, { zone: timeZone });
    if (!date.isValid) return;
    if (date < today.minus({ days: 1 })) date = date.plus({ years: 1 });
    dates.add(date.toISODate()!);
  };
  for (const match of lower.matchAll(dayMonth)) addDate(Number(match[1]), match[2]!);
  for (const match of lower.matchAll(monthDay)) addDate(Number(match[2]), match[1]!);

  // "3pm", "3 pm", "10:30", "10.30am", "15:00", "at 3".
  const clock = /\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?![\d:])/g;
  for (const match of lower.matchAll(clock)) {
    const [, h, m, meridiem] = match;
    const hour = Number(h);
    const minute = m === undefined ? 0 : Number(m);
    if (minute > 59 || hour > 23) continue;
    const before = lower.slice(Math.max(0, match.index - 3), match.index);
    if (meridiem) {
      if (hour < 1 || hour > 12) continue;
      const pm = meridiem.startsWith("p");
      times.add(((hour % 12) + (pm ? 12 : 0)) * 60 + minute);
    } else if (m !== undefined) {
      times.add(hour * 60 + minute);
    } else if (/\bat\s$/.test(before) && hour >= 1 && hour <= 12) {
      // "at 3": a clinic's 3 is in the afternoon, but both readings are kept.
      times.add(hour * 60);
      times.add((hour + 12) * 60);
    }
  }
  return { dates, weekdays, times };
}

/** The appointment the text names, or null (none, or more than one fits). */
export function appointmentNamedBy(
  text: string,
  appointments: readonly LinkableAppointment[],
  options: { timeZone: string; now: Date },
): string | null {
  if (appointments.length === 0) return null;
  const { dates, weekdays, times } = findMentions(text, options.timeZone, options.now);
  const upcoming = appointments.filter(
    (appointment) => appointment.startsAt.getTime() > options.now.getTime() - 12 * 3_600_000,
  );
  if (dates.size === 0 && weekdays.size === 0 && times.size === 0) {
    return ASKS_ABOUT_APPOINTMENT.test(text) && upcoming.length === 1 ? upcoming[0]!.id : null;
  }
  const fits = upcoming.filter((appointment) => {
    const local = DateTime.fromJSDate(appointment.startsAt, { zone: options.timeZone });
    const dayNamed = dates.size > 0 || weekdays.size > 0;
    const dayFits =
      dates.has(local.toISODate()!) ||
      // A weekday means the next one: within the coming week.
      (weekdays.has(local.weekday) &&
        appointment.startsAt.getTime() - options.now.getTime() < 7 * 86_400_000);
    const timeFits = times.has(local.hour * 60 + local.minute);
    return (!dayNamed || dayFits) && (times.size === 0 || timeFits);
  });
  return fits.length === 1 ? fits[0]!.id : null;
}
