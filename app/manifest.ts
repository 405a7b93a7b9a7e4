import type { MetadataRoute } from "next";

import { BRAND } from "@/lib/brand/icon";

// /manifest.webmanifest: the name and icons a phone or tablet uses when the dashboard is added to
// its home screen. Next.js links it from every page.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: BRAND.name,
    short_name: BRAND.shortName,
    description: "The AI receptionist for aesthetic clinics, and the dashboard your team lives in.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: BRAND.background,
    theme_color: BRAND.primary,
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/apple-icon", sizes: "180x180", type: "image/png", purpose: "any" },
    ],
  };
}
