import { test as base } from "@playwright/test";

export * from "@playwright/test";

/**
 * Every spec's `test`: each page of the test's browser context drops the copies of streamed
 * content React left behind hidden, a second after the document loaded. Now and then a full
 * load ends with a segment's `<div hidden id="S:…">` still in the document while the same
 * content was rendered in place (upstream streaming race, see docs/testing.md): users see one
 * copy, but a locator finds two and strict mode refuses it. gotoHydrated and reloadHydrated
 * (./helpers.ts) wait for the sweep.
 */
export const test = base.extend({
  context: async ({ context }, provide) => {
    await context.addInitScript(() => {
      // A segment is revealed within React's reveal throttle (300 ms) of arriving; one still
      // hidden a second after the document loaded is never going to be: its boundary was
      // rendered in place, so it is a stale copy.
      const sweep = () => {
        for (const segment of document.querySelectorAll("div[hidden][id^='S:']")) segment.remove();
      };
      addEventListener("load", () => setTimeout(sweep, 1000));
    });
    await provide(context);
  },
});
