import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Client } from "pg";

import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../lib/db/embedded";
import { migrate, seed } from "../../lib/db/migrate";
import { LocalFileStore } from "../../lib/storage/local";

export const DEMO_CLINIC_ID = "c1a1c000-0000-4000-8000-000000000001";

/** The seeded staff, printed by `npm run dev` and listed in the README. */
export const SEEDED_STAFF = [
  { role: "admin", email: "admin@harbour-aesthetics.test", password: "harbour-admin-2026" },
  {
    role: "receptionist",
    email: "reception@harbour-aesthetics.test",
    password: "harbour-front-2026",
  },
] as const;

const AFTERCARE_SEED = [
  { file: "facelift-aftercare.pdf", title: "Facelift Aftercare", procedure: "Facelift" },
  { file: "rhinoplasty-aftercare.pdf", title: "Rhinoplasty Aftercare", procedure: "Rhinoplasty" },
];

export interface PreparedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export interface PrepareOptions {
  /** Use this database instead of starting the embedded one. */
  databaseUrl?: string;
  dataDir: string;
  port: number;
  persistent?: boolean;
  fast?: boolean;
  seed: boolean;
  log?: (line: string) => void;
}

/** Starts (or connects to) the database, applies the shim and migrations, and seeds. */
export async function prepareDatabase(options: PrepareOptions): Promise<PreparedDatabase> {
  const log = options.log ?? (() => undefined);
  let embedded: EmbeddedDatabase | undefined;
  let url = options.databaseUrl;
  if (!url) {
    log(
      `Starting embedded PostgreSQL on port ${options.port} (data in ${path.join(options.dataDir, "postgres")})`,
    );
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(options.dataDir, "postgres"),
      port: options.port,
      persistent: options.persistent,
      fast: options.fast,
    });
    url = embedded.url;
  }

  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { platform, applied } = await migrate(client);
    log(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${platform} PostgreSQL`
        : "Migrations up to date",
    );
    // The embedded database is a demo by definition: a production build on it runs with the
    // local settings and the demo banner (lib/deployment/guard.ts).
    if (embedded)
      await client.query(
        "insert into private.deployment_facts (fact) values ('embedded_database') on conflict (fact) do nothing",
      );
    if (options.seed) {
      await seed(client);
      await seedAftercareFiles(client, new LocalFileStore(options.dataDir));
      // Availability is computed from the diary (docs/diary.md): nothing to top up.
      const { rows } = await client.query<{
        clinics: number;
        practitioners: number;
        types: number;
      }>(
        `select (select count(*)::int from public.clinics) as clinics,
                (select count(*)::int from public.practitioners where active) as practitioners,
                (select count(*)::int from public.appointment_types where active) as types`,
      );
      const counts = rows[0];
      log(
        `Demo clinics seeded: ${counts?.clinics ?? 0} clinics, ${counts?.practitioners ?? 0} practitioners, ${counts?.types ?? 0} appointment types; availability is computed from their diaries`,
      );
    }
  } finally {
    await client.end();
  }
  return { url, embedded: Boolean(embedded), stop: async () => embedded?.stop() };
}

/** Stores the demo aftercare PDFs and writes their rows (with their text): a file and its row appear together. */
async function seedAftercareFiles(client: Client, store: LocalFileStore) {
  const dir = path.resolve("supabase/seed/aftercare");
  const present = new Set(await readdir(dir));
  // The leaflets' text (the PDFs are generated from it): the patient's page shows it as HTML.
  const content = JSON.parse(await readFile(path.join(dir, "content.json"), "utf8")) as {
    disclaimer: string;
    documents: { file: string; subtitle: string; intro: string; sections: unknown[] }[];
  };
  const leaflet = (file: string) => {
    const found = content.documents.find((entry) => entry.file === file);
    if (!found) throw new Error(`No text for ${file} in supabase/seed/aftercare/content.json`);
    const { subtitle, intro, sections } = found;
    return JSON.stringify({ subtitle, intro, sections, disclaimer: content.disclaimer });
  };
  for (const doc of AFTERCARE_SEED) {
    if (!present.has(doc.file))
      throw new Error(`Missing seed file supabase/seed/aftercare/${doc.file}`);
    const bytes = await readFile(path.join(dir, doc.file));
    const storagePath = `${DEMO_CLINIC_ID}/aftercare/${doc.file}`;
    await store.put("aftercare", storagePath, bytes);
    await client.query(
      `with doc as (
         insert into public.aftercare_documents (clinic_id, title, storage_path, file_name, size_bytes, sha256, body)
         values ($1, $2, $3, $4, $5, $6, $8)
         on conflict (storage_path) do update set size_bytes = excluded.size_bytes, sha256 = excluded.sha256,
                                                 body = coalesce(public.aftercare_documents.body, excluded.body)
         returning id)
       update public.procedures set aftercare_document_id = (select id from doc)
        where clinic_id = $1 and name = $7 and aftercare_document_id is null`,
      [
        DEMO_CLINIC_ID,
        doc.title,
        storagePath,
        doc.file,
        bytes.length,
        createHash("sha256").update(bytes).digest("hex"),
        doc.procedure,
        leaflet(doc.file),
      ],
    );
  }
}
