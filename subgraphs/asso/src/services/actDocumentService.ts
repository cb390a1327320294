import { createHash } from 'node:crypto';
import { notFound } from '@shared/errors';
import { throwIfViolated } from '@shared/errors';
import type { Principal } from '@shared/auth';
import type { AssoLoaders } from '../loaders';
import {
  findActDocumentContent,
  findActProvinceForUpdate,
  storeActDocument,
  type ActDocumentMeta,
} from '../repositories/actDocumentRepository';
import { decodeActDocument, validateActDocumentFilename } from '../rules/actDocument';
import { requireSupervisor, requireTerritory } from './access';
import type { ServiceDeps } from './deps';

export interface RecordActDocumentInput {
  readonly actId: string;
  readonly filename: string;
  readonly contentBase64: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const unknownAct = () => notFound('Act', 'actId');

/** Act documents (seed 002 Allegato A §a point b). Acts are PUBLIC (docs/privacy.md §2), so are their documents. */
export function createActDocumentService(deps: ServiceDeps) {
  const { dataSource } = deps;
  return {
    /**
     * recordActDocument: SUPERVISOR whose territory holds the act's structure
     * (docs/privacy.md §5). One transaction; the previous document, if any, goes
     * to the archive. Nothing is written on error.
     */
    async record(principal: Principal, input: RecordActDocumentInput): Promise<ActDocumentMeta> {
      requireSupervisor(principal);
      const filename = input.filename.trim();
      throwIfViolated(validateActDocumentFilename(filename));
      const decoded = decodeActDocument(input.contentBase64);
      if ('violation' in decoded) throwIfViolated(decoded.violation);
      const bytes = (decoded as { bytes: Buffer }).bytes;
      if (!UUID.test(input.actId)) throw unknownAct();
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      return dataSource.transaction(async (db) => {
        const act = await findActProvinceForUpdate(db, input.actId);
        if (!act) throw unknownAct();
        requireTerritory(principal, act.province);
        return storeActDocument(db, { actId: input.actId, filename, content: bytes, sha256, uploadedBy: principal.sub });
      });
    },

    /** Act.document: metadata through the per-request loader. */
    metadata(loaders: AssoLoaders, actId: string): Promise<ActDocumentMeta | null> {
      return loaders.actDocumentByActId.load(actId);
    },

    /** Query.actDocument: the current document with its content, or null. */
    async content(actId: string): Promise<{ filename: string; sizeBytes: number; sha256: string; contentBase64: string } | null> {
      if (!UUID.test(actId)) return null;
      const doc = await findActDocumentContent(dataSource.manager, actId);
      if (!doc) return null;
      return { filename: doc.filename, sizeBytes: doc.sizeBytes, sha256: doc.sha256, contentBase64: doc.content.toString('base64') };
    },
  };
}

export type ActDocumentService = ReturnType<typeof createActDocumentService>;
