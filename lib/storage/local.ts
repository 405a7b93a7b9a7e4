import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
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

  /** The objects directly under `prefix` (a folder), with when each was last written. */
  async list(bucket: string, prefix: string): Promise<{ path: string; updatedAt: Date }[]> {
    const folder = this.resolve(bucket, prefix);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    const objects: { path: string; updatedAt: Date }[] = [];
    for (const name of names) {
      const info = await stat(path.join(folder, name));
      if (info.isFile()) objects.push({ path: `${prefix}/${name}`, updatedAt: info.mtime });
    }
    return objects;
  }

  /** Deletes the objects; one already gone is no error. */
  async remove(bucket: string, objectPaths: string[]): Promise<void> {
    for (const objectPath of objectPaths)
      await rm(this.resolve(bucket, objectPath), { force: true });
  }
}
