import "server-only";

import path from "node:path";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";

import { getEnv } from "@/lib/env";

import { LocalFileStore } from "./local";
import { checkObjectPath } from "./paths";

/**
 * Where aftercare PDFs live. Embedded default: a folder under DATA_DIR. Production: a private
 * Supabase Storage bucket, first folder = clinic id. Paths are `<clinic_id>/aftercare/<file>`.
 */
export interface FileStore {
  put(objectPath: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(objectPath: string): Promise<Buffer | null>;
  /** A short-lived URL the patient's browser can open directly, or null to stream through us. */
  signedUrl(objectPath: string, seconds: number): Promise<string | null>;
  /** The objects directly under a folder (`<clinic_id>/aftercare`), with when each was written. */
  list(prefix: string): Promise<{ path: string; updatedAt: Date }[]>;
  /** Deletes objects (the retention purge's unreferenced files); one already gone is no error. */
  remove(objectPaths: string[]): Promise<void>;
}

export const AFTERCARE_BUCKET = "aftercare";

export class LocalStore implements FileStore {
  private readonly store: LocalFileStore;
  constructor(root: string) {
    this.store = new LocalFileStore(root);
  }
  async put(objectPath: string, bytes: Uint8Array) {
    return this.store.put(AFTERCARE_BUCKET, checkObjectPath(objectPath), bytes);
  }
  async get(objectPath: string) {
    return this.store.get(AFTERCARE_BUCKET, checkObjectPath(objectPath));
  }
  async signedUrl(objectPath: string) {
    checkObjectPath(objectPath);
    return null;
  }
  async list(prefix: string) {
    return this.store.list(AFTERCARE_BUCKET, checkObjectPath(prefix));
  }
  async remove(objectPaths: string[]) {
    return this.store.remove(
      AFTERCARE_BUCKET,
      objectPaths.map((objectPath) => checkObjectPath(objectPath)),
    );
  }
}

export class SupabaseStore implements FileStore {
  private client: SupabaseClient | undefined;
  constructor(
    private readonly url: string,
    private readonly serviceRoleKey: string,
  ) {}
  /** Created on first use, after the path was checked. */
  private bucket() {
    this.client ??= createClient(this.url, this.serviceRoleKey, {
      auth: { persistSession: false, autoRefreshToken: false },
    });
    return this.client.storage.from(AFTERCARE_BUCKET);
  }
  async put(objectPath: string, bytes: Uint8Array, contentType: string) {
    const checked = checkObjectPath(objectPath);
    const { error } = await this.bucket().upload(checked, bytes, { contentType, upsert: true });
    if (error) throw new Error(`Storage upload failed: ${error.message}`);
  }
  async get(objectPath: string) {
    const checked = checkObjectPath(objectPath);
    const { data, error } = await this.bucket().download(checked);
    if (error || !data) return null;
    return Buffer.from(await data.arrayBuffer());
  }
  async signedUrl(objectPath: string, seconds: number) {
    const checked = checkObjectPath(objectPath);
    const { data, error } = await this.bucket().createSignedUrl(checked, seconds);
    if (error || !data)
      throw new Error(`Could not sign a storage URL: ${error?.message ?? "unknown"}`);
    return data.signedUrl;
  }
  async list(prefix: string) {
    const folder = checkObjectPath(prefix);
    const objects: { path: string; updatedAt: Date }[] = [];
    for (let offset = 0; ; offset += 1000) {
      const { data, error } = await this.bucket().list(folder, { limit: 1000, offset });
      if (error) throw new Error(`Storage list failed: ${error.message}`);
      for (const object of data ?? [])
        // Folders come back without an id.
        if (object.id)
          objects.push({
            path: `${folder}/${object.name}`,
            updatedAt: new Date(object.updated_at ?? object.created_at ?? Date.now()),
          });
      if (!data || data.length < 1000) return objects;
    }
  }
  async remove(objectPaths: string[]) {
    if (objectPaths.length === 0) return;
    const checked = objectPaths.map((objectPath) => checkObjectPath(objectPath));
    const { error } = await this.bucket().remove(checked);
    if (error) throw new Error(`Storage remove failed: ${error.message}`);
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
