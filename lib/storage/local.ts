import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Embedded-default file store: objects under <DATA_DIR>/storage/<bucket>/<path>, laid out
 * like Supabase Storage (first folder = clinic id). Paths are checked so no object name can
 * escape its bucket.
 */
export class LocalFileStore {
  constructor(private readonly root: string) {}

  private resolve(bucket: string, objectPath: string): string {
    const base = path.resolve(this.root, "storage", bucket);
    const full = path.resolve(base, objectPath);
    if (!full.startsWith(base + path.sep)) throw new Error("Object path escapes its bucket");
    return full;
  }

  async put(bucket: string, objectPath: string, bytes: Uint8Array): Promise<void> {
    const full = this.resolve(bucket, objectPath);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, bytes);
  }

  async get(bucket: string, objectPath: string): Promise<Buffer | null> {
    try {
      return await readFile(this.resolve(bucket, objectPath));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }
}
