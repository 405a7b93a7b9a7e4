import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every badge variant, and every outcome's badge, reads at 4.5:1 or better (WCAG 1.4.3) in both
// themes. The colours come from app/globals.css and the classes from components/ui/badge.tsx, so
// changing either is checked here; axe checks the rendered pages in e2e/viewports.spec.ts.

const root = path.join(__dirname, "..", "..");
const css = readFileSync(path.join(root, "app/globals.css"), "utf8");
const badge = readFileSync(path.join(root, "components/ui/badge.tsx"), "utf8");

type Rgb = [number, number, number];

function tokens(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  const body = css.slice(start, css.indexOf("}", start));
  return new Map([...body.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

/** oklch(L C h [/ a%]) as sRGB 0..1 (Björn Ottosson's OKLab matrices) and its alpha. */
function oklch(value: string): { rgb: Rgb; alpha: number } {
  const m = /oklch\(([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+)%)?\)/.exec(value);
  if (!m) throw new Error(`not an oklch colour: ${value}`);
  const [L, C, h] = [Number(m[1]), Number(m[2]), (Number(m[3]) * Math.PI) / 180];
  const [a, b] = [C * Math.cos(h), C * Math.sin(h)];
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const mm = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const linear = [
    4.0767416621 * l - 3.3077115913 * mm + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * mm - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * mm + 1.707614701 * s,
  ];
  const gamma = (x: number) => {
    const c = Math.min(1, Math.max(0, x));
    return c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055;
  };
  return { rgb: linear.map(gamma) as Rgb, alpha: m[4] ? Number(m[4]) / 100 : 1 };
}

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const over = (top: Rgb, alpha: number, under: Rgb): Rgb =>
  top.map((c, i) => c * alpha + under[i]! * (1 - alpha)) as Rgb;

/** A Tailwind colour class's value ("primary", "white", "success/10") in a theme, over a backdrop. */
function colour(theme: Map<string, string>, name: string, backdrop: Rgb): Rgb {
  const [token, percent] = name.split("/");
  if (token === "white") return [1, 1, 1];
  const value = theme.get(token!);
  if (!value) throw new Error(`no --${token} in app/globals.css`);
  const { rgb, alpha } = oklch(value);
  return over(rgb, alpha * (percent ? Number(percent) / 100 : 1), backdrop);
}

/** Each variant's classes in badge.tsx: `name: "classes"`. */
const variantBlock = badge.slice(badge.indexOf("variant: {"), badge.indexOf("defaultVariants"));
const variants = [...variantBlock.matchAll(/^\s+(\w+):\s*\n?\s*"([^"]+)"/gm)].map((m) => ({
  name: m[1]!,
  classes: m[2]!.split(/\s+/),
}));

function pick(classes: string[], prefix: "bg" | "text", dark: boolean): string | undefined {
  const want = (dark ? `dark:${prefix}-` : `${prefix}-`).length;
  const found = classes.find(
    (c) =>
      (dark ? c.startsWith(`dark:${prefix}-`) : c.startsWith(`${prefix}-`)) &&
      !/^(?:text-(?:xs|sm|base|left|right|center))$/.test(c),
  );
  return found?.slice(want);
}

describe("badge contrast", () => {
  it("finds the variants in badge.tsx", () => {
    expect(variants.map((v) => v.name).sort()).toEqual(
      ["default", "destructive", "outline", "secondary", "success", "warning"].sort(),
    );
  });

  for (const [themeName, selector] of [
    ["light", ":root"],
    ["dark", ".dark"],
  ] as const) {
    const theme = new Map([...tokens(":root"), ...(selector === ".dark" ? tokens(".dark") : [])]);
    // Badges sit on cards, tables and the page: all the same colour in each theme.
    for (const surface of ["card", "background", "muted"] as const) {
      for (const variant of variants) {
        it(`${variant.name} on ${surface} (${themeName}) is at least 4.5:1`, () => {
          const backdrop = colour(theme, surface, [1, 1, 1]);
          const bgName =
            (selector === ".dark" && pick(variant.classes, "bg", true)) ||
            pick(variant.classes, "bg", false);
          const textName =
            (selector === ".dark" && pick(variant.classes, "text", true)) ||
            pick(variant.classes, "text", false);
          const bg = bgName ? colour(theme, bgName, backdrop) : backdrop;
          const text = colour(theme, textName ?? "foreground", bg);
          expect(contrast(text, bg)).toBeGreaterThanOrEqual(4.5);
        });
      }
    }
  }
});
