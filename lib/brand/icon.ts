/**
 * The product's mark, shared by the generated app icons (app/apple-icon.tsx, app/manifest.ts);
 * app/icon.svg draws the same glyph (lucide's "phone-call", ISC) in the same colours.
 */
export const BRAND = {
  name: "CallWaiting AI",
  shortName: "CallWaiting",
  /** --primary in app/globals.css (oklch(0.508 0.09 184)) as sRGB. */
  primary: "#00766b",
  /** --primary-foreground (oklch(0.985 0.01 180)). */
  onPrimary: "#f3fcfa",
  background: "#ffffff",
} as const;

/** lucide "phone-call" on a 24-unit grid. */
export const PHONE_CALL_PATHS = [
  "M13 2a9 9 0 0 1 9 9",
  "M13 6a5 5 0 0 1 5 5",
  "M13.832 16.568a1 1 0 0 0 1.213-.303l.355-.465A2 2 0 0 1 17 15h3a2 2 0 0 1 2 2v3a2 2 0 0 1-2 2A18 18 0 0 1 2 4a2 2 0 0 1 2-2h3a2 2 0 0 1 2 2v3a2 2 0 0 1-.8 1.6l-.468.351a1 1 0 0 0-.292 1.233 14 14 0 0 0 6.392 6.384",
] as const;
