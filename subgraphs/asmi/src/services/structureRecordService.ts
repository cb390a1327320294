import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@shared/auth';
import { requireRole } from '@shared/auth';
import { touchMinor } from '@shared/audit';
import { isValidCode } from '@shared/codes';
import { AppError, badInput, forbidden, notFound } from '@shared/errors';
import { throwIfViolated, type Violation } from '@shared/errors';
import { endNotBeforeStart } from '@shared/rules';
import type { Clock } from '@shared/time';
import { findPlacementForUpdate, isUuid, type PlacementRow } from '../repositories/placementRepository';
import { insertRecord, type StructureRecordRow, type StructureRecordTable } from '../repositories/structureRecordRepository';
import { withinPlacement, type DayRange } from '../rules/absenceRules';
import { notInFuture } from '../rules/placementRules';

const FORBIDDEN_MSG = 'Only an operator of the structure can record its placements';

type Operator = Extract<Principal, { role: 'STRUCTURE_OPERATOR' }>;

/** docs/privacy.md §5: only the STRUCTURE_OPERATOR of the placement's structure writes its records. */
export function requireOperator(principal: Principal): asserts principal is Operator {
  requireRole(principal, ['STRUCTURE_OPERATOR'], FORBIDDEN_MSG);
}

/** The placement, locked for the transaction (serialises writes on its absences/activities and its discharge), of the caller's structure. */
export async function lockOwnPlacement(tx: EntityManager, principal: Operator, placementId: string): Promise<PlacementRow> {
  const placement = await findPlacementForUpdate(tx, placementId);
  if (!placement) throw notFound('Placement', 'placementId');
  touchMinor(placement.minorId); // docs/privacy.md §7: before the structure check, so a refusal is audited too
  if (placement.structureCode !== principal.structureCode) throw forbidden(FORBIDDEN_MSG);
  return placement;
}

const clean = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === '' ? null : s.trim());

/** A record as the mutations give it, whatever the names of its fields. */
export interface RecordInput {
  readonly placementId: string;
  readonly code: string;
  readonly start: string;
  readonly endDate?: string | null;
  readonly notes?: string | null;
}

/** What sets one kind of record apart (an absence, an activity); all the rest is the same. */
export interface StructureRecordKind<Input, C extends string, S extends string> {
  readonly table: StructureRecordTable<C, S>;
  /** The input's fields under common names. */
  readonly read: (input: Input) => RecordInput;
  /** The code list of the coded field, and the message when a code is not in it. */
  readonly codeList: 'ABSENCE_KIND' | 'ACTIVITY_TYPE';
  readonly unknownCode: string;
  /**
   * A record without an end date: ONGOING (an absence: the minor is still
   * away) or ONE_DAY (an activity on its date); the placement rule reads it so.
   */
  readonly openEnd: 'ONGOING' | 'ONE_DAY';
  /** Rules comparing the record with the placement's other records (inside the transaction, the placement locked). */
  readonly againstOthers?: (tx: EntityManager, placementId: string, range: DayRange) => Promise<Violation | null>;
  /** Written in the same transaction once the record is (e.g. the outbox). */
  readonly afterRecord?: (tx: EntityManager, placement: PlacementRow, row: StructureRecordRow<C, S>, today: string) => Promise<void>;
  /** A database error turned into the API's error. */
  readonly writeError?: (err: unknown) => unknown;
}

/**
 * record: the structure's operator only (docs/privacy.md §5); a known code;
 * not in the future; the end not before the start; within the placement
 * (rules/absenceRules.ts withinPlacement), plus the kind's own rules; in one
 * transaction with the placement locked.
 */
export function createStructureRecordService<Input, C extends string, S extends string>(
  kind: StructureRecordKind<Input, C, S>,
  deps: { dataSource: DataSource; clock: Clock; principal: Principal },
) {
  const { dataSource, clock, principal } = deps;
  const startField = kind.table.start.field;
  return {
    async record(input: Input, within?: EntityManager): Promise<StructureRecordRow<C, S>> {
      requireOperator(principal);
      const r = kind.read(input);
      if (!isUuid(r.placementId)) throw badInput('placementId', 'placementId must be a placement id (UUID)');
      const endDate = r.endDate ?? null;
      const today = clock();
      throwIfViolated(notInFuture(r.start, today, startField), endDate === null ? null : notInFuture(endDate, today, 'endDate'), endNotBeforeStart(r.start, endDate, 'endDate'));
      if (!isValidCode(kind.codeList, r.code, r.start)) throw new AppError('INVALID_CODE', kind.unknownCode, { field: kind.table.code.field, list: kind.codeList });
      try {
        return await (within ?? dataSource.manager).transaction(async (tx) => {
          const placement = await lockOwnPlacement(tx, principal, r.placementId);
          const range = { startDate: r.start, endDate: kind.openEnd === 'ONE_DAY' ? (endDate ?? r.start) : endDate };
          throwIfViolated(withinPlacement(placement, range, startField, 'endDate'), kind.againstOthers ? await kind.againstOthers(tx, placement.id, range) : null);
          const row = await insertRecord(tx, kind.table, { placementId: placement.id, code: r.code, start: r.start, endDate, notes: clean(r.notes), actor: principal.sub });
          await kind.afterRecord?.(tx, placement, row, today);
          return row;
        });
      } catch (err) {
        throw kind.writeError ? kind.writeError(err) : err;
      }
    },
  };
}
