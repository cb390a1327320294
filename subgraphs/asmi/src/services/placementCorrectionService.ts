import type { DataSource, EntityManager } from 'typeorm';
import { inTerritory, type Principal } from '@shared/auth';
import { AppError, badInput, forbidden, notFound } from '@shared/errors';
import { requireRole } from '@shared/auth';
import { throwIfViolated, type Violation } from '@shared/errors';
import { touchMinor } from '@shared/audit';
import { cursorCodec, pageSize, toPage } from '@shared/graphql';
import type { Clock } from '@shared/time';
import { findPeriodsOfMinor, findPeriodsOfStructureFrom, findPlacementForUpdate, isUuid, lockMinor, lockStructure, type PlacementRow } from '../repositories/placementRepository';
import {
  findCorrectionForUpdate,
  findCorrectionPage,
  findCorrectionsByPlacements,
  findCorrectionsById,
  findPendingOfPlacement,
  firstAdmissionDate,
  hasRecordsBefore,
  insertCorrection,
  setAdmissionFacts,
  setCorrectionDecision,
  type CorrectionStatus,
  type CorrectionVisibility,
  type PlacementCorrectionRow,
} from '../repositories/placementCorrectionRepository';
import { insertOutbox } from '../repositories/notificationRepository';
import { admissionCodesValid, ageWithinRange, courtReferenceWhenOrdered, dischargeNotBeforeAdmission, noOverlap, notInFuture, withinCapacity } from '../rules/placementRules';
import { changedFacts, correctionWindowOpen, MAX_CORRECTION_TEXT, reasonGiven, type AdmissionFacts, type FactChanges } from '../rules/placementCorrectionRules';
import { placementWriteError } from './placementDbErrors';
import type { StructureFacts, Upstream } from './upstream';
import type { RequestScope } from './deps';
import type { CorrectPlacementInput, DecidePlacementCorrectionInput } from '../generated/graphql';

const STATUSES: readonly CorrectionStatus[] = ['APPLIED', 'PENDING', 'REJECTED'];

const correctionCursor = cursorCodec('pcor:', (k) => {
  const [at, id] = k.split('|');
  return id !== undefined && isUuid(id) && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(at);
});

const factsOf = (p: PlacementRow): AdmissionFacts => ({
  admissionDate: p.admissionDate,
  kind: p.kind,
  legalBasis: p.legalBasis,
  courtOrderReference: p.courtOrderReference,
  referringService: p.referringService,
});

function orThrow<T extends object>(r: T | Violation): T {
  if ('code' in r && 'message' in r) throwIfViolated(r as Violation);
  return r as T;
}

export function correctionVisibilityFor(principal: Principal): CorrectionVisibility {
  if (principal.role === 'STRUCTURE_OPERATOR') return { kind: 'structure', structureCode: principal.structureCode };
  if (principal.role === 'SUPERVISOR') return { kind: 'territory', provinces: principal.territory };
  return { kind: 'none' };
}

/**
 * Corrections of a placement's admission facts (issue 18 item 5; which path
 * applies when: docs/domain.md "Correcting a placement").
 * - `correct`: the structure that recorded the placement, within 30 days of
 *   the admission date, changes the admission date, kind, legal basis, court
 *   order reference or referring service; every admission rule is checked on
 *   the corrected facts (codes, dates, the structure authorised and the age
 *   range on the new date, overlap, capacity, records of the placement inside
 *   it), in one transaction, with the correction history row and the
 *   notification to the services holding the case.
 * - `request`: after the window, the structure asks a supervisor of the
 *   territory (one pending request per placement); `decide`: the supervisor
 *   applies it (the same rules, now) or rejects it with a reason; the
 *   structure is notified either way.
 * Every write traces the minor for the audit trail (touchMinor) before any check.
 */
export function createPlacementCorrectionService(deps: { dataSource: DataSource; upstream: Upstream; clock: Clock } & RequestScope) {
  const { dataSource, upstream, clock, principal } = deps;

  /** Checks that need no database: codes, dates not in the future, the court order reference. */
  function checkFacts(next: AdmissionFacts, changed: Partial<AdmissionFacts>): void {
    if (changed.admissionDate !== undefined) {
      if (!/^\d{4}-\d\d-\d\d$/.test(next.admissionDate)) throw badInput('admissionDate', 'admissionDate must be a date (YYYY-MM-DD)');
      throwIfViolated(notInFuture(next.admissionDate, clock(), 'admissionDate'));
    }
    throwIfViolated(admissionCodesValid(next.kind, next.legalBasis, next.admissionDate));
    throwIfViolated(courtReferenceWhenOrdered(next.legalBasis, next.courtOrderReference));
    for (const key of ['courtOrderReference', 'referringService'] as const) {
      const v = next[key];
      if (v !== null && v.length > MAX_CORRECTION_TEXT) throw badInput(key, `${key} must be at most ${MAX_CORRECTION_TEXT} characters`);
    }
  }

  /** The registry's facts of the structure on a new admission date (asked before any lock is taken). */
  async function structureOn(code: string, date: string): Promise<StructureFacts> {
    const structure = await upstream.structure(code, date);
    if (!structure) throw new AppError('UNKNOWN_STRUCTURE', 'No structure with this code in the regional registry', { field: 'placementId' });
    if (structure.statusOn !== 'ACTIVE') {
      throw new AppError('STRUCTURE_NOT_AUTHORISED', `The structure is not authorised on the corrected admission date (status ${structure.statusOn})`, { field: 'admissionDate', status: structure.statusOn });
    }
    return structure;
  }

  /** Rules that read the placement's neighbours, inside the transaction holding the structure's and minor's locks. */
  async function checkInTransaction(tx: EntityManager, placement: PlacementRow, next: AdmissionFacts, structure: StructureFacts | null): Promise<void> {
    if (next.admissionDate === placement.admissionDate) return;
    if (placement.dischargeDate !== null) throwIfViolated(dischargeNotBeforeAdmission({ admissionDate: next.admissionDate, dischargeDate: null }, placement.dischargeDate));
    if (structure) throwIfViolated(ageWithinRange(placement.minorBirthDate, next.admissionDate, structure));
    const candidate = { admissionDate: next.admissionDate, dischargeDate: placement.dischargeDate };
    throwIfViolated(noOverlap(await findPeriodsOfMinor(tx, placement.minorId, placement.id), candidate));
    if (next.admissionDate < placement.admissionDate && structure) {
      const places = structure.capacity + structure.emergencyCapacity;
      throwIfViolated(withinCapacity(await findPeriodsOfStructureFrom(tx, placement.structureCode, next.admissionDate, placement.id), next.admissionDate, places));
    }
    if (next.admissionDate > placement.admissionDate && (await hasRecordsBefore(tx, placement.id, next.admissionDate))) {
      throw new AppError('INVALID_DATE_RANGE', 'Absences, activities or care observations of the placement precede the corrected admission date', { field: 'admissionDate' });
    }
  }

  /** Read the placement (no lock), trace its minor, and check the caller is an operator of its structure. */
  async function ownPlacement(placementId: string): Promise<PlacementRow & { actor: string }> {
    requireRole(principal, ['STRUCTURE_OPERATOR'], 'Only an operator of the structure can correct its placements');
    const actor = principal.sub ?? '';
    if (!isUuid(placementId)) throw badInput('placementId', 'placementId must be a placement id (UUID)');
    const placement = await findPlacementForUpdate(dataSource.manager, placementId);
    if (!placement) throw notFound('Placement', 'placementId');
    touchMinor(placement.minorId);
    if (principal.role !== 'STRUCTURE_OPERATOR' || placement.structureCode !== principal.structureCode) throw forbidden('Only an operator of the structure can correct its placements');
    return { ...placement, actor };
  }

  /** Apply changes to a locked placement: rules, the new facts, the notification to the case holders. */
  async function apply(tx: EntityManager, placement: PlacementRow, changes: FactChanges, structure: StructureFacts | null, actor: string) {
    const diff = orThrow(changedFacts(factsOf(placement), changes));
    checkFacts(diff.next, diff.after);
    // The registry's facts were read for the proposed date before the locks; a date changed meanwhile by someone else has none.
    if (diff.after.admissionDate !== undefined && structure === null) throw new AppError('BAD_USER_INPUT', 'The placement changed meanwhile: read it again', { field: 'placementId' });
    await checkInTransaction(tx, placement, diff.next, structure);
    await setAdmissionFacts(tx, placement.id, diff.next, actor);
    await insertOutbox(tx, { kind: 'PLACEMENT_CORRECTED', minorId: placement.minorId, placementId: placement.id, eventDate: clock() });
    return diff;
  }

  return {
    /** correctPlacement: the structure, within the window. Returns the corrected placement. */
    async correct(input: CorrectPlacementInput): Promise<PlacementRow> {
      const placement = await ownPlacement(input.placementId);
      throwIfViolated(reasonGiven(input.reason));
      const diff = orThrow(changedFacts(factsOf(placement), input));
      checkFacts(diff.next, diff.after);
      throwIfViolated(correctionWindowOpen(await firstAdmissionDate(dataSource.manager, placement.id, placement.admissionDate), clock()));
      const structure = diff.after.admissionDate !== undefined ? await structureOn(placement.structureCode, diff.next.admissionDate) : null;
      try {
        return await dataSource.transaction(async (tx) => {
          await lockStructure(tx, placement.structureCode);
          await lockMinor(tx, placement.minorId);
          const locked = (await findPlacementForUpdate(tx, placement.id)) as PlacementRow;
          throwIfViolated(correctionWindowOpen(await firstAdmissionDate(tx, locked.id, locked.admissionDate), clock()));
          const applied = await apply(tx, locked, input, structure, placement.actor);
          await insertCorrection(tx, {
            placementId: locked.id,
            minorId: locked.minorId,
            structureCode: locked.structureCode,
            structureProvince: locked.structureProvince,
            path: 'STRUCTURE',
            status: 'APPLIED',
            before: applied.before,
            after: applied.after,
            reason: input.reason.trim(),
            requestedBy: placement.actor,
            decided: true,
          });
          return (await findPlacementForUpdate(tx, locked.id)) as PlacementRow;
        });
      } catch (err) {
        throw placementWriteError(err);
      }
    },

    /** requestPlacementCorrection: the structure, after the window, asks a supervisor of the territory. */
    async request(input: CorrectPlacementInput): Promise<PlacementCorrectionRow> {
      const placement = await ownPlacement(input.placementId);
      throwIfViolated(reasonGiven(input.reason));
      const diff = orThrow(changedFacts(factsOf(placement), input));
      checkFacts(diff.next, diff.after);
      return dataSource.transaction(async (tx) => {
        const locked = (await findPlacementForUpdate(tx, placement.id)) as PlacementRow;
        const pending = await findPendingOfPlacement(tx, locked.id);
        if (pending) throw new AppError('CORRECTION_ALREADY_REQUESTED', 'A correction request for this placement is already waiting for the supervisor', { field: 'placementId', correctionId: pending.id });
        const id = await insertCorrection(tx, {
          placementId: locked.id,
          minorId: locked.minorId,
          structureCode: locked.structureCode,
          structureProvince: locked.structureProvince,
          path: 'SUPERVISOR',
          status: 'PENDING',
          before: diff.before,
          after: diff.after,
          reason: input.reason.trim(),
          requestedBy: placement.actor,
          decided: false,
        });
        return (await findCorrectionForUpdate(tx, id)) as PlacementCorrectionRow;
      });
    },

    /** decidePlacementCorrection: a supervisor of the structure's territory applies or rejects a pending request. */
    async decide(input: DecidePlacementCorrectionInput): Promise<PlacementCorrectionRow> {
      requireRole(principal, ['SUPERVISOR'], 'Only a supervisor of the territory decides correction requests');
      if (!isUuid(input.correctionId)) throw badInput('correctionId', 'correctionId must be a correction request id (UUID)');
      const first = await findCorrectionForUpdate(dataSource.manager, input.correctionId);
      if (!first) throw notFound('PlacementCorrection', 'correctionId');
      touchMinor(first.minorId);
      const actor = principal.sub ?? '';
      if (!inTerritory(principal, first.structureProvince)) throw forbidden('Only a supervisor of the territory decides correction requests');
      if (first.status !== 'PENDING') throw new AppError('CORRECTION_NOT_PENDING', `The correction request is no longer pending (${first.status})`, { field: 'correctionId', status: first.status });
      const reason = input.reason?.trim() ? input.reason.trim() : null;
      if (!input.approve) throwIfViolated(reasonGiven(reason));
      else if (reason !== null && reason.length > MAX_CORRECTION_TEXT) throw badInput('reason', `reason must be at most ${MAX_CORRECTION_TEXT} characters`);
      const newDate = first.after.admissionDate;
      const structure = input.approve && newDate ? await structureOn(first.structureCode, newDate) : null;
      try {
        return await dataSource.transaction(async (tx) => {
          await lockStructure(tx, first.structureCode);
          await lockMinor(tx, first.minorId);
          const correction = (await findCorrectionForUpdate(tx, first.id)) as PlacementCorrectionRow;
          if (correction.status !== 'PENDING') throw new AppError('CORRECTION_NOT_PENDING', `The correction request is no longer pending (${correction.status})`, { field: 'correctionId', status: correction.status });
          const placement = (await findPlacementForUpdate(tx, correction.placementId)) as PlacementRow;
          if (input.approve) await apply(tx, placement, correction.after, structure, actor);
          await setCorrectionDecision(tx, correction.id, { status: input.approve ? 'APPLIED' : 'REJECTED', actor, reason });
          await insertOutbox(tx, {
            kind: input.approve ? 'CORRECTION_APPLIED' : 'CORRECTION_REJECTED',
            minorId: correction.minorId,
            placementId: correction.placementId,
            eventDate: clock(),
            recipient: { kind: 'STRUCTURE', id: correction.structureCode },
          });
          return (await findCorrectionForUpdate(tx, correction.id)) as PlacementCorrectionRow;
        });
      } catch (err) {
        throw placementWriteError(err);
      }
    },

    /** Placement.corrections: the history of one placement, for the structure and the supervisors of its territory (one statement per placement: read on the placement's screen, not in lists). */
    async ofPlacement(placementId: string): Promise<PlacementCorrectionRow[]> {
      return findCorrectionsByPlacements(dataSource.manager, [placementId], correctionVisibilityFor(principal));
    },

    async byId(id: string): Promise<PlacementCorrectionRow | null> {
      if (!isUuid(id)) return null;
      return (await findCorrectionsById(dataSource.manager, id, correctionVisibilityFor(principal))) ?? null;
    },

    /** placementCorrections: the structure's own, or a supervisor's territory's, newest first. */
    async list(status: CorrectionStatus | null | undefined, first: number | null | undefined, after: string | null | undefined) {
      requireRole(principal, ['STRUCTURE_OPERATOR', 'SUPERVISOR'], 'Correction requests are read by the structure and the supervisors of its territory');
      if (status != null && !STATUSES.includes(status)) throw badInput('status', 'Unknown status');
      const size = pageSize(first);
      const key = correctionCursor.after(after);
      const [at, id] = key ? key.split('|') : [null, null];
      const rows = await findCorrectionPage(dataSource.manager, correctionVisibilityFor(principal), status ?? null, at && id ? { at, id } : null, size + 1);
      return toPage(rows, size, (r) => `${r.requestedAt}|${r.id}`, correctionCursor);
    },
  };
}

export type PlacementCorrectionService = ReturnType<typeof createPlacementCorrectionService>;
