import { AppError } from '@shared/errors';
import type { Principal } from '@shared/auth';
import { findCode, type CodeEntry } from '@shared/codes';
import type { EntityManager } from 'typeorm';
import type { CaseEntity } from '../entities/Case';
import type { InterventionEntity } from '../entities/Intervention';
import { isUuid } from '../loaders';
import { findCaseById, findCaseForUpdate } from '../repositories/caseRepository';
import { insertIntervention } from '../repositories/interventionRepository';
import {
  endInterventionRow,
  findInterventionForUpdate,
  findInterventionPeriodsOfMinors,
  findMinorAgeFacts,
  insertBeneficiaries,
  isUnaccompanied,
  lockCasesInIdOrder,
  lockMinorPlacements,
  lockOpenCasesHeldBy,
} from '../repositories/interventionDetailsRepository';
import { adoptionEndSituation } from '../rules/adoptionEnd';
import { isFosterCareOrAdoption, isFullTimePlacement, oneFullTimePlacement, oneRecorderUnderCoManagement, placementAgeFits } from '../rules/placementInterventions';
import { touchMinor } from '@shared/audit';
import { adoptionDisruptionFits, emergencyLimitExceeded, emergencyPlacementWithinLimit, fosterCareScheduleFits, interventionStillOpen, siblingsDistinct, structureEntryDateFor } from '../rules/interventionDetails';
import { notAfterToday } from '@shared/rules';
import { caseNotClosed, heldByService, interventionWithinCase } from '../rules/caseRules';
import { endNotBeforeStart } from '@shared/rules';
import { structureCodeCheck } from '../rules/structureCode';
import { throwIfViolated } from '@shared/errors';
import { requireRole } from '@shared/auth';
import { notFound } from '@shared/errors';
import { invalidCode } from './caseService';
import type { ServiceDeps } from './deps';

export interface AddInterventionInput {
  readonly caseId: string;
  readonly type: string;
  readonly startDate: string;
  readonly endDate?: string | null;
  readonly structureCode?: string | null;
  /** seed 003 §3.9.1. */
  readonly fosterCareSchedule?: string | null;
  /** seed 003 §3.9.6. */
  readonly structureEntryDate?: string | null;
  /** seed 003 §3.9.10. */
  readonly siblingMinorIds?: readonly string[] | null;
  /** seed 003 §3.9.2. */
  readonly adoptionDisruption?: string | null;
  /** seed 003 §3.9.2 situazione fine intervento. */
  readonly endSituation?: string | null;
}

export interface EndInterventionInput {
  readonly interventionId: string;
  readonly endDate: string;
  readonly adoptionDisruption?: string | null;
  /** seed 003 §3.9.2 situazione fine intervento. */
  readonly endSituation?: string | null;
}

/** Blank optional strings count as absent. */
function optional(value: string | null | undefined): string | null {
  if (value == null) return null;
  const t = value.trim();
  return t === '' ? null : t;
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
    // docs/privacy.md §5: only the service holding the case adds interventions.
    throwIfViolated(heldByService(c, serviceId), caseNotClosed(c), interventionWithinCase(c, startDate));
  }

  /**
   * seed 003 §3.9.6 (ages by placement type), §3.9.1/§3.9.6 (one full-time
   * placement at a time) and §3.9.1/§3.9.2 (one recorder of a foster care or
   * adoption under co-management), for the case's minor and each sibling
   * beneficiary (§3.9.10), against every intervention of theirs on any case,
   * read under a per-minor lock so two concurrent requests cannot both pass.
   */
  async function checkWhereMinorsLive(
    db: EntityManager,
    type: CodeEntry,
    candidate: { startDate: string; endDate: string | null; fosterCareSchedule: string | null; serviceId: string },
    minorId: string,
    siblingIds: readonly string[],
  ): Promise<void> {
    const ageLimited = type.attributes?.minAge !== undefined || type.attributes?.maxAge !== undefined;
    const fullTime = isFullTimePlacement(type, candidate.fosterCareSchedule);
    const fosterOrAdoption = isFosterCareOrAdoption(type);
    if (!ageLimited && !fullTime && !fosterOrAdoption) return;
    const minors = [minorId, ...siblingIds.map((id) => id.toLowerCase())];
    await lockMinorPlacements(db, minors);
    const periods = await findInterventionPeriodsOfMinors(db, minors);
    for (const id of minors) {
      const field = id === minorId ? undefined : 'siblingMinorIds';
      if (ageLimited) {
        const facts = await findMinorAgeFacts(db, id);
        if (facts) throwIfViolated(placementAgeFits(type, facts, candidate.startDate, field ?? 'type'));
      }
      const own = periods.filter((p) => p.minorId === id);
      const recorder = oneRecorderUnderCoManagement(
        candidate,
        fosterOrAdoption,
        own.map((p) => ({ ...p, fosterOrAdoption: isFosterCareOrAdoption(findCode('INTERVENTION_TYPE', p.type)) })),
      );
      const overlap = oneFullTimePlacement(
        candidate,
        fullTime,
        own.map((p) => ({ ...p, fullTime: isFullTimePlacement(findCode('INTERVENTION_TYPE', p.type), p.fosterCareSchedule) })),
      );
      const v = recorder ?? overlap;
      if (v) throw new AppError(v.code, v.message, { ...v.details, field: field ?? v.field });
    }
  }

  return {
    /** Intervention.emergencyLimitExceeded (seed 003 §3.9.6): still open, or ended, after its maximum, as of today. */
    emergencyOverdue(i: { type: string; startDate: string; endDate: string | null }, unaccompanied: boolean): boolean {
      const type = findCode('INTERVENTION_TYPE', i.type);
      return type ? emergencyLimitExceeded(type, i, unaccompanied, deps.clock()) : false;
    },

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
      const fosterCareSchedule = optional(input.fosterCareSchedule);
      if (fosterCareSchedule !== null && !findCode('FOSTER_CARE_SCHEDULE', fosterCareSchedule, input.startDate)) throw invalidCode('fosterCareSchedule', 'FOSTER_CARE_SCHEDULE');
      const adoptionDisruption = optional(input.adoptionDisruption);
      if (adoptionDisruption !== null && !findCode('ADOPTION_DISRUPTION', adoptionDisruption, endDate ?? input.startDate)) throw invalidCode('adoptionDisruption', 'ADOPTION_DISRUPTION');
      const entry = structureEntryDateFor(type, input.startDate, endDate, input.structureEntryDate ?? null);
      if ('violation' in entry) throw new AppError(entry.violation.code, entry.violation.message, { field: entry.violation.field });
      const structureEntryDate = entry.value;
      throwIfViolated(fosterCareScheduleFits(type, fosterCareSchedule), adoptionDisruptionFits(type, adoptionDisruption, endDate));
      const endSituationInput = optional(input.endSituation);
      if (endSituationInput !== null && !findCode('INTERVENTION_END_SITUATION', endSituationInput, endDate ?? input.startDate)) throw invalidCode('endSituation', 'INTERVENTION_END_SITUATION');
      // seed 003 §3.9.2: an adoption added as already ended carries its end situation.
      const ending = adoptionEndSituation(type, endSituationInput, adoptionDisruption, endDate);
      if ('violation' in ending) throwIfViolated(ending.violation);
      const { endSituation } = 'value' in ending ? ending.value : { endSituation: null };
      const siblingIds = [...(input.siblingMinorIds ?? [])];
      for (const id of siblingIds) if (!isUuid(id)) throw notFound('Minor', 'siblingMinorIds');

      // Case checks first (no lock), so a refused request never reaches ASSO.
      const found = await findCaseById(dataSource.manager, input.caseId);
      touchMinor(found?.minorId);
      checkCase(found, principal.serviceId, input.startDate);

      // The registry lookup happens outside the transaction: no row lock is held while waiting for ASSO.
      if ('lookup' in check && check.lookup === 'registry' && structureCode !== null) {
        const data = await deps.asso.query<StructureLookup>(STRUCTURE_QUERY, { code: structureCode });
        if (!data.structure) {
          throw new AppError('UNKNOWN_STRUCTURE', 'No structure with this code in the regional registry', { field: 'structureCode' });
        }
      }

      return dataSource.transaction(async (db) => {
        if (siblingIds.length > 0) await lockCasesInIdOrder(db, input.caseId, siblingIds.map((id) => id.toLowerCase()), principal.serviceId, input.startDate);
        const c = await findCaseForUpdate(db, input.caseId);
        if (c) touchMinor(c.minorId);
        checkCase(c, principal.serviceId, input.startDate);
        // seed 003 §3.9.6: 2 months of pronta accoglienza, 6 for an unaccompanied foreign minor.
        throwIfViolated(emergencyPlacementWithinLimit(type, input.startDate, endDate, await isUnaccompanied(db, c.minorId)));
        // seed 003 §3.9.10: siblings, each with a case the same service holds, open on the start date.
        throwIfViolated(siblingsDistinct(c.minorId, siblingIds));
        const siblingCases = await lockOpenCasesHeldBy(db, siblingIds.map((id) => id.toLowerCase()), principal.serviceId, input.startDate);
        const missing = siblingIds.find((id) => !siblingCases.has(id.toLowerCase()));
        if (missing !== undefined) {
          throw new AppError('FORBIDDEN', 'Each sibling needs a case held by the service, open on the start date', { field: 'siblingMinorIds', minorId: missing });
        }
        await checkWhereMinorsLive(db, type, { startDate: input.startDate, endDate, fosterCareSchedule, serviceId: principal.serviceId }, c.minorId, siblingIds);
        const created = await insertIntervention(db, {
          caseId: c.id,
          minorId: c.minorId,
          type: input.type,
          startDate: input.startDate,
          endDate,
          structureCode,
          fosterCareSchedule,
          structureEntryDate,
          adoptionDisruption: 'value' in ending ? ending.value.adoptionDisruption : adoptionDisruption,
          endSituation,
          createdBy: principal.sub,
        });
        await insertBeneficiaries(db, created.id, [...siblingCases].map(([minorId, caseId]) => ({ minorId, caseId })));
        return created;
      });
    },

    /**
     * endIntervention (seed 003 §3.9): the service holding the intervention's
     * case records its end date (not after today) and, for an adoption, the
     * end situation (§3.9.2). An emergency placement ends at most 2 months
     * after its start, 6 for an unaccompanied foreign minor (§3.9.6).
     */
    async end(principal: Principal, input: EndInterventionInput): Promise<InterventionEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      if (!isUuid(input.interventionId)) throw notFound('Intervention', 'interventionId');
      const adoptionDisruption = optional(input.adoptionDisruption);
      if (adoptionDisruption !== null && !findCode('ADOPTION_DISRUPTION', adoptionDisruption, input.endDate)) throw invalidCode('adoptionDisruption', 'ADOPTION_DISRUPTION');
      const endSituationInput = optional(input.endSituation);
      if (endSituationInput !== null && !findCode('INTERVENTION_END_SITUATION', endSituationInput, input.endDate)) throw invalidCode('endSituation', 'INTERVENTION_END_SITUATION');
      throwIfViolated(notAfterToday(input.endDate, deps.clock(), 'endDate'));
      return dataSource.transaction(async (db) => {
        const locked = await findInterventionForUpdate(db, input.interventionId.toLowerCase());
        if (!locked) throw notFound('Intervention', 'interventionId');
        const i = locked.intervention;
        touchMinor(i.minorId);
        // docs/privacy.md §5: only the service holding the case ends its interventions; not once the case is closed.
        throwIfViolated(heldByService({ serviceId: locked.caseServiceId, startDate: locked.caseStartDate, endDate: locked.caseEndDate }, principal.serviceId));
        throwIfViolated(caseNotClosed({ serviceId: locked.caseServiceId, startDate: locked.caseStartDate, endDate: locked.caseEndDate }));
        const type = findCode('INTERVENTION_TYPE', i.type);
        if (!type) throw invalidCode('type', 'INTERVENTION_TYPE');
        throwIfViolated(
          interventionStillOpen(i),
          endNotBeforeStart(i.startDate, input.endDate, 'endDate'),
          // seed 003 §3.9.6: nor before the entry into the structure.
          i.structureEntryDate === null ? null : endNotBeforeStart(i.structureEntryDate, input.endDate, 'endDate'),
          emergencyPlacementWithinLimit(type, i.startDate, input.endDate, locked.unaccompanied),
          adoptionDisruptionFits(type, adoptionDisruption, input.endDate),
        );
        // seed 003 §3.9.2: "è necessario compilare il campo SITUAZIONE FINE INTERVENTO".
        const ending = adoptionEndSituation(type, endSituationInput, adoptionDisruption, input.endDate);
        if ('violation' in ending) throwIfViolated(ending.violation);
        const end = 'value' in ending ? ending.value : { endSituation: null, adoptionDisruption };
        await endInterventionRow(db, i.id, { endDate: input.endDate, adoptionDisruption: end.adoptionDisruption, endSituation: end.endSituation, endedBy: principal.sub });
        return { ...i, endDate: input.endDate, adoptionDisruption: end.adoptionDisruption, endSituation: end.endSituation, endedBy: principal.sub, endedAt: new Date() };
      });
    },
  };
}

export type InterventionService = ReturnType<typeof createInterventionService>;
