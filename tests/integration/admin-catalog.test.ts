import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { claimsSchema } from "@/lib/auth/claims";

import {
  claimsFor,
  HARBOUR,
  HARBOUR_ADMIN,
  HARBOUR_RECEPTIONIST,
  ownerClient,
} from "../helpers/db";
import { sessionCookie } from "../helpers/session";
import { newCall } from "../helpers/vapi";
import { createNorthside, NORTHSIDE, NORTHSIDE_ADMIN } from "./fixtures";
import { AUTH_JWT_SECRET } from "./global-setup";

// The query modules run in this process against the same database and file store as the server.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATA_DIR = inject("dataDir");
process.env.AUTH_JWT_SECRET = AUTH_JWT_SECRET;
const { closePool } = await import("@/lib/db/pool");
const procedures = await import("@/lib/procedures/service");
const aftercare = await import("@/lib/aftercare/service");

const admin = claimsSchema.parse(claimsFor(HARBOUR_ADMIN));
const receptionist = claimsSchema.parse(claimsFor(HARBOUR_RECEPTIONIST));
const northsideAdmin = claimsSchema.parse(claimsFor(NORTHSIDE_ADMIN));
const fileUrl = (id: string, query = "") => `${inject("appUrl")}/api/aftercare/${id}/file${query}`;
const getFile = async (id: string, userId?: string, query = "") =>
  fetch(fileUrl(id, query), { headers: userId ? { cookie: await sessionCookie(userId) } : {} });
const storedFiles = () => readdirSync(path.join(inject("dataDir"), "storage/aftercare", HARBOUR));

let db: Client;
let faceliftDoc: string;
let pdf: Uint8Array;
const created = { procedures: [] as string[], documents: [] as string[] };

beforeAll(async () => {
  db = await ownerClient();
  await createNorthside(db);
  faceliftDoc = (
    await db.query(
      "select id from public.aftercare_documents where clinic_id = $1 and title = 'Facelift Aftercare'",
      [HARBOUR],
    )
  ).rows[0].id;
  pdf = new Uint8Array(await readFile("supabase/seed/aftercare/rhinoplasty-aftercare.pdf"));
});
afterAll(async () => {
  // Other files share this database: leave the seeded catalogue as it was.
  await db.query("delete from public.procedures where id = any ($1)", [created.procedures]);
  await db.query("delete from public.aftercare_documents where id = any ($1)", [created.documents]);
  await db.end();
  await closePool();
});

describe("GET /api/aftercare/:id/file", () => {
  it("gives a member of the document's clinic the PDF, inline", async () => {
    const response = await getFile(faceliftDoc, HARBOUR_RECEPTIONIST);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(
      /^inline; filename="facelift-aftercare\.pdf"/,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { rows } = await db.query("select sha256 from public.aftercare_documents where id = $1", [
      faceliftDoc,
    ]);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(rows[0].sha256);
    expect(
      (await getFile(faceliftDoc, HARBOUR_ADMIN, "?download=1")).headers.get("content-disposition"),
    ).toMatch(/^attachment;/);
  });

  it("refuses anyone else with a JSON error", async () => {
    const anonymous = await getFile(faceliftDoc);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: "unauthorized" });
    const otherClinic = await getFile(faceliftDoc, NORTHSIDE_ADMIN);
    expect([403, 404]).toContain(otherClinic.status);
    expect(otherClinic.headers.get("content-type")).toMatch(/application\/json/);
    expect((await getFile("7c000000-0000-4000-8000-00000000dead", HARBOUR_ADMIN)).status).toBe(404);
    expect((await getFile("not-a-uuid", HARBOUR_ADMIN)).status).toBe(404);
  });
});

describe("procedures, as the signed-in person", () => {
  const input = {
    name: "Microneedling",
    synonyms: ["collagen induction", "skin needling"],
    durationMinutes: 45,
    description: "Tiny needles prompt new collagen.",
    active: true,
    aftercareDocumentId: null,
  };

  it("refuses a receptionist, whatever the screen shows", async () => {
    expect(await procedures.saveProcedure(receptionist, HARBOUR, input)).toBe("forbidden");
    expect(
      await procedures.setProcedureActive(
        receptionist,
        HARBOUR,
        "7c000000-0000-4000-8000-000000000001",
        false,
      ),
    ).toBe(false);
    expect(
      await procedures.moveProcedure(
        receptionist,
        HARBOUR,
        "7c000000-0000-4000-8000-000000000002",
        "up",
      ),
    ).toBe(false);
    const { rows } = await db.query(
      "select name, active, sort_order from public.procedures where clinic_id = $1 and lower(name) = 'microneedling'",
      [HARBOUR],
    );
    expect(rows).toEqual([]);
  });

  it("lets an admin add one at the end, and refuses a duplicate name or another clinic's document", async () => {
    expect(await procedures.saveProcedure(admin, HARBOUR, input)).toBe("saved");
    const list = await procedures.listAdminProcedures(admin, HARBOUR);
    const mine = list.at(-1)!;
    created.procedures.push(mine.id);
    expect(mine).toMatchObject({
      name: "Microneedling",
      synonyms: input.synonyms,
      durationMinutes: 45,
      knowledge: [],
    });
    expect(
      await procedures.saveProcedure(admin, HARBOUR, { ...input, name: "MICRONEEDLING" }),
    ).toBe("duplicate");
    const northDoc = (
      await db.query("select id from public.aftercare_documents where clinic_id = $1", [NORTHSIDE])
    ).rows[0].id;
    expect(
      await procedures.saveProcedure(admin, HARBOUR, {
        ...input,
        id: mine.id,
        aftercareDocumentId: northDoc,
      }),
    ).toBe("bad_reference");
    expect(
      await procedures.saveProcedure(northsideAdmin, HARBOUR, {
        ...input,
        id: mine.id,
        name: "Hijacked",
      }),
    ).toBe("not_found");
  });

  it("moves a procedure up and down by swapping with its neighbour", async () => {
    const id = created.procedures[0]!;
    const order = async () =>
      (await procedures.listAdminProcedures(admin, HARBOUR)).map((procedure) => procedure.id);
    const before = await order();
    expect(await procedures.moveProcedure(admin, HARBOUR, id, "up")).toBe(true);
    const after = await order();
    expect(after.indexOf(id)).toBe(before.indexOf(id) - 1);
    expect(after.filter((other) => other !== id)).toEqual(before.filter((other) => other !== id));
    expect(await procedures.moveProcedure(admin, HARBOUR, id, "down")).toBe(true);
    expect(await procedures.moveProcedure(admin, HARBOUR, id, "down")).toBe(true); // already last: no change
    expect(await order()).toEqual(before);
  });

  it("answers callers from an entry an admin adds, and stops once the procedure is deactivated", async () => {
    const id = created.procedures[0]!;
    const entry = {
      procedureId: id,
      topic: "recovery" as const,
      question: "What is the downtime after microneedling?",
      answer: "Skin stays pink for a day or two; most people are back at work the next day.",
    };
    expect(await procedures.saveKnowledge(receptionist, HARBOUR, entry)).toBe("forbidden");
    expect(await procedures.saveKnowledge(admin, NORTHSIDE, entry)).toBe("forbidden");
    expect(await procedures.saveKnowledge(admin, HARBOUR, entry)).toBe("saved");

    const call = newCall();
    await call.status("in-progress");
    const { result } = await call.tool("lookup_procedure", {
      query: "how long is the recovery after skin needling?",
    });
    expect(result).toMatchObject({
      found: true,
      procedure: { name: "Microneedling", typicalDurationMinutes: 45 },
    });
    expect(result!.answers![0]!.answer).toBe(entry.answer);

    const saved = (await procedures.listAdminProcedures(admin, HARBOUR)).find(
      (procedure) => procedure.id === id,
    )!.knowledge[0]!;
    expect(await procedures.deleteKnowledge(receptionist, HARBOUR, saved.id)).toBe(false);
    expect(await procedures.setProcedureActive(admin, HARBOUR, id, false)).toBe(true);
    expect((await call.tool("lookup_procedure", { query: "microneedling" })).result).toMatchObject({
      found: false,
    });
    expect(await procedures.setProcedureActive(admin, HARBOUR, id, true)).toBe(true);
    expect(await procedures.deleteKnowledge(admin, HARBOUR, saved.id)).toBe(true);
  });
});

describe("aftercare documents, as the signed-in person", () => {
  const upload = () => ({ fileName: "Lip Filler (v2).pdf", bytes: pdf });

  it("refuses a receptionist before any bytes are stored", async () => {
    const before = storedFiles().length;
    await expect(
      aftercare.createAftercareDocument(receptionist, HARBOUR, "Sneaky", upload()),
    ).rejects.toMatchObject({ code: "42501" });
    expect(storedFiles()).toHaveLength(before);
  });

  it("leaves no row when the file cannot be stored", async () => {
    // A plain file where the clinic's folder should be makes every put for Northside fail.
    const clinicDir = path.join(inject("dataDir"), "storage/aftercare", NORTHSIDE);
    mkdirSync(path.dirname(clinicDir), { recursive: true });
    writeFileSync(clinicDir, "not a folder");
    try {
      await expect(
        aftercare.createAftercareDocument(northsideAdmin, NORTHSIDE, "Doomed", upload()),
      ).rejects.toThrow();
    } finally {
      rmSync(clinicDir);
    }
    expect(
      (await db.query("select 1 from public.aftercare_documents where title = 'Doomed'")).rows,
    ).toEqual([]);
  });

  it("uploads, serves, replaces, renames, assigns and deletes a document", async () => {
    const id = await aftercare.createAftercareDocument(
      admin,
      HARBOUR,
      "Lip Filler Aftercare",
      upload(),
    );
    created.documents.push(id);
    const row = (await db.query("select * from public.aftercare_documents where id = $1", [id]))
      .rows[0];
    expect(row).toMatchObject({
      clinic_id: HARBOUR,
      file_name: "Lip Filler (v2).pdf",
      size_bytes: pdf.byteLength,
      uploaded_by: HARBOUR_ADMIN,
    });
    expect(row.storage_path).toMatch(
      new RegExp(`^${HARBOUR}/aftercare/[0-9a-f-]{36}-lip-filler-v2\\.pdf$`),
    );
    expect(row.sha256).toBe(createHash("sha256").update(pdf).digest("hex"));
    expect(
      Buffer.from(await (await getFile(id, HARBOUR_RECEPTIONIST)).arrayBuffer()).equals(
        Buffer.from(pdf),
      ),
    ).toBe(true);

    const replacement = Buffer.concat([Buffer.from(pdf), Buffer.from("\n% revised\n")]);
    expect(
      await aftercare.replaceAftercareFile(admin, HARBOUR, id, {
        fileName: "lip-filler-v3.pdf",
        bytes: replacement,
      }),
    ).toBe(true);
    const replaced = (
      await db.query("select * from public.aftercare_documents where id = $1", [id])
    ).rows[0];
    expect(replaced).toMatchObject({
      file_name: "lip-filler-v3.pdf",
      size_bytes: replacement.byteLength,
      sha256: createHash("sha256").update(replacement).digest("hex"),
    });
    expect(replaced.storage_path).not.toBe(row.storage_path);
    expect(
      Buffer.from(await (await getFile(id, HARBOUR_ADMIN)).arrayBuffer()).equals(replacement),
    ).toBe(true);

    expect(await aftercare.renameAftercareDocument(receptionist, HARBOUR, id, "Nope")).toBe(false);
    expect(
      await aftercare.renameAftercareDocument(admin, HARBOUR, id, "Lip Filler Aftercare (2026)"),
    ).toBe(true);

    const procedureId = created.procedures[0]!;
    expect(await aftercare.assignAftercareDocument(receptionist, HARBOUR, id, [procedureId])).toBe(
      false,
    );
    expect(
      await aftercare.assignAftercareDocument(admin, HARBOUR, id, [
        procedureId,
        "7c000000-0000-4000-8000-000000000011",
      ]),
    ).toBe(true);
    const { documents } = await aftercare.listAftercareAdmin(admin, HARBOUR);
    expect(documents.find((document) => document.id === id)).toMatchObject({
      title: "Lip Filler Aftercare (2026)",
      procedures: [{ id: procedureId, name: "Microneedling" }],
    });
    const marlowLaser = await db.query(
      "select aftercare_document_id from public.procedures where id = '7c000000-0000-4000-8000-000000000011'",
    );
    expect(marlowLaser.rows[0].aftercare_document_id).toBeNull(); // another clinic's procedure is never touched

    expect(await aftercare.deleteAftercareDocument(admin, HARBOUR, id)).toEqual({
      outcome: "in_use",
      procedures: ["Microneedling"],
    });
    expect(await aftercare.assignAftercareDocument(admin, HARBOUR, id, [])).toBe(true);
    expect(await aftercare.deleteAftercareDocument(receptionist, HARBOUR, id)).toEqual({
      outcome: "not_found",
    });
    expect(await aftercare.deleteAftercareDocument(admin, HARBOUR, id)).toEqual({
      outcome: "deleted",
    });
    expect((await getFile(id, HARBOUR_ADMIN)).status).toBe(404);
    const { rows: audit } = await db.query(
      "select action from public.audit_log where row_id = $1 order by id",
      [id],
    );
    expect(audit.map((entry) => entry.action)).toEqual(["insert", "update", "update", "delete"]);
  });
});
