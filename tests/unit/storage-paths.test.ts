import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import { LocalStore, SupabaseStore } from "@/lib/storage";
import { checkObjectPath } from "@/lib/storage/paths";

const A = "c1a1c000-0000-4000-8000-000000000001";
const B = "c1a1c000-0000-4000-8000-000000000002";
const TRAVERSAL = `${A}/../${B}/aftercare/secret.pdf`;
const PDF = new TextEncoder().encode("%PDF-1.4 test");

describe("object paths", () => {
  it.each([`${A}/aftercare/x.pdf`, `${A}/aftercare`, `${B}/aftercare/0f-a.pdf`])(
    "accepts %s",
    (objectPath) => expect(checkObjectPath(objectPath)).toBe(objectPath),
  );

  it.each([
    TRAVERSAL,
    `${A}/aftercare/../../${B}/aftercare/x.pdf`,
    `${A}/./aftercare/x.pdf`,
    `${A}//aftercare/x.pdf`,
    `${A}/aftercare/`,
    `/${A}/aftercare/x.pdf`,
    `${A}/aftercare/..`,
    `${A}\\..\\${B}/aftercare/x.pdf`,
    `${A}/aftercare/x\u0000.pdf`,
    `../${A}/aftercare/x.pdf`,
    "aftercare/x.pdf",
    A,
  ])("refuses %j", (objectPath) => {
    expect(() => checkObjectPath(objectPath)).toThrow(/not inside a clinic's folder/);
  });

  it("refuses another clinic's folder when the clinic is known", () => {
    expect(() => checkObjectPath(`${B}/aftercare/x.pdf`, A)).toThrow();
    expect(checkObjectPath(`${A}/aftercare/x.pdf`, A)).toBe(`${A}/aftercare/x.pdf`);
  });
});

describe("both file stores refuse a path that leaves its clinic's folder", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "callwaiting-store-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("local: nothing is read or written", async () => {
    const store = new LocalStore(root);
    await store.put(`${B}/aftercare/secret.pdf`, PDF);
    expect(await store.get(`${B}/aftercare/secret.pdf`)).not.toBeNull();
    await expect(store.get(TRAVERSAL)).rejects.toThrow(/not inside a clinic's folder/);
    await expect(store.put(`${A}/../${A}-x/aftercare/y.pdf`, PDF)).rejects.toThrow();
    expect(existsSync(path.join(root, "storage", "aftercare", `${A}-x`))).toBe(false);
    await expect(store.remove([TRAVERSAL])).rejects.toThrow();
    expect(await store.get(`${B}/aftercare/secret.pdf`)).not.toBeNull();
    await expect(store.list(`${A}/..`)).rejects.toThrow();
  });

  it("Supabase Storage: refused before any request is made", async () => {
    // Nothing listens on this port: a request would fail with a network error instead.
    const store = new SupabaseStore("http://127.0.0.1:9", "service-role-key-for-a-unit-test");
    await expect(store.get(TRAVERSAL)).rejects.toThrow(/not inside a clinic's folder/);
    await expect(store.put(TRAVERSAL, PDF, "application/pdf")).rejects.toThrow(
      /not inside a clinic's folder/,
    );
    await expect(store.signedUrl(TRAVERSAL, 60)).rejects.toThrow(/not inside a clinic's folder/);
    await expect(store.remove([TRAVERSAL])).rejects.toThrow(/not inside a clinic's folder/);
    await expect(store.list(`${A}/../${B}`)).rejects.toThrow(/not inside a clinic's folder/);
  });
});
