import { pseudonymOf } from '@shared/privacy';
import type { DataSource, EntityManager } from 'typeorm';
import { inTerritory, type Principal } from '@shared/auth';
import { AppError, badInput, forbidden, notFound } from '@shared/errors';
import { requireRole } from '@shared/auth';
import { throwIfViolated } from '@shared/errors';
import { isValidCode } from '@shared/codes';
import type { Clock } from '@shared/time';
import {
  findHostedMinors,
  findHostingStructures,
  findPeriodsOfMinor,
  findPeriodsOfStructureFrom,
  findPlacementForUpdate,
  insertPlacement,
  isUuid,
  lockMinor,
  lockStructure,
  setDischarge,
  clearDischarge,
  type PlacementRow,
} from '../repositories/placementRepository';
import { admissionCodesValid, ageWithinRange, bornBeforeAdmission, courtReferenceWhenOrdered, dischargeCancellable, dischargeNotBeforeAdmission, noOverlap, notInFuture, withinCapacity } from '../rules/placementRules';
import { touchMinor } from '@shared/audit';
import { closeOpenAbsences } from '../repositories/absenceRepository';
import { hasRecordsAfter } from '../repositories/structureRecordRepository';
import { placementWriteError } from './placementDbErrors';
import type { Upstream } from './upstream';
import type { PlacementRequestService } from './placementRequestService';
import type { RequestScope } from './deps';
import { insertOutbox } from '../repositories/notificationRepository';
import type { AdmitMinorInput, CancelDischargeInput, DischargeMinorInput } from '../generated/graphql';

type Operator = Extract<Principal, { role: 'STRUCTURE_OPERATOR' }>;

/** docs/privacy.md §5: admit, discharge, record activities or absences — STRUCTURE_OPERATOR of that structure. */
function requireOperatorOf(principal: Principal, structureCode: string): asserts principal is Operator {
  requireRole(principal, ['STRUCTURE_OPERATOR'], 'Only an operator of the structure can record its placements');
  if (principal.structureCode !== structureCode) throw forbidden('Only an operator of the structure can record its placements');
}

const clean = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === '' ? null : s.trim());

export function createPlacementService(deps: { dataSource: DataSource; upstream: Upstream; clock: Clock; requests: PlacementRequestService; pseudonymKey: string } & RequestScope) {
  const { dataSource, upstream, clock, requests, principal, loaders } = deps;
  return {
    /** Placement.minorPseudonym (docs/privacy.md §8): the keyed HMAC of the minor id, as SINBA's Minor.pseudonym. */
    pseudonymOf(p: PlacementRow): string {
      return pseudonymOf(p.minorId, deps.pseudonymKey);
    },

    /**
     * Admission (seed 001: structures record admissions; docs/conventions.md rules):
     * the structure exists and is ACTIVE on the admission date, the minor
     * exists and fits the authorised age range, one placement at a time,
     * capacity never exceeded even under concurrent admissions (an advisory
     * lock per structure serialises them inside the transaction). The kind
     * does not depend on the structure's type: seed 003 §3.9.6 records an
     * emergency placement as EMERGENCY whatever structure takes the minor.
     * docs/privacy.md §3a: a minor with a case open today anywhere is
     * admitted only on a pending request to this structure from a service
     * holding the case (PLACEMENT_NOT_REQUESTED, REQUEST_NOT_PENDING), which
     * the admission fulfils; a minor with no open case may be admitted
     * without one (emergency admission). The services holding the case are
     * notified (outbox, same transaction).
     */
    async admit(input: AdmitMinorInput, within?: EntityManager): Promise<PlacementRow> {
      requireOperatorOf(principal, input.structureCode);
      if (!isUuid(input.minorId)) throw badInput('minorId', 'minorId must be a minor id (UUID)');
      const today = clock();
      throwIfViolated(notInFuture(input.admissionDate, today, 'admissionDate'), courtReferenceWhenOrdered(input.legalBasis, input.courtOrderReference));
      throwIfViolated(admissionCodesValid(input.kind, input.legalBasis, input.admissionDate));

      // Rule checks that need other modules happen before the transaction (no lock held across HTTP).
      // docs/domain.md §6: the structure exists in ASSO and is authorised (not suspended, revoked or closed) on the admission date.
      const structure = await upstream.structure(input.structureCode, input.admissionDate);
      if (!structure) throw new AppError('UNKNOWN_STRUCTURE', 'No structure with this code in the regional registry', { field: 'structureCode' });
      if (structure.statusOn !== 'ACTIVE') {
        throw new AppError('STRUCTURE_NOT_AUTHORISED', `The structure is not authorised on the admission date (status ${structure.statusOn})`, { field: 'admissionDate', status: structure.statusOn });
      }
      const minor = await upstream.minor(input.minorId);
      if (!minor) throw notFound('Minor', 'minorId');
      throwIfViolated(bornBeforeAdmission(minor), ageWithinRange(minor.birthDate, input.admissionDate, structure));
      const requestId = input.requestId ?? null;
      if (requestId !== null && !isUuid(requestId)) throw badInput('requestId', 'requestId must be a placement request id (UUID)');
      const holders = [...new Set((await upstream.caseHolders([input.minorId], today)).map((h) => h.serviceId))];
      if (requestId === null && holders.length > 0) {
        throw new AppError('PLACEMENT_NOT_REQUESTED', 'The minor is in the care of a social service: it must send your structure a placement request first', { field: 'requestId' });
      }

      try {
        return await (within ?? dataSource.manager).transaction(async (tx) => {
          // Capacity under concurrency: admissions into one structure wait for each other here
          // (pg_advisory_xact_lock on a bigint hash of the code, released at commit), so each
          // counts the places the previous one took; the minor's lock does the same for the overlap rule.
          await lockStructure(tx, input.structureCode);
          await lockMinor(tx, input.minorId);
          // Two admissions on one request wait for each other on its row lock: the second finds it ACCEPTED.
          const request = requestId === null ? null : await requests.lockForAdmission(tx, requestId, input.minorId, input.structureCode, holders);
          const candidate = { admissionDate: input.admissionDate, dischargeDate: null };
          throwIfViolated(noOverlap(await findPeriodsOfMinor(tx, input.minorId), candidate));
          const places = structure.capacity + structure.emergencyCapacity;
          throwIfViolated(withinCapacity(await findPeriodsOfStructureFrom(tx, input.structureCode, input.admissionDate), input.admissionDate, places));
          const id = await insertPlacement(tx, {
            minorId: input.minorId,
            structureCode: input.structureCode,
            admissionDate: input.admissionDate,
            kind: input.kind,
            referringService: clean(input.referringService),
            legalBasis: clean(input.legalBasis),
            courtOrderReference: clean(input.courtOrderReference),
            minorBirthDate: minor.birthDate,
            minorSex: minor.sex,
            minorCitizenship: minor.citizenship,
            minorUnaccompanied: minor.unaccompanied,
            structureType: structure.type,
            structureProvince: structure.province,
            actor: principal.sub,
          });
          if (request) await requests.fulfil(tx, request, id, principal.sub);
          await insertOutbox(tx, { kind: 'ADMISSION', minorId: input.minorId.toLowerCase(), placementId: id, eventDate: today });
          const row = await findPlacementForUpdate(tx, id);
          return row as PlacementRow;
        });
      } catch (err) {
        throw placementWriteError(err);
      }
    },

    /** Discharge with a coded outcome, not before the admission (docs/conventions.md). */
    async discharge(input: DischargeMinorInput, within?: EntityManager): Promise<PlacementRow> {
      requireRole(principal, ['STRUCTURE_OPERATOR'], 'Only an operator of the structure can record its placements');
      if (!isUuid(input.placementId)) throw badInput('placementId', 'placementId must be a placement id (UUID)');
      if (!isValidCode('DISCHARGE_OUTCOME', input.dischargeOutcome, input.dischargeDate)) {
        throw new AppError('INVALID_CODE', 'Unknown discharge outcome', { field: 'dischargeOutcome', list: 'DISCHARGE_OUTCOME' });
      }
      throwIfViolated(notInFuture(input.dischargeDate, clock(), 'dischargeDate'));
      try {
        return await (within ?? dataSource.manager).transaction(async (tx) => {
          const placement = await findPlacementForUpdate(tx, input.placementId);
          if (!placement) throw notFound('Placement', 'placementId');
          touchMinor(placement.minorId);
          if (placement.structureCode !== principal.structureCode) throw forbidden('Only an operator of the structure can record its placements');
          if (placement.dischargeDate !== null) throw new AppError('PLACEMENT_CLOSED', 'The placement is already discharged', { field: 'placementId' });
          // A discharge on the admission day is allowed: a same-day placement (rules/placementRules.ts isSameDay).
          throwIfViolated(dischargeNotBeforeAdmission(placement, input.dischargeDate));
          // Absences and activities lie within the placement (rules/absenceRules.ts withinPlacement).
          if (await hasRecordsAfter(tx, placement.id, input.dischargeDate)) {
            throw new AppError('INVALID_DATE_RANGE', 'Absences or activities of the placement follow the discharge date', { field: 'dischargeDate' });
          }
          await closeOpenAbsences(tx, placement.id, input.dischargeDate, principal.sub);
          await setDischarge(tx, placement.id, input.dischargeDate, input.dischargeOutcome, principal.sub);
          await insertOutbox(tx, { kind: 'DISCHARGE', minorId: placement.minorId, placementId: placement.id, eventDate: clock() });
          return (await findPlacementForUpdate(tx, placement.id)) as PlacementRow;
        });
      } catch (err) {
        throw placementWriteError(err);
      }
    },

    /**
     * cancelDischarge (issue 18 item 5): the structure's operator reopens a
     * placement it discharged at most CORRECTION_WINDOW_DAYS ago (a wrong
     * discharge, or one to record again with another date or outcome); later,
     * FORBIDDEN with `correction: ASK_SUPERVISOR`. A minor placed again since
     * (a transfer admitted elsewhere) cannot be reopened: PLACEMENT_OVERLAP.
     * Absences closed by the discharge stay closed. Traced for the audit trail.
     */
    async cancelDischarge(input: CancelDischargeInput): Promise<PlacementRow> {
      requireRole(principal, ['STRUCTURE_OPERATOR'], 'Only an operator of the structure can correct its placements');
      if (!isUuid(input.placementId)) throw badInput('placementId', 'placementId must be a placement id (UUID)');
      try {
        return await dataSource.manager.transaction(async (tx) => {
          const placement = await findPlacementForUpdate(tx, input.placementId);
          if (!placement) throw notFound('Placement', 'placementId');
          touchMinor(placement.minorId);
          if (placement.structureCode !== principal.structureCode) throw forbidden('Only an operator of the structure can correct its placements');
          throwIfViolated(dischargeCancellable(placement, clock()));
          await clearDischarge(tx, placement.id, principal.sub);
          return (await findPlacementForUpdate(tx, placement.id)) as PlacementRow;
        });
      } catch (err) {
        throw placementWriteError(err);
      }
    },

    async byId(id: string): Promise<PlacementRow | null> {
      return loaders.placementById.load(id);
    },

    /**
     * Occupancy is REGISTRY data (docs/privacy.md §4): the structure's own
     * operator, supervisors whose territory holds the structure, social
     * workers and regional analysts; null for anyone else (other modules
     * included: they read placements, not this figure).
     * A supervisor's territory needs the structure's province. ASMI knows it
     * from the placements (kept at admission); for a structure ASMI has never
     * seen it asks the registry (ASSO), so a supervisor of the territory gets
     * 0 and one outside it gets null. Answering 0 without knowing would tell
     * an outsider which structures have no placements, and null would tell
     * them which have some; so the answer for an outsider never depends on
     * ASMI's data (docs/privacy.md: where silent, show less).
     */
    async occupancy(code: string, on: string | null | undefined): Promise<number | null> {
      const date = on ?? clock();
      switch (principal.role) {
        case 'STRUCTURE_OPERATOR':
          if (principal.structureCode !== code) return null;
          break;
        case 'SUPERVISOR': {
          const province = await loaders.structureProvince.load(code);
          if (province === null || !inTerritory(principal, province)) return null;
          break;
        }
        case 'SOCIAL_WORKER':
        case 'REGIONAL_ANALYST':
          break;
        default:
          return null;
      }
      return loaders.occupancyByStructure.load({ code, on: date });
    },

    /** HOSTING lookup for the gateway (docs/privacy.md §3); module-to-module only. */
    async hostedMinors(minorIds: string[], structureCode: string, on: string): Promise<string[]> {
      if (principal.role !== 'SERVICE') throw forbidden('Relationship lookups are for the hub\'s own modules');
      return findHostedMinors(dataSource.manager, minorIds.filter(isUuid), structureCode, on);
    },

    /** HOSTING for many minors at once (SINBA's PLACEMENT_WITHOUT_ADMISSION data-quality check); module-to-module only, at most 1000 ids. */
    async hostingStructures(minorIds: string[], on: string): Promise<{ minorId: string; structureCode: string }[]> {
      if (principal.role !== 'SERVICE') throw forbidden('Relationship lookups are for the hub\'s own modules');
      if (minorIds.length > 1000) throw badInput('minorIds', 'At most 1000 ids per call');
      return findHostingStructures(dataSource.manager, minorIds.filter(isUuid), on);
    },
  };
}

export type PlacementService = ReturnType<typeof createPlacementService>;
