import type { Principal } from '../../../../shared/auth/principal';
import { findCode } from '../../../../shared/codes';
import { requireRole } from '../../../../shared/auth/requireRole';
import { notFound } from '../../../../shared/errors/AppError';
import { throwIfViolated } from '../../../../shared/errors/violation';
import { endNotBeforeStart, notAfterToday } from '../../../../shared/rules/dates';
import type { AssessmentEntity } from '../entities/Assessment';
import { isUuid } from '../loaders';
import { findCaseForUpdate } from '../repositories/caseRepository';
import { findAssessmentForUpdate, insertAssessment, updateAssessmentRow } from '../repositories/interventionDetailsRepository';
import { assessmentWithinTerm, outcomeWithEnd, suitabilityDecreeFits, type AssessmentState } from '../rules/assessment';
import { caseNotClosed, heldByService } from '../rules/caseRules';
import { invalidCode } from './caseService';
import type { ServiceDeps } from './deps';

export interface RecordAssessmentInput {
  readonly caseId: string;
  readonly type: string;
  readonly startDate: string;
  readonly endDate?: string | null;
  readonly outcome?: string | null;
  readonly renewed?: boolean | null;
  readonly suitabilityDecreeDate?: string | null;
}

export interface UpdateAssessmentInput {
  readonly assessmentId: string;
  readonly endDate?: string | null;
  readonly outcome?: string | null;
  readonly renewed?: boolean | null;
  readonly suitabilityDecreeDate?: string | null;
}

/**
 * Adoption and foster-care assessments (indagini psico-sociali, seed 003
 * §3.10), recorded in the case of the minor they are conducted for; written
 * only by the SOCIAL_WORKER of the service holding that case, open
 * (docs/privacy.md §5).
 */
export function createAssessmentService(deps: ServiceDeps) {
  const { dataSource, clock } = deps;

  /** Every rule of §3.10 on the full state; the codes are checked first (INVALID_CODE). */
  function validate(typeCode: string, a: AssessmentState) {
    const type = findCode('ASSESSMENT_TYPE', typeCode, a.startDate);
    if (!type) throw invalidCode('type', 'ASSESSMENT_TYPE');
    const outcome = a.outcome === null ? null : findCode('ASSESSMENT_OUTCOME', a.outcome);
    if (a.outcome !== null && !outcome) throw invalidCode('outcome', 'ASSESSMENT_OUTCOME');
    const today = clock();
    throwIfViolated(
      notAfterToday(a.startDate, today, 'startDate'),
      endNotBeforeStart(a.startDate, a.endDate, 'endDate'),
      a.endDate === null ? null : notAfterToday(a.endDate, today, 'endDate'),
      a.suitabilityDecreeDate === null ? null : notAfterToday(a.suitabilityDecreeDate, today, 'suitabilityDecreeDate'),
      outcomeWithEnd(a),
      assessmentWithinTerm(type, a),
      suitabilityDecreeFits(type, outcome ?? null, a),
    );
  }

  return {
    async record(principal: Principal, input: RecordAssessmentInput): Promise<AssessmentEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      if (!isUuid(input.caseId)) throw notFound('Case', 'caseId');
      const state: AssessmentState = {
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        outcome: input.outcome?.trim() || null,
        renewed: input.renewed ?? false,
        suitabilityDecreeDate: input.suitabilityDecreeDate ?? null,
      };
      validate(input.type, state);
      return dataSource.transaction(async (db) => {
        const c = await findCaseForUpdate(db, input.caseId.toLowerCase());
        if (!c) throw notFound('Case', 'caseId');
        throwIfViolated(heldByService(c, principal.serviceId), caseNotClosed(c));
        return insertAssessment(db, { caseId: c.id, minorId: c.minorId, type: input.type, ...state, createdBy: principal.sub });
      });
    },

    async update(principal: Principal, input: UpdateAssessmentInput): Promise<AssessmentEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      if (!isUuid(input.assessmentId)) throw notFound('Assessment', 'assessmentId');
      return dataSource.transaction(async (db) => {
        const locked = await findAssessmentForUpdate(db, input.assessmentId.toLowerCase());
        if (!locked) throw notFound('Assessment', 'assessmentId');
        const caseState = { serviceId: locked.caseServiceId, startDate: locked.assessment.startDate, endDate: locked.caseEndDate };
        throwIfViolated(heldByService(caseState, principal.serviceId), caseNotClosed(caseState));
        const a = locked.assessment;
        const state: AssessmentState = {
          startDate: a.startDate,
          endDate: input.endDate !== undefined ? input.endDate : a.endDate,
          outcome: input.outcome !== undefined ? input.outcome?.trim() || null : a.outcome,
          renewed: input.renewed ?? a.renewed,
          suitabilityDecreeDate: input.suitabilityDecreeDate !== undefined ? input.suitabilityDecreeDate : a.suitabilityDecreeDate,
        };
        validate(a.type, state);
        return updateAssessmentRow(db, a.id, { ...state, updatedBy: principal.sub });
      });
    },
  };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
