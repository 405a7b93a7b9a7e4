import {
  getCountryCallingCode,
  parsePhoneNumberFromString,
  type CountryCode,
} from "libphonenumber-js";

import type { ClinicFormat } from "./locale";

export * from "./locale";

// The one place dates, times, prices and phone numbers are written for people: staff screens,
// patient texts and the assistant's words. Everything follows the clinic (its locale, currency
// and time zone, lib/format/locale.ts), never the server's or the browser's settings. Pure and
// safe in the browser; machine formats (ISO days, CSV) stay in their own helpers.

// Some ICU versions (browsers, newer Node) put a narrow or plain no-break space before AM/PM:
// written as a space, so a text stays in the GSM-7 alphabet (one SMS segment holds 160
// characters, not 70) and every runtime writes the same.
const spaced = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

interface DateFormat {
  format(date: Date): string;
  formatToParts(date: Date): Intl.DateTimeFormatPart[];
}

// Building an Intl formatter costs far more than using one: one per locale, zone and options.
const dateFormats = new Map<string, DateFormat>();
function dateFormat(
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): DateFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    // Throws a RangeError for an unknown zone or locale, before anything is cached.
    const intl = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    format = {
      format: (date) => spaced(intl.format(date)),
      formatToParts: (date) => intl.formatToParts(date),
    };
    dateFormats.set(key, format);
  }
  return format;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

// ---------------------------------------------------------------------------------------------
// Time zones
// ---------------------------------------------------------------------------------------------

/** The zone's offset from UTC at that instant, in minutes (New York in winter: -300). */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  const name =
    dateFormat("en-US", timeZone, { timeZoneName: "longOffset" })
      .formatToParts(date)
      .find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/** The zone's short name at that instant in the clinic's locale: "GMT", "BST", "EST", "GMT-5". */
export function zoneAbbreviation(date: Date, clinic: ClinicFormat): string {
  return (
    dateFormat(clinic.locale, clinic.timezone, { timeZoneName: "short" })
      .formatToParts(date)
      .find((part) => part.type === "timeZoneName")?.value ?? clinic.timezone
  );
}

/**
 * Whether a time should carry the zone's name: whenever the person reading it may be in another
 * zone. `viewerZone` is their browser's zone; unknown (the server rendering before the browser
 * said) counts as "could differ". A zone with the clinic's offset at that instant reads the same.
 */
export function showsZone(date: Date, clinicZone: string, viewerZone: string | null | undefined) {
  if (!viewerZone) return true;
  if (viewerZone === clinicZone) return false;
  try {
    return zoneOffsetMinutes(date, viewerZone) !== zoneOffsetMinutes(date, clinicZone);
  } catch {
    return true; // a zone this runtime does not know
  }
}

export interface TimeOptions {
  /** The reader's browser zone (useViewerZone, or the dashboard's cookie); undefined: unknown. */
  viewerZone?: string | null;
  /** Never name the zone (a patient's text, the assistant, a column headed with the zone). */
  zone?: "auto" | "never" | "always";
}

function withZone(text: string, date: Date, clinic: ClinicFormat, options: TimeOptions) {
  const mode = options.zone ?? "auto";
  const show =
    mode === "always" || (mode === "auto" && showsZone(date, clinic.timezone, options.viewerZone));
  return show ? `${text} ${zoneAbbreviation(date, clinic)}` : text;
}

// ---------------------------------------------------------------------------------------------
// Dates and times on staff screens
// ---------------------------------------------------------------------------------------------

/**
 * "1 Dec 2026, 14:30 GMT" (en-GB) or "Dec 1, 2026, 9:30 AM EST" (en-US), in the clinic's zone;
 * `short`: "Tue 1 Dec, 14:30" / "Tue, Dec 1, 9:30 AM" (this week's and next week's times).
 */
export function formatDateTime(
  date: Date | string,
  clinic: ClinicFormat,
  options: TimeOptions & { seconds?: boolean; short?: boolean } = {},
): string {
  const at = new Date(date);
  const time = options.seconds ? "medium" : "short";
  const text = options.short
    ? `${formatDate(at, clinic, "short")}, ${dateFormat(clinic.locale, clinic.timezone, { timeStyle: time }).format(at)}`
    : dateFormat(clinic.locale, clinic.timezone, { dateStyle: "medium", timeStyle: time }).format(
        at,
      );
  return withZone(text, at, clinic, options);
}

/** "14:30 GMT" (en-GB) or "9:30 AM EST" (en-US). */
export function formatTime(
  date: Date | string,
  clinic: ClinicFormat,
  options: TimeOptions & { seconds?: boolean } = {},
): string {
  const at = new Date(date);
  const text = dateFormat(clinic.locale, clinic.timezone, {
    timeStyle: options.seconds ? "medium" : "short",
  }).format(at);
  return withZone(text, at, clinic, options);
}

/**
 * The day in the clinic's zone: "1 Dec 2026" / "Dec 1, 2026" (medium), "Tue 1 Dec" /
 * "Tue, Dec 1" (short, this year's days), "Tuesday 1 December 2026" (long), "Tue" (weekday),
 * "1 Dec" / "Dec 1" (month-day).
 */
export function formatDate(
  date: Date | string,
  clinic: ClinicFormat,
  style: "medium" | "short" | "long" | "weekday" | "month-day" = "medium",
): string {
  const at = new Date(date);
  const options: Intl.DateTimeFormatOptions =
    style === "short"
      ? { weekday: "short", day: "numeric", month: "short" }
      : style === "long"
        ? { weekday: "long", day: "numeric", month: "long", year: "numeric" }
        : style === "weekday"
          ? { weekday: "short" }
          : style === "month-day"
            ? { day: "numeric", month: "short" }
            : { dateStyle: "medium" };
  return dateFormat(clinic.locale, clinic.timezone, options).format(at);
}

/**
 * A calendar day written as YYYY-MM-DD ("2026-12-24") in the clinic's words, no zone involved:
 * "24 Dec 2026" / "Dec 24, 2026" (medium), "24 Dec" / "Dec 24" (short), "Thu, 24 Dec 2026" /
 * "Thu, Dec 24, 2026" (weekday), "Thursday 24 December" / "Thursday, December 24" (spoken).
 */
export function formatDay(
  day: string,
  clinic: Pick<ClinicFormat, "locale">,
  style: "medium" | "short" | "weekday" | "spoken" = "medium",
): string {
  // Noon UTC of that day is that day in the UTC formatter, whatever the day.
  const at = new Date(`${day}T12:00:00Z`);
  const options: Intl.DateTimeFormatOptions =
    style === "short"
      ? { day: "numeric", month: "short" }
      : style === "weekday"
        ? { weekday: "short", day: "numeric", month: "short", year: "numeric" }
        : style === "spoken"
          ? { weekday: "long", day: "numeric", month: "long" }
          : { dateStyle: "medium" };
  return dateFormat(clinic.locale, "UTC", options).format(at);
}

/** The day in a zone as YYYY-MM-DD, for comparing and for links (not for reading). */
export function dayKey(date: Date | string, timeZone: string): string {
  return dateFormat("en-CA", timeZone, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(date));
}

/** The month's name in the clinic's words ("December"), for a month number 1..12. */
export function monthName(month: number, clinic: Pick<ClinicFormat, "locale">): string {
  return dateFormat(clinic.locale, "UTC", { month: "long" }).format(
    new Date(Date.UTC(2026, month - 1, 15)),
  );
}

// ---------------------------------------------------------------------------------------------
// Words for patients and for the assistant
// ---------------------------------------------------------------------------------------------

/** The day of an appointment as patients read it: "Tuesday 1 December" / "Tuesday, December 1". */
export function formatAppointmentDay(date: Date | string, clinic: ClinicFormat): string {
  return dateFormat(clinic.locale, clinic.timezone, {
    weekday: "long",
    month: "long",
    day: "numeric",
  }).format(new Date(date));
}

/** The time of an appointment as patients read it: "2:30 pm" (en-GB) / "2:30 PM" (en-US). */
export function formatAppointmentClock(date: Date | string, clinic: ClinicFormat): string {
  return dateFormat(clinic.locale, clinic.timezone, {
    hour: "numeric",
    minute: "2-digit",
    hour12: true,
  }).format(new Date(date));
}

/**
 * An appointment's time as texts and the assistant say it, in the clinic's zone and locale,
 * never with a zone (the patient is at the clinic): "Tuesday 1 December at 2:30 pm" (en-GB),
 * "Tuesday, December 1 at 2:30 PM" (en-US). Spoken and texted times use the 12-hour clock in
 * every supported locale: that is how a receptionist says them.
 */
export function formatAppointmentTime(date: Date | string, clinic: ClinicFormat): string {
  return `${formatAppointmentDay(date, clinic)} at ${formatAppointmentClock(date, clinic)}`;
}

/**
 * A clinic-local wall time "HH:MM" in the clinic's words: "09:00" (en-GB), "9:00 AM" (en-US);
 * "24:00" (the end of a day) as "midnight".
 */
export function formatWallTime(hhmm: string, clinic: Pick<ClinicFormat, "locale">): string {
  const [hours, minutes] = hhmm.split(":").map(Number);
  if ((hours ?? 0) >= 24) return "midnight";
  const at = new Date(Date.UTC(2026, 0, 1, hours ?? 0, minutes ?? 0));
  return dateFormat(clinic.locale, "UTC", { timeStyle: "short" }).format(at);
}

// ---------------------------------------------------------------------------------------------
// Money and numbers
// ---------------------------------------------------------------------------------------------

/**
 * A price in the clinic's currency and locale: "£1,250.00", "$1,250.00"; whole amounts without
 * pence/cents when `whole`. Another currency (what a supplier bills in) is named so it cannot be
 * mistaken for the clinic's: "US$0.12" in en-GB.
 */
export function formatPrice(
  amount: number | string,
  clinic: Pick<ClinicFormat, "locale" | "currency">,
  options: { currency?: string; whole?: boolean } = {},
): string {
  const value = Number(amount);
  const whole = options.whole ?? false;
  return spaced(
    numberFormat(clinic.locale, {
      style: "currency",
      currency: options.currency ?? clinic.currency,
      ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
    }).format(value),
  );
}

/** A price as the assistant should say it: "1,250 pounds", "1,250 dollars". */
export function spokenPriceUnit(clinic: Pick<ClinicFormat, "currency">): string {
  switch (clinic.currency) {
    case "GBP":
      return "pounds";
    case "EUR":
      return "euros";
    case "AUD":
      return "Australian dollars";
    case "CAD":
      return "Canadian dollars";
    default:
      return "dollars";
  }
}

/** A count with the clinic's digit grouping: "12,345". */
export function formatNumber(value: number, clinic: Pick<ClinicFormat, "locale">): string {
  return numberFormat(clinic.locale, {}).format(value);
}

// ---------------------------------------------------------------------------------------------
// Phone numbers
// ---------------------------------------------------------------------------------------------

/** The clinic's country: its locale's region ("en-GB" -> GB). */
export function clinicCountry(clinic: Pick<ClinicFormat, "locale">): CountryCode {
  const region = new Intl.Locale(clinic.locale).maximize().region ?? "US";
  return region as CountryCode;
}

/**
 * A phone number in one format everywhere (libphonenumber-js): national for the clinic's own
 * country ("020 7946 0018" for a London clinic, "(212) 555-0123" for New York), international for
 * any other ("+44 20 7946 0018" at the New York clinic). Anything that is not a whole E.164
 * number (a masked one, a short code, a typo) comes back unchanged: nothing is ever unmasked.
 */
export function formatPhone(number: string, clinic: Pick<ClinicFormat, "locale">): string {
  if (!/^\+[1-9]\d{6,14}$/.test(number)) return number;
  const parsed = parsePhoneNumberFromString(number);
  if (!parsed) return number;
  let home: string;
  try {
    home = getCountryCallingCode(clinicCountry(clinic));
  } catch {
    home = "";
  }
  return parsed.countryCallingCode === home
    ? parsed.formatNational()
    : parsed.formatInternational();
}

/**
 * A clinic's own number as its patients dial it: the national format of the number's own
 * country ("020 7946 0018", "(212) 555-0123"). For pages patients open, which know the clinic's
 * number but not its settings.
 */
export function formatOwnNumber(number: string): string {
  if (!/^\+[1-9]\d{6,14}$/.test(number)) return number;
  return parsePhoneNumberFromString(number)?.formatNational() ?? number;
}

/** A number shown only by its last four digits: "•••• 0199". */
export function formatMaskedPhone(lastFour: string): string {
  return `•••• ${lastFour.slice(-4)}`;
}
