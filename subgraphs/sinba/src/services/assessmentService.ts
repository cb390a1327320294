import type { Principal } from '@shared/auth';
import { findCode } from '@shared/codes';
import { requireRole } from '@shared/auth';
import { notFound } from '@shared/errors';
import { throwIfViolated } from '@shared/errors';
import { endNotBeforeStart, notAfterToday } from '@shared/rules';
import type { AssessmentEntity } from '../entities/Assessment';
import { isUuid } from '../loaders';
import { findCaseForUpdate } from '../repositories/caseRepository';
import { findAssessmentForUpdate, findUnlinkedAssessments, insertAssessment, linkAssessmentRow, updateAssessmentRow } from '../repositories/interventionDetailsRepository';
import { touchMinor } from '@shared/audit';
import { cursorCodec, pageSize, toPage } from '@shared/graphql';
import { assessmentNotLinked, assessmentWithinTerm, outcomeWithEnd, suitabilityDecreeFits, type AssessmentState } from '../rules/assessment';
import { caseNotClosed, heldByService } from '../rules/caseRules';
import { invalidCode } from './caseService';
import type { ServiceDeps } from './deps';

export interface RecordAssessmentInput {
  /** Absent: the applicants' assessment, with no minor yet (seed 003 §3.10). */
  readonly caseId?: string | null;
  readonly type: string;
  readonly startDate: string;
  readonly endDate?: string | null;
  readonly outcome?: string | null;
  readonly renewed?: boolean | null;
  readonly suitabilityDecreeDate?: string | null;
}

export interface LinkAssessmentInput {
  readonly assessmentId: string;
  readonly caseId: string;
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
 * §3.10). The assessment of a couple or person willing to adopt or foster
 * comes before any match with a minor: it is recorded without a case (the
 * recording service's own record, no minor) and linked to the minor's case
 * when a match happens; or recorded directly in the case of the minor it is
 * conducted for. Written only by a SOCIAL_WORKER of the recording service,
 * and, once linked, of the service holding the open case (privacy rules §5).
 */
/** applicantAssessments cursors: the last assessment id of the page (a random UUID). */
const unlinkedCursor = cursorCodec('applicant-assessment:', isUuid, (id) => id.toLowerCase());

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
      const caseId = input.caseId == null || input.caseId.trim() === '' ? null : input.caseId;
      if (caseId !== null && !isUuid(caseId)) throw notFound('Case', 'caseId');
      const state: AssessmentState = {
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        outcome: input.outcome?.trim() || null,
        renewed: input.renewed ?? false,
        suitabilityDecreeDate: input.suitabilityDecreeDate ?? null,
      };
      validate(input.type, state);
      // seed 003 §3.10: the applicants' assessment, before any match: the recording service's record, no minor.
      if (caseId === null) return insertAssessment(dataSource.manager, { caseId: null, minorId: null, serviceId: principal.serviceId, type: input.type, ...state, createdBy: principal.sub });
      return dataSource.transaction(async (db) => {
        const c = await findCaseForUpdate(db, caseId.toLowerCase());
        if (!c) throw notFound('Case', 'caseId');
        touchMinor(c.minorId);
        throwIfViolated(heldByService(c, principal.serviceId), caseNotClosed(c));
        return insertAssessment(db, { caseId: c.id, minorId: c.minorId, serviceId: principal.serviceId, type: input.type, ...state, createdBy: principal.sub });
      });
    },

    /**
     * linkAssessment (seed 003 §3.10): when a match happens, the recording
     * service links its applicants' assessment to the minor's case, which it
     * must hold, open (privacy rules §5); once only (BAD_USER_INPUT on
     * assessmentId for one already linked). Who and when are kept.
     */
    async link(principal: Principal, input: LinkAssessmentInput): Promise<AssessmentEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      if (!isUuid(input.assessmentId)) throw notFound('Assessment', 'assessmentId');
      if (!isUuid(input.caseId)) throw notFound('Case', 'caseId');
      return dataSource.transaction(async (db) => {
        const locked = await findAssessmentForUpdate(db, input.assessmentId.toLowerCase());
        if (!locked || locked.assessment.serviceId !== principal.serviceId) throw notFound('Assessment', 'assessmentId');
        const c = await findCaseForUpdate(db, input.caseId.toLowerCase());
        if (!c) throw notFound('Case', 'caseId');
        touchMinor(c.minorId);
        throwIfViolated(assessmentNotLinked(locked.assessment), heldByService(c, principal.serviceId), caseNotClosed(c));
        return linkAssessmentRow(db, locked.assessment.id, { caseId: c.id, minorId: c.minorId, linkedBy: principal.sub });
      });
    },

    /** applicantAssessments: the caller's service's assessments not linked to a minor (seed 003 §3.10), by id. */
    async unlinked(principal: Principal, first: number | null | undefined, after: string | null | undefined) {
      requireRole(principal, ['SOCIAL_WORKER']);
      const size = pageSize(first);
      const afterId = unlinkedCursor.after(after);
      const rows = await findUnlinkedAssessments(dataSource.manager, principal.serviceId, afterId, size + 1);
      return toPage(rows, size, (a) => a.id, unlinkedCursor);
    },

    async update(principal: Principal, input: UpdateAssessmentInput): Promise<AssessmentEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      if (!isUuid(input.assessmentId)) throw notFound('Assessment', 'assessmentId');
      return dataSource.transaction(async (db) => {
        const locked = await findAssessmentForUpdate(db, input.assessmentId.toLowerCase());
        if (!locked) throw notFound('Assessment', 'assessmentId');
        touchMinor(locked.assessment.minorId);
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
