import { AppError } from '../../../../shared/errors';
import type { Principal } from '../../../../shared/auth/principal';
import { findCode } from '../../../../shared/codes';
import type { CaseEntity } from '../entities/Case';
import type { InterventionEntity } from '../entities/Intervention';
import { isUuid } from '../loaders';
import { findCaseById, findCaseForUpdate } from '../repositories/caseRepository';
import { insertIntervention } from '../repositories/interventionRepository';
import { caseNotClosed, heldByService, interventionWithinCase } from '../rules/caseRules';
import { endNotBeforeStart } from '../../../../shared/rules/dates';
import { structureCodeCheck } from '../rules/structureCode';
import { throwIfViolated } from '../../../../shared/errors/violation';
import { requireRole } from '../../../../shared/auth/requireRole';
import { notFound } from '../../../../shared/errors/AppError';
import { invalidCode } from './caseService';
import type { ServiceDeps } from './deps';

export interface AddInterventionInput {
  readonly caseId: string;
  readonly type: string;
  readonly startDate: string;
  readonly endDate?: string | null;
  readonly structureCode?: string | null;
}

/** ASSO's answer to the registry lookup. */
interface StructureLookup {
  structure: { code: string } | null;
}

const STRUCTURE_QUERY = 'query SinbaStructureExists($code: ID!) { structure(code: $code) { code } }';

export function createInterventionService(deps: ServiceDeps) {
  const { dataSource } = deps;

  /** Rules that depend on the case (checked before the ASSO call and again under the lock). */
  function checkCase(c: CaseEntity | null, serviceId: string, startDate: string): asserts c is CaseEntity {
    if (!c) throw notFound('Case', 'caseId');
    // PRIVACY.md §5: only the service holding the case adds interventions.
    throwIfViolated(heldByService(c, serviceId), caseNotClosed(c), interventionWithinCase(c, startDate));
  }

  return {
    /**
     * addIntervention (seed 003 §3.9): the holding service adds a coded
     * intervention to its open case. Placements in a structure (§3.9.6) carry
     * a structure code that must be in the regional registry (ASSO), or
     * 888888 (other region) / 999999 (not listed).
     */
    async add(principal: Principal, input: AddInterventionInput): Promise<InterventionEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      if (!isUuid(input.caseId)) throw notFound('Case', 'caseId');
      const type = findCode('INTERVENTION_TYPE', input.type, input.startDate);
      if (!type) throw invalidCode('type', 'INTERVENTION_TYPE');
      const endDate = input.endDate ?? null;
      throwIfViolated(endNotBeforeStart(input.startDate, endDate, 'endDate'));
      const structureCode = input.structureCode == null || input.structureCode.trim() === '' ? null : input.structureCode.trim();
      const requiresStructure = type.attributes?.structurePlacement === true;
      const check = structureCodeCheck(requiresStructure, structureCode);
      if ('violation' in check) throwIfViolated(check.violation);

      // Case checks first (no lock), so a refused request never reaches ASSO.
      checkCase(await findCaseById(dataSource.manager, input.caseId), principal.serviceId, input.startDate);

      // The registry lookup happens outside the transaction: no row lock is held while waiting for ASSO.
      if ('lookup' in check && check.lookup === 'registry' && structureCode !== null) {
        const data = await deps.asso.query<StructureLookup>(STRUCTURE_QUERY, { code: structureCode });
        if (!data.structure) {
          throw new AppError('UNKNOWN_STRUCTURE', 'No structure with this code in the regional registry', { field: 'structureCode' });
        }
      }

      return dataSource.transaction(async (db) => {
        const c = await findCaseForUpdate(db, input.caseId);
        checkCase(c, principal.serviceId, input.startDate);
        return insertIntervention(db, {
          caseId: c.id,
          minorId: c.minorId,
          type: input.type,
          startDate: input.startDate,
          endDate,
          structureCode,
          createdBy: principal.sub,
        });
      });
    },
  };
}

export type InterventionService = ReturnType<typeof createInterventionService>;
