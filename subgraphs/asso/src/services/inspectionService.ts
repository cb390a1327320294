import { isValidCode } from '@shared/codes';
import { PG, pgErrorInfo } from '@shared/db';
import { AppError, notFound } from '@shared/errors';
import type { Principal } from '@shared/auth';
import { InspectionEntity } from '../entities/Inspection';
import { findInspectionForUpdate, findOverdueFollowUps, insertInspection } from '../repositories/inspectionRepository';
import { findStructureByCode } from '../repositories/structureRepository';
import { validateInspectionRecording } from '../rules/inspectionRecording';
import { throwIfViolated } from '@shared/errors';
import { requireSupervisor, requireTerritory } from './access';
import { unknownStructure } from './actService';
import { setChangeContext } from '../repositories/structureHistoryRepository';
import type { ServiceDeps } from './deps';
import { cursorCodec, pageSize, toPage } from '@shared/graphql';
import { optionalText } from './text';

export interface RecordInspectionInput {
  readonly structureCode: string;
  readonly date: string;
  readonly authority: string;
  readonly outcome: string;
  readonly findings?: string | null;
  readonly prescriptions?: string | null;
  readonly followUpDueDate?: string | null;
}

/** `overdueFollowUps(after)`: cursors carry the recording sequence of the last inspection of the page. */
const inspectionCursor = cursorCodec('inspection:', (seq) => /^[0-9]{1,18}$/.test(seq));

const AUTHORITY_LIST = 'INSPECTION_AUTHORITY';
const OUTCOME_LIST = 'INSPECTION_OUTCOME';

export function createInspectionService(deps: ServiceDeps) {
  const { dataSource, clock } = deps;

  return {
    /**
     * recordInspection (seed 002 Allegato A §a point c: supervision by the
     * municipality, the ASL and the NAS): SUPERVISOR whose territory holds the
     * structure's province (docs/privacy.md §5). Authority and outcome are coded
     * (INVALID_CODE). The findings are free text: never logged. One
     * transaction; nothing is written on error.
     */
    async record(principal: Principal, input: RecordInspectionInput): Promise<InspectionEntity> {
      requireSupervisor(principal);
      const candidate = {
        structureCode: input.structureCode.trim(),
        date: input.date,
        authority: input.authority.trim(),
        outcome: input.outcome.trim(),
        findings: optionalText(input.findings),
        prescriptions: optionalText(input.prescriptions),
        followUpDueDate: input.followUpDueDate ?? null,
      };
      try {
        return await dataSource.transaction(async (db) => {
          const structure = await findStructureByCode(db, candidate.structureCode);
          if (!structure) throw unknownStructure();
          requireTerritory(principal, structure.province);
          const today = clock();
          throwIfViolated(validateInspectionRecording(candidate, today));
          if (!isValidCode(AUTHORITY_LIST, candidate.authority, candidate.date)) {
            throw new AppError('INVALID_CODE', 'The authority is not in the INSPECTION_AUTHORITY list', { field: 'authority', list: AUTHORITY_LIST });
          }
          if (!isValidCode(OUTCOME_LIST, candidate.outcome, candidate.date)) {
            throw new AppError('INVALID_CODE', 'The outcome is not in the INSPECTION_OUTCOME list', { field: 'outcome', list: OUTCOME_LIST });
          }
          // seed 002 §a point c: the follow-up is due after the inspection
          if (candidate.followUpDueDate !== null && candidate.followUpDueDate < candidate.date) {
            throw new AppError('INVALID_DATE_RANGE', 'The follow-up due date precedes the inspection', { field: 'followUpDueDate' });
          }
          // effective date of the change in the history (seed 002 §a point d)
          await setChangeContext(db, principal.sub, clock());
          return insertInspection(db, { ...candidate, createdBy: principal.sub });
        });
      } catch (err) {
        if (pgErrorInfo(err).code === PG.FOREIGN_KEY_VIOLATION) throw unknownStructure();
        throw err;
      }
    },

    /**
     * recordInspectionFollowUp (seed 002 §a point c): SUPERVISOR in the
     * structure's territory records the date the follow-up was done: not
     * before the inspection, not in the future.
     */
    async recordFollowUp(principal: Principal, input: { inspectionId: string; doneDate: string }): Promise<InspectionEntity> {
      requireSupervisor(principal);
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.inspectionId)) throw notFound('Inspection', 'inspectionId');
      return dataSource.transaction(async (db) => {
        const found = await findInspectionForUpdate(db, input.inspectionId);
        if (!found) throw notFound('Inspection', 'inspectionId');
        requireTerritory(principal, found.province);
        if (input.doneDate > clock()) throw new AppError('INVALID_DATE_RANGE', 'The date cannot be in the future', { field: 'doneDate' });
        if (input.doneDate < found.date) throw new AppError('INVALID_DATE_RANGE', 'The follow-up precedes the inspection', { field: 'doneDate' });
        await setChangeContext(db, principal.sub, clock());
        const repo = db.getRepository(InspectionEntity);
        await repo.update({ id: input.inspectionId }, { followUpDoneDate: input.doneDate });
        return (await repo.findOneByOrFail({ id: input.inspectionId }));
      });
    },

    /** overdueFollowUps: SUPERVISOR only (FORBIDDEN otherwise), their territory, due before today and not done. */
    async overdue(principal: Principal, args: { first?: number | null; after?: string | null }) {
      requireSupervisor(principal);
      const size = pageSize(args.first);
      const rows = await findOverdueFollowUps(dataSource.manager, principal.territory, clock(), inspectionCursor.after(args.after), size + 1);
      return toPage(rows, size, (r) => r.seq, inspectionCursor);
    },
  };
}

export type InspectionService = ReturnType<typeof createInspectionService>;
