import { AppError } from '@shared/errors';
import { PG, pgErrorInfo } from '@shared/db';
import type { Principal } from '@shared/auth';
import { isValidCode } from '@shared/codes';
import type { CaseEntity } from '../entities/Case';
import { isUuid } from '../loaders';
import { closeCaseRow, findCaseById, findCaseForUpdate, findCasesOfMinor, insertCase } from '../repositories/caseRepository';
import { TRANSFER_CLOSURE_REASON, receivingServiceFree, transferToAnotherService } from '../rules/transfer';
import { lockMinorWithDates } from '../repositories/minorRepository';
import { caseStartNotTooEarly } from '../rules/unborn';
import { caseNotClosed, heldByService } from '../rules/caseRules';
import { endNotBeforeStart, notAfterToday } from '@shared/rules';
import { oneOpenCasePerMinor, openOnOrAfter } from '../rules/oneOpenCase';
import { coManagementJustified, needsActivePlacement } from '../rules/coManagement';
import { findCoManagementRecords } from '../repositories/coManagementRepository';
import { throwIfViolated } from '@shared/errors';
import { requireRole } from '@shared/auth';
import { notFound } from '@shared/errors';
import type { ServiceDeps } from './deps';
import { touchMinor } from '@shared/audit';

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

export interface TransferCaseInput {
  readonly caseId: string;
  readonly toServiceId: string;
  readonly transferDate: string;
  /** CASE_CLOSURE_REASON; TRANSFER_TO_OTHER_SERVICE when absent. */
  readonly closureReason?: string | null;
}

export function invalidCode(field: string, list: string): AppError {
  return new AppError('INVALID_CODE', `The value of ${field} is not in the code list ${list}`, { field, list });
}

export function createCaseService(deps: ServiceDeps) {
  const { dataSource, clock } = deps;

  /** Whether ASMI has a placement of the minor active on the date (module-to-module; UPSTREAM_UNAVAILABLE when ASMI does not answer). */
  async function hasActivePlacement(minorId: string, on: string): Promise<boolean> {
    if (!deps.asmi) return false;
    const data = await deps.asmi.query<{ _entities: ({ placements: { admissionDate: string; dischargeDate: string | null }[] | null } | null)[] }>(
      'query SinbaActivePlacement($r: [_Any!]!) { _entities(representations: $r) { ... on Minor { placements { admissionDate dischargeDate } } } }',
      { r: [{ __typename: 'Minor', id: minorId }] },
    );
    return (data._entities[0]?.placements ?? []).some((p) => p.admissionDate <= on && (p.dischargeDate === null || p.dischargeDate > on));
  }

  return {
    /**
     * openCase: SOCIAL_WORKER; the case belongs to the token's serviceId
     * (docs/privacy.md §5). seed 003 §3.2: one open case per minor, except
     * co-management by a second service with a coded reason, and only when
     * the fact the reason names is recorded on the start date
     * (docs/privacy.md §3a, rules/coManagement.ts; CO_MANAGEMENT_NOT_JUSTIFIED).
     * When that fact later ends nothing happens automatically: the
     * co-managed case stays open until a service closes it (docs/privacy.md
     * "How relationships come to exist").
     */
    async open(principal: Principal, input: OpenCaseInput): Promise<CaseEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      const coManagementReason = input.coManagementReason ?? null;
      // seed 003 §3.2: a case records care that has started; it cannot start after today.
      throwIfViolated(notAfterToday(input.startDate, clock(), 'startDate'));
      if (coManagementReason !== null && !isValidCode('CO_MANAGEMENT_REASON', coManagementReason, input.startDate)) {
        throw invalidCode('coManagementReason', 'CO_MANAGEMENT_REASON');
      }
      if (!isUuid(input.minorId)) throw notFound('Minor', 'minorId');
      touchMinor(input.minorId);
      // docs/privacy.md §3a: an active placement justifies COMMUNITY_PLACEMENT; ASMI knows, asked before the lock (no HTTP under a lock).
      let activePlacement = false;
      if (coManagementReason !== null && needsActivePlacement(coManagementReason, await findCoManagementRecords(dataSource.manager, input.minorId, input.startDate))) {
        activePlacement = await hasActivePlacement(input.minorId, input.startDate);
      }

      try {
        return await dataSource.transaction(async (db) => {
          // Lock the minor: concurrent openCase calls for the same minor check the rule one after the other.
          const minor = await lockMinorWithDates(db, input.minorId);
          if (!minor) throw notFound('Minor', 'minorId');
          // seed 003 §3.2.1: at most 10 months before the (expected) birth date.
          throwIfViolated(caseStartNotTooEarly(input.startDate, minor.birthDate ?? minor.expectedBirthDate));
          const existing = await findCasesOfMinor(db, input.minorId);
          throwIfViolated(oneOpenCasePerMinor(existing, { serviceId: principal.serviceId, startDate: input.startDate, coManagementReason }));
          // Co-management (another service holds an open case): its fact must be recorded.
          if (coManagementReason !== null && existing.some((c) => c.serviceId !== principal.serviceId && openOnOrAfter(c, input.startDate))) {
            throwIfViolated(coManagementJustified(coManagementReason, await findCoManagementRecords(db, input.minorId, input.startDate), activePlacement));
          }
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
     * closeCase: only the holding service (docs/privacy.md §5); the closure has a
     * coded reason (seed 003 §3.2, CASE_CLOSURE_REASON) and an end date not
     * before the start.
     */
    async close(principal: Principal, input: CloseCaseInput): Promise<CaseEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      if (!isUuid(input.caseId)) throw notFound('Case', 'caseId');
      return dataSource.transaction(async (db) => {
        const c = await findCaseForUpdate(db, input.caseId);
        if (!c) throw notFound('Case', 'caseId');
        touchMinor(c.minorId);
        throwIfViolated(heldByService(c, principal.serviceId), caseNotClosed(c));
        if (!isValidCode('CASE_CLOSURE_REASON', input.closureReason, input.endDate)) throw invalidCode('closureReason', 'CASE_CLOSURE_REASON');
        throwIfViolated(endNotBeforeStart(c.startDate, input.endDate, 'endDate'));
        await closeCaseRow(db, c.id, { endDate: input.endDate, closureReason: input.closureReason, closedBy: principal.sub });
        return { ...c, endDate: input.endDate, closureReason: input.closureReason, closedBy: principal.sub };
      });
    },

    /**
     * transferCase: the holding service (docs/privacy.md §5, like closeCase).
     * seed 003 §3.2 "trasferimento ad altro Servizio territoriale": in ONE
     * transaction the case closes on transferDate (TRANSFER_TO_OTHER_SERVICE
     * unless another CASE_CLOSURE_REASON is given) and the receiving service's
     * case opens on the same date (end dates are exclusive: no gap, no
     * overlap), keeping the co-management reason; the closed case stays as
     * history. Returns the new case.
     */
    async transfer(principal: Principal, input: TransferCaseInput): Promise<CaseEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      const closureReason = input.closureReason ?? TRANSFER_CLOSURE_REASON;
      const toServiceId = input.toServiceId.trim();
      throwIfViolated(transferToAnotherService(principal.serviceId, toServiceId), notAfterToday(input.transferDate, clock(), 'transferDate'));
      if (!isValidCode('CASE_CLOSURE_REASON', closureReason, input.transferDate)) throw invalidCode('closureReason', 'CASE_CLOSURE_REASON');
      if (!isUuid(input.caseId)) throw notFound('Case', 'caseId');

      try {
        return await dataSource.transaction(async (db) => {
          const found = await findCaseById(db, input.caseId);
          if (!found) throw notFound('Case', 'caseId');
          touchMinor(found.minorId);
          // Same lock order as openCase (minor, then its cases).
          await lockMinorWithDates(db, found.minorId);
          const c = await findCaseForUpdate(db, found.id);
          if (!c) throw notFound('Case', 'caseId');
          throwIfViolated(heldByService(c, principal.serviceId), caseNotClosed(c), endNotBeforeStart(c.startDate, input.transferDate, 'transferDate'));
          throwIfViolated(receivingServiceFree(await findCasesOfMinor(db, c.minorId), toServiceId, input.transferDate));
          await closeCaseRow(db, c.id, { endDate: input.transferDate, closureReason, closedBy: principal.sub });
          return insertCase(db, {
            minorId: c.minorId,
            serviceId: toServiceId,
            startDate: input.transferDate,
            coManagementReason: c.coManagementReason,
            createdBy: principal.sub,
          });
        });
      } catch (err) {
        const { code, constraint } = pgErrorInfo(err);
        if (code === PG.UNIQUE_VIOLATION && constraint === 'case_one_open_per_service_key') {
          throw new AppError('CASE_ALREADY_OPEN', 'The receiving service already holds an open case for this minor', { field: 'toServiceId' });
        }
        throw err;
      }
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
