import type { Principal } from '@shared/auth';
import { requireRole } from '@shared/auth';
import { throwIfViolated } from '@shared/errors';
import { notAfterToday } from '@shared/rules';
import { ViolenceRecordEntity } from '../entities/ViolenceRecord';
import { insertRow } from '../repositories/minorRecords';
import { codeValid, codesValid } from '../rules/codedLists';
import type { ServiceDeps } from './deps';
import { writeAsCaseHolder } from './caseHolderWrite';

export interface RecordViolenceInput {
  readonly minorId: string;
  readonly knowledgeDate: string;
  readonly types: readonly string[];
  readonly detectedBy?: string | null;
}

export function createViolenceService(deps: ServiceDeps) {
  const { clock } = deps;

  return {
    /**
     * recordViolence (seed 003 §3.11, scheda Violenze): one episode, with the
     * date the service learnt of it ("Data di conoscenza", not in the
     * future), its types (VIOLENCE_TYPE, at least one) and who detected it
     * (VIOLENCE_DETECTOR). It may record first hypotheses, not yet proven
     * (§3.11). ABUSE data.
     */
    async record(principal: Principal, input: RecordViolenceInput): Promise<ViolenceRecordEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      throwIfViolated(
        notAfterToday(input.knowledgeDate, clock(), 'knowledgeDate'),
        codesValid('VIOLENCE_TYPE', input.types, input.knowledgeDate, 'types'),
        codeValid('VIOLENCE_DETECTOR', input.detectedBy, input.knowledgeDate, 'detectedBy'),
      );
      return writeAsCaseHolder(deps, principal, input.minorId, (db, minorId) =>
        insertRow(db, ViolenceRecordEntity, { minorId, knowledgeDate: input.knowledgeDate, types: [...input.types], detectedBy: input.detectedBy ?? null, createdBy: principal.sub }),
      );
    },
  };
}

export type ViolenceService = ReturnType<typeof createViolenceService>;
