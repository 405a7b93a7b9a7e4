import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { OfferedStart } from "@/lib/diary/availability";
import { pickOffers } from "@/lib/diary/offers";

const NEW_YORK = "America/New_York";

function at(iso: string, practitionerId = "okafor", minutes = 30): OfferedStart {
  const start = new Date(iso);
  return { practitionerId, start, end: new Date(start.getTime() + minutes * 60_000) };
}
const show = (offers: OfferedStart[]) =>
  offers.map((o) => `${o.start.toISOString().slice(5, 16)} ${o.practitionerId}`);

/** Every quarter hour from 08:00 to 19:45 New York time (EST, UTC-5) on 2026-12-07 and -08. */
function everyQuarter(practitioners: string[]): OfferedStart[] {
  const starts: OfferedStart[] = [];
  for (const date of ["2026-12-07", "2026-12-08"]) {
    for (let minutes = 8 * 60; minutes < 20 * 60; minutes += 15) {
      const utc = new Date(`${date}T00:00:00Z`).getTime() + (minutes + 300) * 60_000;
      for (const id of practitioners) starts.push(at(new Date(utc).toISOString(), id));
    }
  }
  return starts;
}

describe("pickOffers", () => {
  it("offers the soonest five, half an hour apart for one practitioner", () => {
    expect(show(pickOffers(everyQuarter(["okafor"]), { timeZone: NEW_YORK }))).toEqual([
      "12-07T13:00 okafor",
      "12-07T13:30 okafor",
      "12-07T14:00 okafor",
      "12-07T14:30 okafor",
      "12-07T15:00 okafor",
    ]);
  });

  it("never offers two at the same time, and spaces each practitioner", () => {
    const offers = pickOffers(everyQuarter(["okafor", "lee"]), { timeZone: NEW_YORK, limit: 6 });
    expect(show(offers)).toEqual([
      "12-07T13:00 lee",
      "12-07T13:15 okafor",
      "12-07T13:30 lee",
      "12-07T13:45 okafor",
      "12-07T14:00 lee",
      "12-07T14:15 okafor",
    ]);
  });

  it("keeps a clinic-local date and part of day", () => {
    const starts = everyQuarter(["okafor"]);
    const opts = { timeZone: NEW_YORK, date: "2026-12-08" };
    expect(show(pickOffers(starts, { ...opts, partOfDay: "morning", limit: 2 }))).toEqual([
      "12-08T13:00 okafor",
      "12-08T13:30 okafor",
    ]);
    // Afternoon starts at 12:00 New York time (17:00 UTC) and ends before 17:00 (22:00 UTC).
    const afternoon = pickOffers(starts, { ...opts, partOfDay: "afternoon", limit: 20 });
    expect(show(afternoon).at(0)).toBe("12-08T17:00 okafor");
    expect(show(afternoon).at(-1)).toBe("12-08T21:30 okafor");
    expect(show(pickOffers(starts, { ...opts, partOfDay: "evening" }))).toEqual([
      "12-08T22:00 okafor",
      "12-08T22:30 okafor",
      "12-08T23:00 okafor",
      "12-08T23:30 okafor",
      "12-09T00:00 okafor", // 19:00 in New York, still the 8th there
    ]);
    expect(pickOffers(starts, { timeZone: NEW_YORK, date: "2026-12-09" })).toEqual([]);
  });

  it("sorts its input itself and honours the limit", () => {
    const starts = everyQuarter(["okafor"]).reverse();
    expect(pickOffers(starts, { timeZone: NEW_YORK, limit: 1 })).toEqual([
      at("2026-12-07T13:00:00Z"),
    ]);
    expect(pickOffers(starts, { timeZone: NEW_YORK, limit: 0 })).toEqual([]);
    expect(pickOffers([], { timeZone: NEW_YORK })).toEqual([]);
  });

  it("rejects a bad date, part of day, limit or time zone", () => {
    const starts = everyQuarter(["okafor"]);
    expect(() => pickOffers(starts, { timeZone: NEW_YORK, date: "8 Dec" })).toThrow(/Invalid date/);
    expect(() =>
      pickOffers(starts, { timeZone: NEW_YORK, partOfDay: "night" as "evening" }),
    ).toThrow(/Unknown part of day/);
    expect(() => pickOffers(starts, { timeZone: NEW_YORK, limit: -1 })).toThrow(
      /Invalid offer limit/,
    );
    expect(() => pickOffers(starts, { timeZone: "Nowhere" })).toThrow(/Unknown time zone/);
  });

  it("always picks spread offers greedily from the soonest (property-based)", () => {
    const arbitraryStarts = fc.array(
      fc.record({
        practitionerId: fc.constantFrom("a", "b", "c"),
        minute: fc.integer({ min: 0, max: 4 * 96 }).map((n) => n * 15),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(arbitraryStarts, fc.integer({ min: 0, max: 8 }), (drawn, limit) => {
        const base = Date.UTC(2026, 10, 1, 4); // 2026-11-01 00:00 EDT, the day New York falls back
        const starts = drawn.map(({ practitionerId, minute }) =>
          at(new Date(base + minute * 60_000).toISOString(), practitionerId),
        );
        const offers = pickOffers(starts, { timeZone: NEW_YORK, limit });
        expect(offers.length).toBeLessThanOrEqual(limit);
        const crowds = (a: OfferedStart, b: OfferedStart) =>
          a.start.getTime() === b.start.getTime() ||
          (a.practitionerId === b.practitionerId &&
            Math.abs(a.start.getTime() - b.start.getTime()) < 30 * 60_000);
        offers.forEach((offer, i) => {
          expect(starts).toContainEqual(offer);
          if (i > 0)
            expect(offer.start.getTime()).toBeGreaterThanOrEqual(offers[i - 1]!.start.getTime());
          for (const other of offers.slice(0, i)) expect(crowds(offer, other)).toBe(false);
        });
        // Greedy: any start not taken, sooner than the last offer (or at all when the list is
        // short), is crowded out by an offer taken before it.
        const last = offers.at(-1)?.start.getTime() ?? -Infinity;
        for (const start of starts) {
          if (offers.includes(start)) continue;
          const sooner = start.start.getTime() < last || offers.length < limit;
          if (sooner) expect(offers.some((offer) => crowds(offer, start))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
