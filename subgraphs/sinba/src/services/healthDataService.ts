import { forbidden } from '../../../../shared/errors';
import type { Principal } from '../../../../shared/auth/principal';
import type { HealthDataEntity } from '../entities/HealthData';
import { isUuid } from '../loaders';
import { findMinorIdsHeldBy } from '../repositories/caseRepository';
import { findHealthDataForUpdate, upsertHealthData, type HealthDataValues } from '../repositories/healthDataRepository';
import { lockMinor } from '../repositories/minorRepository';
import { severeImpliesLaw104 } from '../rules/healthData';
import { throwIfViolated } from '../../../../shared/errors/violation';
import { requireRole } from '../../../../shared/auth/requireRole';
import { notFound } from '../../../../shared/errors/AppError';
import type { ServiceDeps } from './deps';

export interface HealthDataInput {
  readonly minorId: string;
  readonly npiaFollowUp?: boolean | null;
  readonly invalidity?: boolean | null;
  readonly law104?: boolean | null;
  readonly law104Severe?: boolean | null;
}

const FIELDS = ['npiaFollowUp', 'invalidity', 'law104', 'law104Severe'] as const;

export function createHealthDataService(deps: ServiceDeps) {
  const { dataSource, clock } = deps;

  return {
    /**
     * recordHealthData (seed 003 §3.4, §3.7): the SOCIAL_WORKER whose service
     * holds a case open today (PRIVACY.md §3 CASE_HOLDER, §5). Upsert: fields
     * left out of the input keep their stored value; an explicit null clears one.
     */
    async record(principal: Principal, input: HealthDataInput): Promise<HealthDataEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      if (!isUuid(input.minorId)) throw notFound('Minor', 'minorId');
      return dataSource.transaction(async (db) => {
        if (!(await lockMinor(db, input.minorId))) throw notFound('Minor', 'minorId');
        const held = await findMinorIdsHeldBy(db, [input.minorId], principal.serviceId, clock());
        if (held.length === 0) throw forbidden('Only a service holding an open case for the minor may record health data');
        const current = await findHealthDataForUpdate(db, input.minorId);
        const merged = Object.fromEntries(
          FIELDS.map((f) => [f, input[f] !== undefined ? input[f] : (current?.[f] ?? null)]),
        ) as unknown as HealthDataValues;
        throwIfViolated(severeImpliesLaw104(merged));
        return upsertHealthData(db, input.minorId.toLowerCase(), merged, principal.sub);
      });
    },
  };
}

export type HealthDataService = ReturnType<typeof createHealthDataService>;
