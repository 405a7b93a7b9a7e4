import "server-only";

import path from "node:path";
import { createClient } from "@supabase/supabase-js";

import { getEnv } from "@/lib/env";

import { LocalFileStore } from "./local";

/**
 * Where aftercare PDFs live. Embedded default: a folder under DATA_DIR. Production: a private
 * Supabase Storage bucket, first folder = clinic id. Paths are `<clinic_id>/aftercare/<file>`.
 */
export interface FileStore {
  put(objectPath: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(objectPath: string): Promise<Buffer | null>;
  /** A short-lived URL the patient's browser can open directly, or null to stream through us. */
  signedUrl(objectPath: string, seconds: number): Promise<string | null>;
}

export const AFTERCARE_BUCKET = "aftercare";

class LocalStore implements FileStore {
  private readonly store: LocalFileStore;
  constructor(root: string) {
    this.store = new LocalFileStore(root);
  }
  put(objectPath: string, bytes: Uint8Array) {
    return this.store.put(AFTERCARE_BUCKET, objectPath, bytes);
  }
  get(objectPath: string) {
    return this.store.get(AFTERCARE_BUCKET, objectPath);
  }
  async signedUrl() {
    return null;
  }
}

class SupabaseStore implements FileStore {
  private readonly client;
  constructor(url: string, serviceRoleKey: string) {
    this.client = createClient(url, serviceRoleKey, {
      auth: { persistSession: false, autoRefreshToken: false },
    });
  }
  async put(objectPath: string, bytes: Uint8Array, contentType: string) {
    const { error } = await this.client.storage
      .from(AFTERCARE_BUCKET)
      .upload(objectPath, bytes, { contentType, upsert: true });
    if (error) throw new Error(`Storage upload failed: ${error.message}`);
  }
  async get(objectPath: string) {
    const { data, error } = await this.client.storage.from(AFTERCARE_BUCKET).download(objectPath);
    if (error || !data) return null;
    return Buffer.from(await data.arrayBuffer());
  }
  async signedUrl(objectPath: string, seconds: number) {
    const { data, error } = await this.client.storage
      .from(AFTERCARE_BUCKET)
      .createSignedUrl(objectPath, seconds);
    if (error || !data)
      throw new Error(`Could not sign a storage URL: ${error?.message ?? "unknown"}`);
    return data.signedUrl;
  }
}

let cached: FileStore | undefined;
export function getFileStore(): FileStore {
  if (cached) return cached;
  const env = getEnv();
  if (env.STORAGE_PROVIDER === "supabase") {
    if (!env.NEXT_PUBLIC_SUPABASE_URL || !env.SUPABASE_SERVICE_ROLE_KEY) {
      throw new Error(
        "STORAGE_PROVIDER=supabase needs NEXT_PUBLIC_SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY",
      );
    }
    cached = new SupabaseStore(env.NEXT_PUBLIC_SUPABASE_URL, env.SUPABASE_SERVICE_ROLE_KEY);
  } else {
    cached = new LocalStore(path.resolve(env.DATA_DIR));
  }
  return cached;
}

/** PDFs are checked by content, not by name or declared type. */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length > 8 && Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";
}
export const MAX_PDF_BYTES = 10 * 1024 * 1024;
