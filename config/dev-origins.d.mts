import type { NetworkInterfaceInfo } from "node:os";

export function devAddresses(
  port: number,
  options?: { interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]> },
): string[];
export function devOrigins(options?: {
  interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>;
  env?: Record<string, string | undefined>;
  hostname?: string;
}): string[];
