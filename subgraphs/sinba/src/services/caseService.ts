import { AppError } from '../../../../shared/errors';
import { PG, pgErrorInfo } from '../../../../shared/db/errors';
import type { Principal } from '../../../../shared/auth/principal';
import { isValidCode } from '../../../../shared/codes';
import type { CaseEntity } from '../entities/Case';
import { isUuid } from '../loaders';
import { closeCaseRow, findCaseForUpdate, findCasesOfMinor, insertCase } from '../repositories/caseRepository';
import { lockMinor } from '../repositories/minorRepository';
import { caseNotClosed, heldByService } from '../rules/caseRules';
import { endNotBeforeStart, notAfterToday } from '../../../../shared/rules/dates';
import { oneOpenCasePerMinor } from '../rules/oneOpenCase';
import { throwIfViolated } from '../../../../shared/errors/violation';
import { notFoundError, requireRole } from './access';
import type { ServiceDeps } from './deps';

export interface OpenCaseInput {
  readonly minorId: string;
  readonly startDate: string;
  readonly coManagementReason?: string | null;
}

export interface CloseCaseInput {
  readonly caseId: string;
  readonly endDate: string;
  readonly closureReason: string;
}

export function invalidCode(field: string, list: string): AppError {
  return new AppError('INVALID_CODE', `The value of ${field} is not in the code list ${list}`, { field, list });
}

export function createCaseService(deps: ServiceDeps) {
  const { dataSource, clock } = deps;

  return {
    /**
     * openCase: SOCIAL_WORKER; the case belongs to the token's serviceId
     * (PRIVACY.md §5). seed 003 §3.2: one open case per minor, except
     * co-management by a second service with a coded reason.
     */
    async open(principal: Principal, input: OpenCaseInput): Promise<CaseEntity> {
      requireRole(principal, 'SOCIAL_WORKER');
      const coManagementReason = input.coManagementReason ?? null;
      // seed 003 §3.2: a case records care that has started; it cannot start after today.
      throwIfViolated(notAfterToday(input.startDate, clock(), 'startDate'));
      if (coManagementReason !== null && !isValidCode('CO_MANAGEMENT_REASON', coManagementReason, input.startDate)) {
        throw invalidCode('coManagementReason', 'CO_MANAGEMENT_REASON');
      }
      if (!isUuid(input.minorId)) throw notFoundError('Minor', 'minorId');

      try {
        return await dataSource.transaction(async (db) => {
          // Lock the minor: concurrent openCase calls for the same minor check the rule one after the other.
          if (!(await lockMinor(db, input.minorId))) throw notFoundError('Minor', 'minorId');
          const existing = await findCasesOfMinor(db, input.minorId);
          throwIfViolated(oneOpenCasePerMinor(existing, { serviceId: principal.serviceId, startDate: input.startDate, coManagementReason }));
          return insertCase(db, {
            minorId: input.minorId.toLowerCase(),
            serviceId: principal.serviceId,
            startDate: input.startDate,
            coManagementReason,
            createdBy: principal.sub,
          });
        });
      } catch (err) {
        const { code, constraint } = pgErrorInfo(err);
        // Second net behind the lock: the partial unique index on open cases per service.
        if (code === PG.UNIQUE_VIOLATION && constraint === 'case_one_open_per_service_key') {
          throw new AppError('CASE_ALREADY_OPEN', 'Your service already holds an open case for this minor', { field: 'minorId' });
        }
        throw err;
      }
    },

    /**
     * closeCase: only the holding service (PRIVACY.md §5); the closure has a
     * coded reason (seed 003 §3.2, CASE_CLOSURE_REASON) and an end date not
     * before the start.
     */
    async close(principal: Principal, input: CloseCaseInput): Promise<CaseEntity> {
      requireRole(principal, 'SOCIAL_WORKER');
      if (!isUuid(input.caseId)) throw notFoundError('Case', 'caseId');
      return dataSource.transaction(async (db) => {
        const c = await findCaseForUpdate(db, input.caseId);
        if (!c) throw notFoundError('Case', 'caseId');
        throwIfViolated(heldByService(c, principal.serviceId), caseNotClosed(c));
        if (!isValidCode('CASE_CLOSURE_REASON', input.closureReason, input.endDate)) throw invalidCode('closureReason', 'CASE_CLOSURE_REASON');
        throwIfViolated(endNotBeforeStart(c.startDate, input.endDate, 'endDate'));
        await closeCaseRow(db, c.id, { endDate: input.endDate, closureReason: input.closureReason, closedBy: principal.sub });
        return { ...c, endDate: input.endDate, closureReason: input.closureReason, closedBy: principal.sub };
      });
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
