import "server-only";

import type { Col, Columns } from "./rows";
import type { Tx } from "./transaction";

// Meant to run as the signed-in person, so RLS decides (members read, admins write) and the
// audit trigger records the change. The files themselves are lib/aftercare's business.

export interface AdminDocument {
  id: Col<"aftercare_documents", "id">;
  title: Col<"aftercare_documents", "title">;
  fileName: Col<"aftercare_documents", "file_name">;
  sizeBytes: Col<"aftercare_documents", "size_bytes">;
  updatedAt: Col<"aftercare_documents", "updated_at">;
  /** json_agg of the procedures that send it, built in SQL. */
  procedures: { id: Col<"procedures", "id">; name: Col<"procedures", "name"> }[];
}

export interface ProcedureOption {
  id: Col<"procedures", "id">;
  name: Col<"procedures", "name">;
  active: Col<"procedures", "active">;
  aftercareDocumentId: Col<"procedures", "aftercare_document_id">;
}

export async function listAftercareAdmin(
  tx: Tx,
  clinicId: string,
): Promise<{ documents: AdminDocument[]; procedures: ProcedureOption[] }> {
  return {
    documents: await tx.query<AdminDocument>(
      `select d.id, d.title, d.file_name as "fileName", d.size_bytes as "sizeBytes", d.updated_at as "updatedAt",
              coalesce(json_agg(json_build_object('id', p.id, 'name', p.name) order by p.sort_order, p.name)
                         filter (where p.id is not null), '[]') as procedures
         from public.aftercare_documents d
         left join public.procedures p on p.aftercare_document_id = d.id
        where d.clinic_id = $1
        group by d.id
        order by lower(d.title), d.id`,
      [clinicId],
    ),
    procedures: await tx.query<ProcedureOption>(
      `select id, name, active, aftercare_document_id as "aftercareDocumentId"
         from public.procedures where clinic_id = $1 order by sort_order, name`,
      [clinicId],
    ),
  };
}

/** Where a document's bytes are stored and what they are. */
export interface StoredFile {
  storagePath: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
}

export async function insertAftercareDocument(
  tx: Tx,
  clinicId: string,
  title: string,
  file: StoredFile,
): Promise<string> {
  const row = await tx.one<{ id: Col<"aftercare_documents", "id"> }>(
    `insert into public.aftercare_documents (clinic_id, title, storage_path, file_name, size_bytes, sha256, uploaded_by)
     values ($1, $2, $3, $4, $5, $6, (select auth.uid())) returning id`,
    [clinicId, title, file.storagePath, file.fileName, file.sizeBytes, file.sha256],
  );
  return row.id;
}

/** Points an existing document at new bytes (same row, so procedures and patient links keep working). */
export async function updateAftercareFile(
  tx: Tx,
  clinicId: string,
  id: string,
  file: StoredFile,
): Promise<boolean> {
  const rows = await tx.query(
    `update public.aftercare_documents set storage_path = $3, file_name = $4, size_bytes = $5, sha256 = $6
      where id = $1 and clinic_id = $2 returning id`,
    [id, clinicId, file.storagePath, file.fileName, file.sizeBytes, file.sha256],
  );
  return rows.length > 0;
}

export async function renameAftercareDocument(
  tx: Tx,
  clinicId: string,
  id: string,
  title: string,
): Promise<boolean> {
  const rows = await tx.query(
    "update public.aftercare_documents set title = $3 where id = $1 and clinic_id = $2 returning id",
    [id, clinicId, title],
  );
  return rows.length > 0;
}

/**
 * Locks a document the person may change. FOR UPDATE also needs the UPDATE policy, so for a
 * receptionist this finds nothing; and it blocks procedures being pointed at it meanwhile.
 */
async function lockDocument(tx: Tx, clinicId: string, id: string): Promise<boolean> {
  const row = await tx.maybeOne(
    "select id from public.aftercare_documents where id = $1 and clinic_id = $2 for update",
    [id, clinicId],
  );
  return row !== null;
}

/** Makes `procedureIds` exactly the clinic's procedures that send this document. */
export async function assignAftercareDocument(
  tx: Tx,
  clinicId: string,
  id: string,
  procedureIds: string[],
): Promise<boolean> {
  if (!(await lockDocument(tx, clinicId, id))) return false;
  await tx.query(
    `update public.procedures
        set aftercare_document_id = case when id = any ($3::uuid[]) then $1::uuid end
      where clinic_id = $2 and (id = any ($3::uuid[]) or aftercare_document_id = $1)`,
    [id, clinicId, procedureIds],
  );
  return true;
}

export type DeleteOutcome =
  { outcome: "deleted" } | { outcome: "not_found" } | { outcome: "in_use"; procedures: string[] };

/** Deletes a document no procedure uses. Its patient links go with it (on delete cascade). */
export async function deleteAftercareDocument(
  tx: Tx,
  clinicId: string,
  id: string,
): Promise<DeleteOutcome> {
  if (!(await lockDocument(tx, clinicId, id))) return { outcome: "not_found" };
  const users = await tx.query<{ name: Col<"procedures", "name"> }>(
    "select name from public.procedures where aftercare_document_id = $1 order by sort_order, name",
    [id],
  );
  if (users.length) return { outcome: "in_use", procedures: users.map((user) => user.name) };
  await tx.query("delete from public.aftercare_documents where id = $1 and clinic_id = $2", [
    id,
    clinicId,
  ]);
  return { outcome: "deleted" };
}

/** Where a document's bytes are, if the person may see it (any member of its clinic). */
export function getAftercareFile(
  tx: Tx,
  id: string,
): Promise<{ storagePath: string; fileName: string } | null> {
  return tx.maybeOne<
    Columns<"aftercare_documents", { storagePath: "storage_path"; fileName: "file_name" }>
  >(
    `select storage_path as "storagePath", file_name as "fileName" from public.aftercare_documents where id = $1`,
    [id],
  );
}
