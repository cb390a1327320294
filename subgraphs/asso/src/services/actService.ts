import { PG, pgErrorInfo } from '@shared/db';
import { AppError } from '@shared/errors';
import type { Principal } from '@shared/auth';
import type { ActEntity } from '../entities/Act';
import { insertAct } from '../repositories/actRepository';
import { findStructureByCode } from '../repositories/structureRepository';
import { validateActRecording } from '../rules/actRecording';
import type { ActKind } from '../rules/deriveStatus';
import { throwIfViolated } from '@shared/errors';
import { requireSupervisor, requireTerritory } from './access';
import { setChangeContext } from '../repositories/structureHistoryRepository';
import type { ServiceDeps } from './deps';
import { optionalText } from './text';

export interface RecordActInput {
  readonly structureCode: string;
  readonly kind: ActKind;
  readonly number: string;
  readonly date: string;
  readonly validFrom: string;
  readonly validTo?: string | null;
  readonly issuingBody?: string | null;
}

export function unknownStructure(): AppError {
  return new AppError('UNKNOWN_STRUCTURE', 'No structure with this code in the regional registry', { field: 'structureCode' });
}

export function createActService(deps: ServiceDeps) {
  const { dataSource, clock } = deps;

  return {
    /**
     * recordAct (seed 002 Allegato A §a point b): SUPERVISOR whose territory
     * holds the structure's province (docs/privacy.md §5). The act changes the
     * derived status from its validFrom (rules/deriveStatus.ts). One
     * transaction; nothing is written on error.
     */
    async record(principal: Principal, input: RecordActInput): Promise<ActEntity> {
      requireSupervisor(principal);
      const candidate = {
        structureCode: input.structureCode.trim(),
        kind: input.kind,
        number: input.number.trim(),
        date: input.date,
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
        issuingBody: optionalText(input.issuingBody),
      };
      try {
        return await dataSource.transaction(async (db) => {
          const structure = await findStructureByCode(db, candidate.structureCode);
          if (!structure) throw unknownStructure();
          requireTerritory(principal, structure.province);
          throwIfViolated(validateActRecording(candidate, clock()));
          // effective date of the change in the history (seed 002 §a point d)
          await setChangeContext(db, principal.sub, clock());
          return insertAct(db, { ...candidate, createdBy: principal.sub });
        });
      } catch (err) {
        const { code, constraint } = pgErrorInfo(err);
        if (code === PG.FOREIGN_KEY_VIOLATION) throw unknownStructure();
        if (code === PG.CHECK_VIOLATION && constraint === 'act_validity_check') {
          throw new AppError('INVALID_DATE_RANGE', 'The end date precedes the start date', { field: 'validTo' });
        }
        throw err;
      }
    },
  };
}

export type ActService = ReturnType<typeof createActService>;
