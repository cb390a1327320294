import { PG, pgErrorInfo } from '@shared/db';
import { AppError } from '@shared/errors';
import type { ActEntity } from '../entities/Act';
import { insertAct } from '../repositories/actRepository';
import { validateActRecording } from '../rules/actRecording';
import { throwIfViolated } from '@shared/errors';
import { recordAboutStructure } from './supervisedWrite';
import type { RequestDeps } from './deps';
import { optionalText } from './text';
import type { RecordActInput } from '../generated/graphql';

export function createActService(deps: RequestDeps) {
  const { clock } = deps;

  return {
    /**
     * recordAct (seed 002 Allegato A §a point b): SUPERVISOR whose territory
     * holds the structure's province (docs/privacy.md §5). The act changes the
     * derived status from its validFrom (rules/deriveStatus.ts). One
     * transaction; nothing is written on error.
     */
    async record(input: RecordActInput): Promise<ActEntity> {
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
        return await recordAboutStructure(
          deps,
          candidate.structureCode,
          () => throwIfViolated(validateActRecording(candidate, clock())),
          (db, createdBy) => insertAct(db, { ...candidate, createdBy }),
        );
      } catch (err) {
        const { code, constraint } = pgErrorInfo(err);
        if (code === PG.CHECK_VIOLATION && constraint === 'act_validity_check') {
          throw new AppError('INVALID_DATE_RANGE', 'The end date precedes the start date', { field: 'validTo' });
        }
        throw err;
      }
    },
  };
}

export type ActService = ReturnType<typeof createActService>;
