import { describe, expect, it } from "vitest";

import {
  CLINIC_CURRENCIES,
  CLINIC_LOCALES,
  clinicCountry,
  dayKey,
  formatAppointmentTime,
  formatDate,
  formatDateTime,
  formatDay,
  formatMaskedPhone,
  formatNumber,
  formatPhone,
  formatPrice,
  formatTime,
  formatWallTime,
  localeDefaults,
  showsZone,
  zoneAbbreviation,
} from "@/lib/format";
import { describeSpecialDates, describeWeek, openingState } from "@/lib/hours/opening";

const LONDON = { locale: "en-GB", currency: "GBP", timezone: "Europe/London" };
const NEW_YORK = { locale: "en-US", currency: "USD", timezone: "America/New_York" };

// lib/format writes plain spaces where some ICU versions put no-break ones: hold it to that.
const plain = (text: string) => {
  expect(text).not.toMatch(/[\u202f\u00a0]/);
  return text;
};

describe("phone numbers, in one format", () => {
  it("writes the clinic's own country's numbers nationally", () => {
    expect(formatPhone("+442079460018", LONDON)).toBe("020 7946 0018");
    expect(formatPhone("+447700900123", LONDON)).toBe("07700 900123");
    expect(formatPhone("+12125550123", NEW_YORK)).toBe("(212) 555-0123");
    // Fictional 555 numbers are still written the North American way.
    expect(formatPhone("+15555550199", NEW_YORK)).toBe("(555) 555-0199");
  });

  it("writes other countries' numbers internationally", () => {
    expect(formatPhone("+442079460018", NEW_YORK)).toBe("+44 20 7946 0018");
    expect(formatPhone("+12125550123", LONDON)).toBe("+1 212 555 0123");
    expect(formatPhone("+353861234567", LONDON)).toBe("+353 86 123 4567");
  });

  it("leaves what is not a whole E.164 number alone, so a masked number stays masked", () => {
    expect(formatPhone("•••• 0199", LONDON)).toBe("•••• 0199");
    expect(formatPhone("+44 20 7946 0018", LONDON)).toBe("+44 20 7946 0018");
    expect(formatPhone("12345", NEW_YORK)).toBe("12345");
    expect(formatMaskedPhone("+15555550199")).toBe("•••• 0199");
    expect(formatMaskedPhone("0199")).toBe("•••• 0199");
  });

  it("takes the clinic's country from its locale", () => {
    expect(CLINIC_LOCALES.map((locale) => clinicCountry({ locale }))).toEqual([
      "GB",
      "US",
      "IE",
      "AU",
      "CA",
    ]);
  });
});

describe("prices", () => {
  it("are in the clinic's currency and locale", () => {
    expect(formatPrice(1250, LONDON)).toBe("£1,250.00");
    expect(formatPrice("1250.5", NEW_YORK)).toBe("$1,250.50");
    expect(formatPrice(350, LONDON, { whole: true })).toBe("£350");
    expect(formatPrice(99, { locale: "en-IE", currency: "EUR" })).toBe("€99.00");
  });

  it("name another currency so it cannot pass for the clinic's", () => {
    expect(formatPrice(0.12, LONDON, { currency: "USD" })).toBe("US$0.12");
    expect(formatPrice(0.12, NEW_YORK, { currency: "USD" })).toBe("$0.12");
  });

  it("group counts the clinic's way", () => {
    expect(formatNumber(12345, LONDON)).toBe("12,345");
  });
});

describe("dates and times in the clinic's zone and words", () => {
  const summer = new Date("2026-07-01T13:30:00Z");
  const winter = new Date("2026-12-01T14:30:00Z");

  it("write London's and New York's the way each writes them", () => {
    expect(formatDateTime(winter, LONDON, { zone: "never" })).toBe("1 Dec 2026, 14:30");
    expect(plain(formatDateTime(winter, NEW_YORK, { zone: "never" }))).toBe("Dec 1, 2026, 9:30 AM");
    expect(plain(formatTime(winter, NEW_YORK, { zone: "never", seconds: true }))).toBe(
      "9:30:00 AM",
    );
    expect(formatDate(winter, LONDON)).toBe("1 Dec 2026");
    expect(formatDate(winter, LONDON, "short")).toBe("Tue 1 Dec");
    expect(formatDate(winter, NEW_YORK, "short")).toBe("Tue, Dec 1");
    expect(plain(formatDateTime(winter, LONDON, { zone: "never", short: true }))).toBe(
      "Tue 1 Dec, 14:30",
    );
  });

  it("follow the clocks across daylight saving", () => {
    expect(formatDateTime(summer, LONDON, { zone: "always" })).toBe("1 Jul 2026, 14:30 BST");
    expect(formatDateTime(winter, LONDON, { zone: "always" })).toBe("1 Dec 2026, 14:30 GMT");
    expect(plain(formatTime(summer, NEW_YORK, { zone: "always" }))).toBe("9:30 AM EDT");
    expect(plain(formatTime(winter, NEW_YORK, { zone: "always" }))).toBe("9:30 AM EST");
    // New York springs forward on 14 March 2027, London on 28 March: for two weeks they are
    // four hours apart, not five.
    const between = new Date("2027-03-20T13:00:00Z");
    expect(formatTime(between, LONDON, { zone: "never" })).toBe("13:00");
    expect(plain(formatTime(between, NEW_YORK, { zone: "never" }))).toBe("9:00 AM");
    expect(zoneAbbreviation(between, NEW_YORK)).toBe("EDT");
    expect(zoneAbbreviation(between, LONDON)).toBe("GMT");
  });

  it("name the zone only where the reader's could differ", () => {
    // Unknown reader (the server, before the browser said): shown.
    expect(formatDateTime(winter, LONDON)).toBe("1 Dec 2026, 14:30 GMT");
    // A reader in the clinic's zone: hidden.
    expect(formatDateTime(winter, LONDON, { viewerZone: "Europe/London" })).toBe(
      "1 Dec 2026, 14:30",
    );
    // A reader elsewhere: shown.
    expect(plain(formatDateTime(winter, NEW_YORK, { viewerZone: "Europe/London" }))).toBe(
      "Dec 1, 2026, 9:30 AM EST",
    );
    // Another zone name with the same offset at that moment reads the same: hidden.
    expect(showsZone(winter, "Europe/London", "Europe/Lisbon")).toBe(false);
    // ... but not in summer, when Lisbon and London still agree and Reykjavik does not.
    expect(showsZone(summer, "Europe/London", "Atlantic/Reykjavik")).toBe(true);
    expect(showsZone(winter, "Europe/London", "Atlantic/Reykjavik")).toBe(false);
    // Never for patients and the assistant.
    expect(formatDateTime(winter, LONDON, { zone: "never", viewerZone: "Asia/Tokyo" })).toBe(
      "1 Dec 2026, 14:30",
    );
    // A zone this runtime does not know: shown, to be safe.
    expect(showsZone(winter, "Europe/London", "Mars/Olympus_Mons")).toBe(true);
  });

  it("say appointments as patients and the assistant say them", () => {
    expect(formatAppointmentTime(winter, LONDON)).toBe("Tuesday 1 December at 2:30 pm");
    expect(plain(formatAppointmentTime(winter, NEW_YORK))).toBe("Tuesday, December 1 at 9:30 AM");
    expect(formatAppointmentTime(summer, LONDON)).toBe("Wednesday 1 July at 2:30 pm");
  });

  it("keep calendar days as they are, whatever the zone", () => {
    expect(formatDay("2026-12-24", LONDON, "weekday")).toBe("Thu, 24 Dec 2026");
    expect(formatDay("2026-12-24", NEW_YORK, "weekday")).toBe("Thu, Dec 24, 2026");
    expect(formatDay("2026-12-24", NEW_YORK, "short")).toBe("Dec 24");
    expect(formatDay("2026-12-24", LONDON, "spoken")).toBe("Thursday 24 December");
    // 23:30 in New York is already the next day in London.
    expect(dayKey(new Date("2026-12-02T04:30:00Z"), "America/New_York")).toBe("2026-12-01");
    expect(dayKey(new Date("2026-12-02T04:30:00Z"), "Europe/London")).toBe("2026-12-02");
  });

  it("write wall times the clinic's way", () => {
    expect(formatWallTime("09:00", LONDON)).toBe("09:00");
    expect(plain(formatWallTime("17:30", NEW_YORK))).toBe("5:30 PM");
    expect(formatWallTime("24:00", NEW_YORK)).toBe("midnight");
  });
});

describe("the assistant's hours in the clinic's words", () => {
  const hours = [
    { weekday: 1, opens: "09:00", closes: "17:00" },
    { weekday: 4, opens: "09:00", closes: "19:00" },
  ];

  it("keeps the British words without a locale and in en-GB, and says New York's in its own", () => {
    const week = describeWeek(hours);
    expect(week).toContain("Monday 09:00–17:00");
    expect(describeWeek(hours, "en-GB")).toBe(week);
    expect(plain(describeWeek(hours, "en-US"))).toContain("Monday 9:00 AM–5:00 PM");
    expect(plain(describeWeek(hours, "en-US"))).toContain("Sunday closed");
  });

  it("words special dates and the front desk's state by the locale", () => {
    const schedule = {
      timezone: "America/New_York",
      hours,
      closures: [],
      dates: [{ date: "2026-12-24", opens: "09:00", closes: "13:00", reason: "Christmas Eve" }],
    };
    const now = Date.parse("2026-12-01T12:00:00Z"); // 07:00 on a Tuesday in New York
    expect(plain(describeSpecialDates(schedule, now, 60, "en-US"))).toBe(
      "Thursday, December 24 9:00 AM–1:00 PM (Christmas Eve)",
    );
    expect(describeSpecialDates(schedule, now, 60, "en-GB")).toBe(
      "Thursday 24 December 09:00–13:00 (Christmas Eve)",
    );
    expect(plain(openingState(schedule, now, "en-US").label)).toBe("Closed until Thursday 9:00 AM");
  });
});

describe("a new clinic's locale and currency", () => {
  it("come from its time zone, else its front desk's country, else en-US", () => {
    expect(localeDefaults("Europe/London", null)).toEqual({ locale: "en-GB", currency: "GBP" });
    expect(localeDefaults("America/New_York", "+442079460018")).toEqual({
      locale: "en-US",
      currency: "USD",
    });
    expect(localeDefaults("America/Toronto", null)).toEqual({ locale: "en-CA", currency: "CAD" });
    expect(localeDefaults("Europe/Dublin", null)).toEqual({ locale: "en-IE", currency: "EUR" });
    expect(localeDefaults("Australia/Sydney", null)).toEqual({ locale: "en-AU", currency: "AUD" });
    expect(localeDefaults("UTC", "+442079460018")).toEqual({ locale: "en-GB", currency: "GBP" });
    expect(localeDefaults("UTC", null)).toEqual({ locale: "en-US", currency: "USD" });
  });

  it("are among the supported ones", () => {
    for (const zone of ["Europe/London", "America/Chicago", "Asia/Tokyo", "Europe/Dublin"]) {
      const { locale, currency } = localeDefaults(zone, null);
      expect(CLINIC_LOCALES).toContain(locale);
      expect(CLINIC_CURRENCIES).toContain(currency);
    }
  });
});
