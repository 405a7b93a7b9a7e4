// The addresses `npm run dev` answers on, and the hostnames Next.js must accept its dev
// resources from (issue 20). Next.js serves /_next and its HMR socket only to pages opened at
// localhost or the hostname it was started with, so a page opened at http://127.0.0.1:3000 or
// at the "Network" URL it prints signs in but never hydrates. next.config.mjs passes
// devOrigins() as `allowedDevOrigins`; scripts/dev.ts prints devAddresses(). Plain JavaScript:
// next.config.mjs imports it before any TypeScript is compiled.
import os from "node:os";

/** How a hostname appears in a URL and in Origin's hostname: IPv6 in brackets. */
const urlHost = (address) => (address.includes(":") ? `[${address}]` : address);

/**
 * The machine's own addresses as Next.js finds its "Network" one (get-network-host.js): every
 * IPv4 but 127.0.0.1, and every global IPv6 (scope 0) but ::1.
 * @param {NodeJS.Dict<os.NetworkInterfaceInfo[]>} interfaces
 */
function networkHosts(interfaces) {
  return Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((info) =>
      info.family === "IPv4"
        ? info.address !== "127.0.0.1"
        : info.family === "IPv6" && info.scopeid === 0 && info.address !== "::1",
    )
    .map((info) => urlHost(info.address));
}

/**
 * Every address the dev server prints and answers on, as URLs: localhost, the loopback
 * addresses, and each network address.
 * @param {number} port
 * @param {{ interfaces?: NodeJS.Dict<os.NetworkInterfaceInfo[]> }} [options]
 */
export function devAddresses(port, { interfaces = os.networkInterfaces() } = {}) {
  return ["localhost", "127.0.0.1", "[::1]", ...networkHosts(interfaces)].map(
    (host) => `http://${host}:${port}`,
  );
}

/**
 * `allowedDevOrigins`: the hostnames of devAddresses(), the machine's name, APP_URL's host,
 * and any listed in ALLOWED_DEV_ORIGINS (comma-separated; e.g. a tunnel's `*.example.dev`).
 * @param {{ interfaces?: NodeJS.Dict<os.NetworkInterfaceInfo[]>, env?: Record<string, string | undefined>, hostname?: string }} [options]
 */
export function devOrigins({
  interfaces = os.networkInterfaces(),
  // next.config.mjs runs before lib/env.ts can be loaded, and this is for `next dev` only.
  // eslint-disable-next-line no-restricted-properties
  env = process.env,
  hostname = os.hostname(),
} = {}) {
  const hosts = devAddresses(0, { interfaces }).map((url) => new URL(url).hostname);
  if (hostname) hosts.push(hostname.toLowerCase());
  if (env.APP_URL && URL.canParse(env.APP_URL)) hosts.push(new URL(env.APP_URL).hostname);
  for (const entry of (env.ALLOWED_DEV_ORIGINS ?? "").split(","))
    if (entry.trim()) hosts.push(entry.trim().toLowerCase());
  return [...new Set(hosts)];
}
