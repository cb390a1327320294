import type { EntityManager } from 'typeorm';
import type { Principal } from '@shared/auth';
import { requireRole } from '@shared/auth';
import { notFound } from '@shared/errors';
import { throwIfViolated, violation } from '@shared/errors';
import { endNotBeforeStart, notAfterToday } from '@shared/rules';
import type { MinorEntity } from '../entities/Minor';
import { FamilyProblemEntity, MinorProblemEntity } from '../entities/Problem';
import { findMinorsByIds } from '../repositories/minorRepository';
import { findForUpdate, insertRow, updateRow } from '../repositories/minorRecords';
import { findRecordPresence, hasUnendedProblem, openFamilyProblemCodes, openMinorProblemCodes } from '../repositories/problemRepository';
import { codeValid } from '../rules/codedLists';
import { exclusiveFamilyProblem, requiredRecordsPresent, unbornProblemsIncludeRequired, unbornProblemsStayAnchored } from '../rules/problems';
import type { ServiceDeps } from './deps';
import { minorOfRecord, writeAsCaseHolder } from './caseHolderWrite';

export interface AddProblemInput {
  readonly minorId: string;
  readonly code: string;
  /** Each problem has its own start date (seed 003 §3.5, §3.8); not after today. */
  readonly startDate: string;
}

export interface EndProblemInput {
  readonly problemId: string;
  readonly endDate: string;
}

type ProblemEntity = typeof MinorProblemEntity | typeof FamilyProblemEntity;

export function createProblemService(deps: ServiceDeps) {
  const { dataSource, clock } = deps;

  /** Date and list checks shared by both kinds of problem. */
  function checkNew(list: 'MINOR_PROBLEM' | 'FAMILY_PROBLEM', input: AddProblemInput) {
    throwIfViolated(notAfterToday(input.startDate, clock(), 'startDate'), codeValid(list, input.code, input.startDate, 'code'));
  }

  async function refuseDuplicate(db: EntityManager, entity: ProblemEntity, minorId: string, code: string) {
    // seed 003 §3.5, §3.8: several problems at once, but the same one is open only once.
    if (await hasUnendedProblem(db, entity, minorId, code)) throwIfViolated(violation('BAD_USER_INPUT', 'This problem is already recorded without an end date', 'code'));
  }

  async function minorRow(db: EntityManager, minorId: string): Promise<MinorEntity> {
    const [m] = await findMinorsByIds(db, [minorId]);
    return m;
  }

  /** End a problem of either kind: the end not before its start, not after today. */
  async function end<T extends MinorProblemEntity | FamilyProblemEntity>(
    principal: Principal,
    entity: ProblemEntity,
    table: string,
    input: EndProblemInput,
    check?: (db: EntityManager, row: T, today: string) => Promise<void>,
  ): Promise<{ db: EntityManager; row: T }> {
    requireRole(principal, ['SOCIAL_WORKER']);
    throwIfViolated(notAfterToday(input.endDate, clock(), 'endDate'));
    const minorId = await minorOfRecord(dataSource.manager, table, input.problemId, 'Problem', 'problemId');
    return writeAsCaseHolder(deps, principal, minorId, async (db, _m, today) => {
      const current = (await findForUpdate(db, entity, input.problemId)) as T | null;
      if (!current) throw notFound('Problem', 'problemId');
      if (current.endDate !== null) throwIfViolated(violation('BAD_USER_INPUT', 'The problem has already ended', 'problemId'));
      throwIfViolated(endNotBeforeStart(current.startDate, input.endDate, 'endDate'));
      if (check) await check(db, current, today);
      return { db, row: (await updateRow(db, entity, current.id, { endDate: input.endDate })) as T };
    });
  }

  return {
    /**
     * addMinorProblem (seed 003 §3.5): one more problem of the minor, with its
     * start date. The records a problem needs (§3.4, §3.5, §3.11: health
     * data, health or additional data, violence record) must already be
     * recorded: otherwise MISSING_REQUIRED_RECORD on `code` with
     * `extensions.required`. Returns the minor (health-related problems are
     * listed in Minor.healthProblems, the others in Minor.problems).
     */
    async addMinorProblem(principal: Principal, input: AddProblemInput): Promise<MinorEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      checkNew('MINOR_PROBLEM', input);
      return writeAsCaseHolder(deps, principal, input.minorId, async (db, minorId, today) => {
        await refuseDuplicate(db, MinorProblemEntity, minorId, input.code);
        const minor = await minorRow(db, minorId);
        throwIfViolated(unbornProblemsIncludeRequired(minor.unborn === true, input.code, await openMinorProblemCodes(db, minorId, today)));
        // Read under the minor's lock: the records cannot change before the insert commits.
        throwIfViolated(requiredRecordsPresent(input.code, await findRecordPresence(db, minorId)));
        await insertRow(db, MinorProblemEntity, { minorId, code: input.code, startDate: input.startDate, createdBy: principal.sub });
        return minor;
      });
    },

    async endMinorProblem(principal: Principal, input: EndProblemInput): Promise<MinorEntity> {
      const { db, row } = await end<MinorProblemEntity>(principal, MinorProblemEntity, 'minor_problem', input, async (tx, current, today) => {
        // seed 003 §3.2.1: an unborn's open problems keep one of the two it must include (read under the minor's lock).
        const minor = await minorRow(tx, current.minorId);
        const others = (await openMinorProblemCodes(tx, current.minorId, today)).filter((c) => c !== current.code);
        throwIfViolated(unbornProblemsStayAnchored(minor.unborn === true, current.code, others));
      });
      return minorRow(db.connection.manager, row.minorId);
    },

    /**
     * addFamilyProblem (seed 003 §3.8): one more problem of the family of
     * origin, with its start date; "nucleo senza problematiche" is not
     * combined with another open family problem (note 10).
     */
    async addFamilyProblem(principal: Principal, input: AddProblemInput): Promise<FamilyProblemEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      checkNew('FAMILY_PROBLEM', input);
      return writeAsCaseHolder(deps, principal, input.minorId, async (db, minorId, today) => {
        await refuseDuplicate(db, FamilyProblemEntity, minorId, input.code);
        throwIfViolated(exclusiveFamilyProblem(input.code, await openFamilyProblemCodes(db, minorId, today)));
        return insertRow(db, FamilyProblemEntity, { minorId, code: input.code, startDate: input.startDate, createdBy: principal.sub });
      });
    },

    async endFamilyProblem(principal: Principal, input: EndProblemInput): Promise<FamilyProblemEntity> {
      return (await end<FamilyProblemEntity>(principal, FamilyProblemEntity, 'family_problem', input)).row;
    },
  };
}

export type ProblemService = ReturnType<typeof createProblemService>;
