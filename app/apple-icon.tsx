import { ImageResponse } from "next/og";

import { BRAND, PHONE_CALL_PATHS } from "@/lib/brand/icon";

// The home-screen icon on iPhones and iPads (PNG: Safari ignores an SVG apple-touch-icon),
// drawn at build time from the same mark as app/icon.svg.
export const size = { width: 180, height: 180 };
export const contentType = "image/png";

export default function AppleIcon() {
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: BRAND.primary,
      }}
    >
      <svg
        width="112"
        height="112"
        viewBox="0 0 24 24"
        fill="none"
        stroke={BRAND.onPrimary}
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {PHONE_CALL_PATHS.map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
    </div>,
    size,
  );
}
