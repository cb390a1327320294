import type { EntityManager } from 'typeorm';

/** Metadata of the current document of an act (Act.document). */
export interface ActDocumentMeta {
  readonly actId: string;
  readonly version: number;
  readonly filename: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly uploadedAt: Date;
}

export interface ActDocumentContent extends ActDocumentMeta {
  readonly content: Buffer;
}

const META = `act_id AS "actId", version, filename, size_bytes AS "sizeBytes", btrim(sha256) AS sha256, uploaded_at AS "uploadedAt"`;

/** The act and the province of its structure (for the territory check), locked against a concurrent upload. */
export async function findActProvinceForUpdate(db: EntityManager, actId: string): Promise<{ province: string } | null> {
  const rows = (await db.query(
    `SELECT s.province FROM asso.act a JOIN asso.structure s ON s.code = a.structure_code WHERE a.id = $1 FOR UPDATE OF a`,
    [actId],
  )) as { province: string }[];
  return rows[0] ?? null;
}

/** Metadata of the current documents of many acts, one statement (no content). */
export async function findActDocumentsByActIds(db: EntityManager, actIds: readonly string[]): Promise<ActDocumentMeta[]> {
  if (actIds.length === 0) return [];
  return (await db.query(`SELECT ${META} FROM asso.act_document WHERE act_id = ANY($1::uuid[])`, [[...actIds]])) as ActDocumentMeta[];
}

export async function findActDocumentContent(db: EntityManager, actId: string): Promise<ActDocumentContent | null> {
  const rows = (await db.query(`SELECT ${META}, content FROM asso.act_document WHERE act_id = $1`, [actId])) as ActDocumentContent[];
  return rows[0] ?? null;
}

/**
 * Store the document of an act: the current one (if any) is copied to the
 * archive, then replaced with version + 1. The caller holds the act's row
 * lock (findActProvinceForUpdate), so two uploads cannot take the same version.
 */
export async function storeActDocument(
  db: EntityManager,
  d: { actId: string; filename: string; content: Buffer; sha256: string; uploadedBy: string },
): Promise<ActDocumentMeta> {
  await db.query(
    `INSERT INTO asso.act_document_archive (act_id, version, filename, content, size_bytes, sha256, uploaded_at, uploaded_by, archived_by)
     SELECT act_id, version, filename, content, size_bytes, sha256, uploaded_at, uploaded_by, $2 FROM asso.act_document WHERE act_id = $1`,
    [d.actId, d.uploadedBy],
  );
  const rows = (await db.query(
    `INSERT INTO asso.act_document AS cur (act_id, filename, content, size_bytes, sha256, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (act_id) DO UPDATE SET version = cur.version + 1, filename = EXCLUDED.filename, content = EXCLUDED.content,
       size_bytes = EXCLUDED.size_bytes, sha256 = EXCLUDED.sha256, uploaded_at = now(), uploaded_by = EXCLUDED.uploaded_by
     RETURNING ${META}`,
    [d.actId, d.filename, d.content, d.content.length, d.sha256, d.uploadedBy],
  )) as ActDocumentMeta[];
  return rows[0];
}
