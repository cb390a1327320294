import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@shared/auth';
import { AppError, badInput, forbidden, notFound } from '@shared/errors';
import { requireRole } from '@shared/auth';
import { throwIfViolated } from '@shared/errors';
import { touchMinor } from '@shared/audit';
import { cursorCodec, pageSize, toPage } from '@shared/graphql';
import type { Clock } from '@shared/time';
import {
  findOtherPendingOfMinor,
  findRequestForUpdate,
  findRequestPage,
  findRequestedMinors,
  insertPlacementRequest,
  requestVisibilityFor,
  setRequestDecision,
  type PlacementRequestRow,
} from '../repositories/placementRequestRepository';
import { insertOutbox } from '../repositories/notificationRepository';
import { isUuid } from '../repositories/placementRepository';
import { admissionCodesValid, courtReferenceWhenOrdered } from '../rules/placementRules';
import { MAX_REQUEST_TEXT, type PlacementRequestStatus } from '../rules/placementRequestRules';
import type { Upstream } from './upstream';
import type { DeclinePlacementRequestInput, RequestPlacementInput, WithdrawPlacementRequestInput } from '../generated/graphql';

const clean = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === '' ? null : s.trim());

function boundedText(field: string, s: string | null): string | null {
  if (s !== null && s.length > MAX_REQUEST_TEXT) throw badInput(field, `${field} must be at most ${MAX_REQUEST_TEXT} characters`);
  return s;
}

const STATUSES: readonly PlacementRequestStatus[] = ['PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED'];

/** Cursor of the request lists: created_at and id of the last row (no personal data). */
const requestCursor = cursorCodec(
  'preq:',
  (k) => {
    const [at, id] = k.split('|');
    return id !== undefined && isUuid(id) && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(at);
  },
);

export function notPending(r: PlacementRequestRow): AppError {
  return new AppError('REQUEST_NOT_PENDING', `The placement request is no longer pending (${r.status})`, { field: 'requestId', status: r.status });
}

/**
 * Placement requests (docs/privacy.md §3a, §5): the service holding a
 * minor's case asks a structure to take the minor in; the structure admits
 * (admitMinor with the requestId, services/placementService.ts) or declines;
 * the service may withdraw while it is pending. Each change writes its
 * notification intent in the same transaction (the outbox).
 */
export function createPlacementRequestService(deps: { dataSource: DataSource; upstream: Upstream; clock: Clock; principal: Principal }) {
  const { dataSource, upstream, clock, principal } = deps;

  /** Lock a request for a decision; refuses an unknown id. */
  async function lock(tx: EntityManager, requestId: string): Promise<PlacementRequestRow> {
    if (!isUuid(requestId)) throw badInput('requestId', 'requestId must be a placement request id (UUID)');
    const r = await findRequestForUpdate(tx, requestId, clock());
    if (!r) throw notFound('PlacementRequest', 'requestId');
    touchMinor(r.minorId);
    return r;
  }

  return {
    /** requestPlacement: a SOCIAL_WORKER whose service holds an open case for the minor today (asked to SINBA). */
    async request(input: RequestPlacementInput): Promise<PlacementRequestRow> {
      requireRole(principal, ['SOCIAL_WORKER'], 'Only a social worker of a service holding the case can request a placement');
      touchMinor(input.minorId);
      if (!isUuid(input.minorId)) throw badInput('minorId', 'minorId must be a minor id (UUID)');
      const today = clock();
      throwIfViolated(courtReferenceWhenOrdered(input.legalBasis, input.courtOrderReference));
      throwIfViolated(admissionCodesValid(input.kind, input.legalBasis, input.requestedAdmissionDate));
      const note = boundedText('note', clean(input.note));
      const courtOrderReference = boundedText('courtOrderReference', clean(input.courtOrderReference));
      // docs/privacy.md §5: only a service holding the case asks (SINBA knows; asked before any lock).
      const holders = await upstream.caseHolders([input.minorId], today);
      if (!holders.some((h) => h.serviceId === principal.serviceId)) throw forbidden('Only a service holding an open case for the minor can request a placement');
      const structure = await upstream.structure(input.structureCode, input.requestedAdmissionDate);
      if (!structure) throw new AppError('UNKNOWN_STRUCTURE', 'No structure with this code in the regional registry', { field: 'structureCode' });
      if (structure.statusOn !== 'ACTIVE') {
        throw new AppError('STRUCTURE_NOT_AUTHORISED', `The structure is not authorised on the requested admission date (status ${structure.statusOn})`, { field: 'requestedAdmissionDate', status: structure.statusOn });
      }
      return dataSource.transaction(async (tx) => {
        const id = await insertPlacementRequest(tx, {
          minorId: input.minorId.toLowerCase(),
          structureCode: structure.code,
          requestedBy: principal.serviceId,
          requestedAdmissionDate: input.requestedAdmissionDate,
          kind: input.kind,
          legalBasis: clean(input.legalBasis),
          courtOrderReference,
          note,
          createdOn: today,
          actor: principal.sub,
        });
        await insertOutbox(tx, { kind: 'PLACEMENT_REQUESTED', minorId: input.minorId.toLowerCase(), requestId: id, eventDate: today, recipient: { kind: 'STRUCTURE', id: structure.code } });
        return (await findRequestForUpdate(tx, id, today)) as PlacementRequestRow;
      });
    },

    /** withdrawPlacementRequest: the requesting service, while the request is pending. */
    async withdraw(input: WithdrawPlacementRequestInput): Promise<PlacementRequestRow> {
      requireRole(principal, ['SOCIAL_WORKER'], 'Only the requesting service can withdraw a placement request');
      const reason = boundedText('reason', clean(input.reason));
      return dataSource.transaction(async (tx) => {
        const r = await lock(tx, input.requestId);
        if (r.requestedBy !== principal.serviceId) throw forbidden('Only the requesting service can withdraw a placement request');
        if (r.status !== 'PENDING') throw notPending(r);
        await setRequestDecision(tx, r.id, { status: 'WITHDRAWN', actor: principal.sub, withdrawReason: reason });
        await insertOutbox(tx, { kind: 'REQUEST_WITHDRAWN', minorId: r.minorId, requestId: r.id, eventDate: clock(), recipient: { kind: 'STRUCTURE', id: r.structureCode } });
        return (await findRequestForUpdate(tx, r.id, clock())) as PlacementRequestRow;
      });
    },

    /** declinePlacementRequest: an operator of the requested structure, with a reason, while it is pending. */
    async decline(input: DeclinePlacementRequestInput): Promise<PlacementRequestRow> {
      requireRole(principal, ['STRUCTURE_OPERATOR'], 'Only the requested structure can decline a placement request');
      const reason = boundedText('reason', clean(input.reason));
      if (reason === null) throw badInput('reason', 'A decline needs its reason');
      return dataSource.transaction(async (tx) => {
        const r = await lock(tx, input.requestId);
        if (r.structureCode !== principal.structureCode) throw forbidden('Only the requested structure can decline a placement request');
        if (r.status !== 'PENDING') throw notPending(r);
        await setRequestDecision(tx, r.id, { status: 'DECLINED', actor: principal.sub, declineReason: reason });
        await insertOutbox(tx, { kind: 'REQUEST_DECLINED', minorId: r.minorId, requestId: r.id, eventDate: clock(), recipient: { kind: 'SERVICE', id: r.requestedBy } });
        return (await findRequestForUpdate(tx, r.id, clock())) as PlacementRequestRow;
      });
    },

    /**
     * The admission side (called by placementService.admit inside its
     * transaction, after the minor's and the structure's locks): lock the
     * request, check it is pending, addressed to this structure for this
     * minor and made by a service that holds the case today; then, once the
     * placement exists, `fulfil` marks it ACCEPTED and withdraws the minor's
     * other pending requests (the REQUESTED relationship ends with them).
     */
    async lockForAdmission(tx: EntityManager, requestId: string, minorId: string, structureCode: string, holders: readonly string[]): Promise<PlacementRequestRow> {
      const r = await lock(tx, requestId);
      if (r.structureCode !== structureCode || r.minorId !== minorId.toLowerCase()) {
        throw new AppError('PLACEMENT_NOT_REQUESTED', 'The placement request is not addressed to this structure for this minor', { field: 'requestId' });
      }
      if (r.status !== 'PENDING') throw notPending(r);
      if (holders.length > 0 && !holders.includes(r.requestedBy)) {
        throw new AppError('PLACEMENT_NOT_REQUESTED', 'The service that made the request no longer holds the minor\'s case', { field: 'requestId' });
      }
      return r;
    },

    async fulfil(tx: EntityManager, r: PlacementRequestRow, placementId: string, actor: string): Promise<void> {
      const today = clock();
      await setRequestDecision(tx, r.id, { status: 'ACCEPTED', actor, placementId });
      await insertOutbox(tx, { kind: 'REQUEST_ACCEPTED', minorId: r.minorId, placementId, requestId: r.id, eventDate: today, recipient: { kind: 'SERVICE', id: r.requestedBy } });
      for (const other of await findOtherPendingOfMinor(tx, r.minorId, r.id, today)) {
        await setRequestDecision(tx, other.id, { status: 'WITHDRAWN', actor: 'system:fulfilled-elsewhere', withdrawReason: 'FULFILLED_ELSEWHERE' });
        await insertOutbox(tx, { kind: 'REQUEST_WITHDRAWN', minorId: other.minorId, requestId: other.id, eventDate: today, recipient: { kind: 'STRUCTURE', id: other.structureCode } });
      }
    },

    /** placementRequests(status, first, after): the caller's service's or structure's requests, newest first. */
    async list(status: PlacementRequestStatus | null | undefined, first: number | null | undefined, after: string | null | undefined) {
      requireRole(principal, ['SOCIAL_WORKER', 'STRUCTURE_OPERATOR'], 'Placement requests are listed by the requesting service or the requested structure');
      const size = pageSize(first);
      if (status != null && !STATUSES.includes(status)) throw badInput('status', 'Unknown status');
      const key = requestCursor.after(after);
      const [at, id] = key ? key.split('|') : [null, null];
      const rows = await findRequestPage(dataSource.manager, requestVisibilityFor(principal), status ?? null, clock(), at && id ? { createdAt: at, id } : null, size + 1);
      return toPage(rows, size, (r) => `${r.createdAt}|${r.id}`, requestCursor);
    },

    /** docs/privacy.md §3 REQUESTED lookup for the gateway; module-to-module only. */
    async requestedMinors(minorIds: string[], structureCode: string, on: string): Promise<string[]> {
      if (principal.role !== 'SERVICE') throw forbidden('Relationship lookups are for the hub\'s own modules');
      return findRequestedMinors(dataSource.manager, minorIds.filter(isUuid), structureCode, on);
    },
  };
}

export type PlacementRequestService = ReturnType<typeof createPlacementRequestService>;
