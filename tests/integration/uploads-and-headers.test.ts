import { readFile } from "node:fs/promises";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { addStaff, createClinic, type TestClinic } from "../helpers/clinic";
import { ownerClient } from "../helpers/db";
import { sessionCookie } from "../helpers/session";

/** Findings of the go-live security review (issue 19) at the HTTP boundary. */

const url = (path: string) => `${inject("appUrl")}${path}`;

describe("security headers", () => {
  it("pages carry a CSP whose nonce is on every script, and refuse to be framed", async () => {
    const first = await fetch(url("/login"));
    const csp = first.headers.get("content-security-policy")!;
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    // Plain http (the test server): no HSTS, which only https production sends.
    expect(first.headers.get("strict-transport-security")).toBeNull();

    const second = await fetch(url("/login"));
    expect(/'nonce-([^']+)'/.exec(second.headers.get("content-security-policy")!)![1]).not.toBe(
      nonce,
    );
  });

  it("patients' pages send no referrer", async () => {
    for (const path of [
      "/m/AAAAAAAAAAAAAAAAAAAAAA",
      "/a/AAAAAAAAAAAAAAAAAAAAAA",
      "/a/unavailable?reason=expired",
    ]) {
      const response = await fetch(url(path), { redirect: "manual" });
      expect(response.headers.get("referrer-policy"), path).toBe("no-referrer");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
    expect((await fetch(url("/a/unavailable"))).headers.get("content-security-policy")).toMatch(
      /frame-ancestors 'none'/,
    );
  });

  it("API responses are not sniffed or framed either", async () => {
    const response = await fetch(url("/api/health"));
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });
});

describe("aftercare uploads", () => {
  let owner: Client;
  let clinic: TestClinic;
  let admin: string;
  let receptionist: string;
  let pdf: Uint8Array<ArrayBuffer>;
  beforeAll(async () => {
    owner = await ownerClient();
    clinic = await createClinic(owner);
    admin = await addStaff(owner, [{ clinic, role: "admin" }]);
    receptionist = await addStaff(owner, [{ clinic, role: "receptionist" }]);
    pdf = new Uint8Array(await readFile("supabase/seed/aftercare/facelift-aftercare.pdf"));
  });
  afterAll(async () => {
    await owner.end();
  });

  const form = (fields: Record<string, string | Blob>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.set(key, value);
    return data;
  };
  const upload = async (cookie: string | undefined, body: FormData, path?: string) =>
    fetch(url(path ?? `/api/clinics/${clinic.id}/aftercare`), {
      method: path ? "PUT" : "POST",
      headers: cookie ? { cookie } : {},
      body,
    });

  it("refuses a signed-out upload before reading its body", async () => {
    // A body that never ends: an answer proves the server did not wait to read it.
    const endless = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const response = await fetch(url(`/api/clinics/${clinic.id}/aftercare`), {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: endless,
      duplex: "half",
    } as RequestInit);
    // The body never ends: had the server waited to read it, there would be no answer at all.
    expect(response.status).toBe(401);
  });

  it("refuses a receptionist, and an upload over the limit, without storing anything", async () => {
    const asReceptionist = await upload(
      await sessionCookie(receptionist),
      form({ title: "Nope", file: new File([pdf], "x.pdf", { type: "application/pdf" }) }),
    );
    expect(asReceptionist.status).toBe(403);
    expect((await asReceptionist.json()).error).toMatch(/Only clinic admins/);

    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(new TextEncoder().encode("%PDF-1.4"));
    const tooBig = await upload(
      await sessionCookie(admin),
      form({ title: "Huge", file: new File([big], "huge.pdf", { type: "application/pdf" }) }),
    );
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error).toMatch(/larger than 10 MB/);
    const { rows } = await owner.query(
      "select 1 from public.aftercare_documents where clinic_id = $1",
      [clinic.id],
    );
    expect(rows).toHaveLength(0);
  });

  it("explains a file that is not a PDF, and a missing title", async () => {
    const cookie = await sessionCookie(admin);
    const notPdf = await upload(
      cookie,
      form({ title: "Text", file: new File(["hello"], "a.pdf", { type: "application/pdf" }) }),
    );
    expect(notPdf.status).toBe(422);
    expect((await notPdf.json()).fieldErrors.file).toBeTruthy();
    const untitled = await upload(
      cookie,
      form({ title: "", file: new File([pdf], "x.pdf", { type: "application/pdf" }) }),
    );
    expect(untitled.status).toBe(422);
    expect((await untitled.json()).fieldErrors.title).toMatch(/title/);
    const notForm = await fetch(url(`/api/clinics/${clinic.id}/aftercare`), {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: "{}",
    });
    expect(notForm.status).toBe(400);
  });

  it("stores an admin's PDF, and replaces its file", async () => {
    const cookie = await sessionCookie(admin);
    const created = await upload(
      cookie,
      form({
        title: "Brow Lift Aftercare",
        file: new File([pdf], "Brow Lift.pdf", { type: "application/pdf" }),
      }),
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const before = await owner.query<{ storage_path: string }>(
      "select storage_path from public.aftercare_documents where id = $1",
      [id],
    );
    expect(before.rows[0]!.storage_path).toMatch(
      new RegExp(`^${clinic.id}/aftercare/[0-9a-f-]{36}-brow-lift\\.pdf$`),
    );
    const replaced = await upload(
      cookie,
      form({ file: new File([pdf], "v2.pdf", { type: "application/pdf" }) }),
      `/api/clinics/${clinic.id}/aftercare/${id}/file`,
    );
    expect(replaced.status).toBe(200);
    const after = await owner.query<{ storage_path: string }>(
      "select storage_path from public.aftercare_documents where id = $1",
      [id],
    );
    expect(after.rows[0]!.storage_path).toMatch(/-v2\.pdf$/);
    const gone = await upload(
      cookie,
      form({ file: new File([pdf], "v3.pdf", { type: "application/pdf" }) }),
      `/api/clinics/${clinic.id}/aftercare/00000000-0000-4000-8000-000000000000/file`,
    );
    expect(gone.status).toBe(404);
  });
});

describe("server actions", () => {
  it("keep Next's 1 MB body limit: a 2 MB body to the sign-in action is refused before sign-in", async () => {
    // The built sign-in page's action (any real action id: an unknown one is refused earlier).
    const manifest = JSON.parse(
      await readFile(".next/server/server-reference-manifest.json", "utf8"),
    ) as { node: Record<string, { workers: Record<string, unknown> }> };
    const actionId = Object.entries(manifest.node).find(
      ([, action]) => "app/(auth)/login/page" in action.workers,
    )![0];
    const body = new FormData();
    body.set("email", "admin@harbour-aesthetics.test");
    body.set("password", "x");
    body.set("padding", new Blob([new Uint8Array(2 * 1024 * 1024)]));
    const response = await fetch(url("/login"), {
      method: "POST",
      headers: { "next-action": actionId },
      body,
    });
    expect(response.status).toBe(413);
  });
});
