import type { NetworkInterfaceInfo } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { NextConfig } from "next";
import { blockCrossSiteDEV } from "next/dist/server/lib/router-utils/block-cross-site-dev.js";
import { describe, expect, it } from "vitest";

import { devAddresses, devOrigins } from "@/config/dev-origins.mjs";

// Opening `npm run dev` at 127.0.0.1 or at the Network URL it prints must hydrate (issue 20):
// Next.js answers dev resources (/_next, HMR) only for allowed origins. Checked against
// Next.js's own gate (block-cross-site-dev.js), with a machine's interfaces as os gives them.
const iface = (address: string, family: "IPv4" | "IPv6", internal = false, scopeid = 0) =>
  ({
    address,
    family,
    internal,
    scopeid,
    netmask: "",
    mac: "",
    cidr: null,
  }) as NetworkInterfaceInfo;

const interfaces = {
  lo: [iface("127.0.0.1", "IPv4", true), iface("::1", "IPv6", true)],
  eth0: [
    iface("192.168.1.23", "IPv4"),
    iface("2001:db8::23", "IPv6"),
    iface("fe80::1", "IPv6", false, 2),
  ],
  docker0: [iface("172.17.0.1", "IPv4")],
};

/** Whether Next.js's dev server would refuse a HMR/chunk request from a page opened at `origin`. */
function blocked(origin: string, allowed: string[]) {
  const res = { statusCode: 200, end: () => undefined };
  return blockCrossSiteDEV(
    { url: "/_next/webpack-hmr", headers: { origin } } as never,
    res as never,
    allowed,
    "localhost",
  );
}

describe("the dev server's addresses", () => {
  it("lists every address it answers on, as Next.js picks its Network one", () => {
    expect(devAddresses(3000, { interfaces })).toEqual([
      "http://localhost:3000",
      "http://127.0.0.1:3000",
      "http://[::1]:3000",
      "http://192.168.1.23:3000",
      "http://[2001:db8::23]:3000",
      "http://172.17.0.1:3000",
    ]);
  });

  it("allows each of them, the machine's name, APP_URL's host and ALLOWED_DEV_ORIGINS", () => {
    const allowed = devOrigins({
      interfaces,
      hostname: "Front-Desk-PC",
      env: {
        APP_URL: "http://clinic.test:3000",
        ALLOWED_DEV_ORIGINS: " *.tunnel.example , x.dev",
      },
    });
    for (const url of devAddresses(3000, { interfaces })) expect(blocked(url, allowed)).toBe(false);
    for (const origin of [
      "http://front-desk-pc:3000",
      "http://clinic.test:3000",
      "https://abc.tunnel.example",
      "http://x.dev",
    ])
      expect(blocked(origin, allowed)).toBe(false);
  });

  it("still refuses other sites", () => {
    const allowed = devOrigins({ interfaces, hostname: "pc", env: {} });
    expect(blocked("http://evil.example", allowed)).toBe(true);
    expect(blocked("http://192.168.1.24:3000", allowed)).toBe(true);
  });

  it("is what next.config.mjs gives Next.js, so 127.0.0.1 works on this machine", async () => {
    // By URL: the config is plain JavaScript without types, read as Next.js reads it.
    const config = (await import(pathToFileURL(path.resolve("next.config.mjs")).href)) as {
      default: NextConfig;
    };
    const nextConfig = config.default;
    expect(nextConfig.allowedDevOrigins).toEqual(devOrigins());
    expect(blocked("http://127.0.0.1:3000", nextConfig.allowedDevOrigins!)).toBe(false);
    expect(blocked("http://127.0.0.1:3000", [])).toBe(true);
  });
});
