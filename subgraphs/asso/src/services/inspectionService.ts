import { isValidCode } from '../../../../shared/codes';
import { PG, pgErrorInfo } from '../../../../shared/db/errors';
import { AppError } from '../../../../shared/errors';
import type { Principal } from '../../../../shared/auth/principal';
import type { InspectionEntity } from '../entities/Inspection';
import { insertInspection } from '../repositories/inspectionRepository';
import { findStructureByCode } from '../repositories/structureRepository';
import { validateInspectionRecording } from '../rules/inspectionRecording';
import { throwIfViolated } from '../../../../shared/errors/violation';
import { requireSupervisor, requireTerritory } from './access';
import { unknownStructure } from './actService';
import type { ServiceDeps } from './deps';
import { optionalText } from './text';

export interface RecordInspectionInput {
  readonly structureCode: string;
  readonly date: string;
  readonly authority: string;
  readonly outcome: string;
  readonly findings?: string | null;
}

const AUTHORITY_LIST = 'INSPECTION_AUTHORITY';
const OUTCOME_LIST = 'INSPECTION_OUTCOME';

export function createInspectionService(deps: ServiceDeps) {
  const { dataSource, clock } = deps;

  return {
    /**
     * recordInspection (seed 002 Allegato A §a point c: supervision by the
     * municipality, the ASL and the NAS): SUPERVISOR whose territory holds the
     * structure's province (PRIVACY.md §5). Authority and outcome are coded
     * (INVALID_CODE). The findings are free text: never logged. One
     * transaction; nothing is written on error.
     */
    async record(principal: Principal, input: RecordInspectionInput): Promise<InspectionEntity> {
      requireSupervisor(principal);
      const candidate = {
        structureCode: input.structureCode.trim(),
        date: input.date,
        authority: input.authority.trim(),
        outcome: input.outcome.trim(),
        findings: optionalText(input.findings),
      };
      try {
        return await dataSource.transaction(async (db) => {
          const structure = await findStructureByCode(db, candidate.structureCode);
          if (!structure) throw unknownStructure();
          requireTerritory(principal, structure.province);
          const today = clock();
          throwIfViolated(validateInspectionRecording(candidate, today));
          if (!isValidCode(AUTHORITY_LIST, candidate.authority, candidate.date)) {
            throw new AppError('INVALID_CODE', 'The authority is not in the INSPECTION_AUTHORITY list', { field: 'authority', list: AUTHORITY_LIST });
          }
          if (!isValidCode(OUTCOME_LIST, candidate.outcome, candidate.date)) {
            throw new AppError('INVALID_CODE', 'The outcome is not in the INSPECTION_OUTCOME list', { field: 'outcome', list: OUTCOME_LIST });
          }
          return insertInspection(db, { ...candidate, createdBy: principal.sub });
        });
      } catch (err) {
        if (pgErrorInfo(err).code === PG.FOREIGN_KEY_VIOLATION) throw unknownStructure();
        throw err;
      }
    },
  };
}

export type InspectionService = ReturnType<typeof createInspectionService>;
