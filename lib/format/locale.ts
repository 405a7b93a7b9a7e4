// The locales and currencies a clinic may have (clinics.locale and clinics.currency's CHECK lists
// in supabase/migrations/20261201001700_clinic_locale.sql; tests/integration/sql-lists.test.ts
// holds the two equal), and the defaults a new clinic gets (private.clinic_locale_for mirrors
// localeDefaults).

export const CLINIC_LOCALES = ["en-GB", "en-US", "en-IE", "en-AU", "en-CA"] as const;
export type ClinicLocale = (typeof CLINIC_LOCALES)[number];

export const CLINIC_CURRENCIES = ["GBP", "USD", "EUR", "AUD", "CAD"] as const;
export type ClinicCurrency = (typeof CLINIC_CURRENCIES)[number];

/** How a clinic wants things written: its locale, currency and time zone. */
export interface ClinicFormat {
  locale: string;
  currency: string;
  timezone: string;
}

/** Names for the settings' lists. */
export const LOCALE_LABELS: Record<ClinicLocale, string> = {
  "en-GB": "English (United Kingdom): 1 Dec 2026, 14:30",
  "en-US": "English (United States): Dec 1, 2026, 2:30 PM",
  "en-IE": "English (Ireland): 1 Dec 2026, 14:30",
  "en-AU": "English (Australia): 1 Dec 2026, 2:30 pm",
  "en-CA": "English (Canada): Dec 1, 2026, 2:30 p.m.",
};
export const CURRENCY_LABELS: Record<ClinicCurrency, string> = {
  GBP: "Pounds sterling (£)",
  USD: "US dollars ($)",
  EUR: "Euros (€)",
  AUD: "Australian dollars (A$)",
  CAD: "Canadian dollars (CA$)",
};

export function isClinicLocale(value: string): value is ClinicLocale {
  return (CLINIC_LOCALES as readonly string[]).includes(value);
}
export function isClinicCurrency(value: string): value is ClinicCurrency {
  return (CLINIC_CURRENCIES as readonly string[]).includes(value);
}

const GB_ZONES = new Set([
  "Europe/London",
  "Europe/Belfast",
  "Europe/Guernsey",
  "Europe/Isle_of_Man",
  "Europe/Jersey",
  "GB",
  "GB-Eire",
]);
const CANADIAN_ZONES = new Set([
  "America/Toronto",
  "America/Vancouver",
  "America/Edmonton",
  "America/Winnipeg",
  "America/Halifax",
  "America/St_Johns",
  "America/Regina",
  "America/Moncton",
  "America/Whitehorse",
  "America/Yellowknife",
  "America/Iqaluit",
  "America/Glace_Bay",
  "America/Goose_Bay",
  "America/Swift_Current",
  "America/Dawson_Creek",
  "America/Fort_Nelson",
  "America/Creston",
  "America/Dawson",
  "America/Inuvik",
  "America/Cambridge_Bay",
  "America/Rankin_Inlet",
  "America/Resolute",
  "America/Atikokan",
  "America/Blanc-Sablon",
]);

/**
 * The locale and currency a clinic in this time zone, with this front desk number, most likely
 * uses: the zone first, then the number's country code, else en-US/USD. Mirrors
 * private.clinic_locale_for, which fills them in for clinics created without them.
 */
export function localeDefaults(
  timezone: string,
  frontDeskNumber: string | null,
): { locale: ClinicLocale; currency: ClinicCurrency } {
  if (GB_ZONES.has(timezone)) return { locale: "en-GB", currency: "GBP" };
  if (timezone === "Europe/Dublin" || timezone === "Eire")
    return { locale: "en-IE", currency: "EUR" };
  if (timezone.startsWith("Australia/")) return { locale: "en-AU", currency: "AUD" };
  if (CANADIAN_ZONES.has(timezone) || timezone.startsWith("Canada/"))
    return { locale: "en-CA", currency: "CAD" };
  if (timezone.startsWith("America/") || timezone.startsWith("US/"))
    return { locale: "en-US", currency: "USD" };
  const number = frontDeskNumber ?? "";
  if (number.startsWith("+44")) return { locale: "en-GB", currency: "GBP" };
  if (number.startsWith("+353")) return { locale: "en-IE", currency: "EUR" };
  if (number.startsWith("+61")) return { locale: "en-AU", currency: "AUD" };
  return { locale: "en-US", currency: "USD" };
}

/** The cookie in which the dashboard keeps the staff member's browser zone (for server pages). */
export const VIEWER_ZONE_COOKIE = "cw-tz";
