import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { AsmiContext } from '../context';
import type { PlacementRow } from '../repositories/placementRepository';
import type { AdmitMinorInput, CancelDischargeInput, DischargeMinorInput } from '../services/placementService';
import type { EndAbsenceInput, RecordAbsenceInput } from '../services/absenceService';
import type { RecordActivityInput } from '../services/activityService';
import type { CareObservationInput } from '../services/careObservationService';
import type { CareObservationRow } from '../repositories/careObservationRepository';
import type { StructureEventInput } from '../services/eventService';
import type { ProsecutorListRow } from '../services/prosecutorListService';
import type { QualityIssueFilter, QualityIssueLine } from '../services/qualityService';
import type { DeclinePlacementRequestInput, RequestPlacementInput, WithdrawPlacementRequestInput } from '../services/placementRequestService';
import type { PlacementRequestRow } from '../repositories/placementRequestRepository';
import type { NotificationRow } from '../repositories/notificationRepository';
import type { PlacementRequestStatus } from '../rules/placementRequestRules';
import type { CorrectPlacementInput, DecidePlacementCorrectionInput } from '../services/placementCorrectionService';
import type { CorrectionStatus, PlacementCorrectionRow } from '../repositories/placementCorrectionRepository';

/**
 * A mutation that writes placements: once it has committed (the placement
 * trigger queued its minor and structure), the stored data-quality flags of
 * those are rewritten before answering, so the next list read has nothing
 * pending. A failure there (SINBA or ASSO not answering) does not undo the
 * write: the queue stays, and the next read or write retries it.
 */
function afterPlacementWrite<A>(resolve: (p: unknown, args: A, ctx: AsmiContext) => Promise<unknown>) {
  return async (p: unknown, args: A, ctx: AsmiContext) => {
    const result = await resolve(p, args, ctx);
    await ctx.services.quality.refreshPending().catch(() => undefined);
    return result;
  };
}

/** ASMI's resolvers: read arguments and principal, call one service or loader, return. */
export const asmiResolvers = {
  Query: {
    placement: (_p: unknown, args: { id: string }, ctx: AsmiContext) => ctx.services.placements.byId(ctx.loaders, args.id),
    hostedMinors: (_p: unknown, args: { minorIds: string[]; structureCode: string; on: string }, ctx: AsmiContext) =>
      ctx.services.placements.hostedMinors(ctx.principal, args.minorIds, args.structureCode, args.on),
    hostingStructures: (_p: unknown, args: { minorIds: string[]; on: string }, ctx: AsmiContext) => ctx.services.placements.hostingStructures(ctx.principal, args.minorIds, args.on),
    prosecutorList: (_p: unknown, args: { structureCode: string; year: number; half: number }, ctx: AsmiContext) =>
      ctx.services.prosecutorLists.list(ctx.principal, args.structureCode, args.year, args.half),
    placementQualityIssues: (_p: unknown, args: { filter?: QualityIssueFilter | null; first?: number | null; after?: string | null }, ctx: AsmiContext) =>
      ctx.services.quality.issues(ctx.principal, args.filter, args.first, args.after),
    placementRequests: (_p: unknown, args: { status?: PlacementRequestStatus | null; first?: number | null; after?: string | null }, ctx: AsmiContext) =>
      ctx.services.requests.list(ctx.principal, args.status, args.first, args.after),
    notifications: (_p: unknown, args: { unreadOnly?: boolean | null; first?: number | null; after?: string | null }, ctx: AsmiContext) =>
      ctx.services.notifications.list(ctx.principal, args.unreadOnly, args.first, args.after),
    requestedMinors: (_p: unknown, args: { minorIds: string[]; structureCode: string; on: string }, ctx: AsmiContext) =>
      ctx.services.requests.requestedMinors(ctx.principal, args.minorIds, args.structureCode, args.on),
    placementCorrections: (_p: unknown, args: { status?: CorrectionStatus | null; first?: number | null; after?: string | null }, ctx: AsmiContext) =>
      ctx.services.corrections.list(ctx.principal, args.status, args.first, args.after),
  },
  Mutation: {
    admitMinor: afterPlacementWrite((_p: unknown, args: { input: AdmitMinorInput }, ctx: AsmiContext) => ctx.services.placements.admit(ctx.principal, args.input)),
    dischargeMinor: afterPlacementWrite((_p: unknown, args: { input: DischargeMinorInput }, ctx: AsmiContext) => ctx.services.placements.discharge(ctx.principal, args.input)),
    cancelDischarge: afterPlacementWrite((_p: unknown, args: { input: CancelDischargeInput }, ctx: AsmiContext) => ctx.services.placements.cancelDischarge(ctx.principal, args.input)),
    correctPlacement: afterPlacementWrite((_p: unknown, args: { input: CorrectPlacementInput }, ctx: AsmiContext) => ctx.services.corrections.correct(ctx.principal, args.input)),
    requestPlacementCorrection: (_p: unknown, args: { input: CorrectPlacementInput }, ctx: AsmiContext) => ctx.services.corrections.request(ctx.principal, args.input),
    decidePlacementCorrection: afterPlacementWrite((_p: unknown, args: { input: DecidePlacementCorrectionInput }, ctx: AsmiContext) => ctx.services.corrections.decide(ctx.principal, args.input)),
    recordAbsence: (_p: unknown, args: { input: RecordAbsenceInput }, ctx: AsmiContext) => ctx.services.absences.record(ctx.principal, args.input),
    endAbsence: (_p: unknown, args: { input: EndAbsenceInput }, ctx: AsmiContext) => ctx.services.absences.end(ctx.principal, args.input),
    submitEvents: afterPlacementWrite((_p: unknown, args: { events: StructureEventInput[] }, ctx: AsmiContext) => ctx.services.events.submit(ctx.principal, args.events)),
    recordActivity: (_p: unknown, args: { input: RecordActivityInput }, ctx: AsmiContext) => ctx.services.activities.record(ctx.principal, args.input),
    recordCareObservation: (_p: unknown, args: { input: CareObservationInput }, ctx: AsmiContext) => ctx.services.careObservations.record(ctx.principal, args.input),
    requestPlacement: (_p: unknown, args: { input: RequestPlacementInput }, ctx: AsmiContext) => ctx.services.requests.request(ctx.principal, args.input),
    withdrawPlacementRequest: (_p: unknown, args: { input: WithdrawPlacementRequestInput }, ctx: AsmiContext) => ctx.services.requests.withdraw(ctx.principal, args.input),
    declinePlacementRequest: (_p: unknown, args: { input: DeclinePlacementRequestInput }, ctx: AsmiContext) => ctx.services.requests.decline(ctx.principal, args.input),
    markNotificationsRead: (_p: unknown, args: { ids: string[] }, ctx: AsmiContext) => ctx.services.notifications.markRead(ctx.principal, args.ids),
    refreshQualityFlags: (_p: unknown, args: { minorIds?: string[] | null; structureCodes?: string[] | null }, ctx: AsmiContext) =>
      ctx.services.quality.refreshFor(ctx.principal, args.minorIds, args.structureCodes),
  },
  PlacementRequest: {
    __resolveReference: (ref: { id: string }, ctx: AsmiContext) => ctx.loaders.requestById.load(ref.id),
    minor: (r: PlacementRequestRow) => ({ __typename: 'Minor', id: r.minorId }),
    structure: (r: PlacementRequestRow) => ({ __typename: 'Structure', code: r.structureCode }),
    placement: (r: PlacementRequestRow, _a: unknown, ctx: AsmiContext) => (r.placementId ? ctx.loaders.placementById.load(r.placementId) : null),
  },
  Notification: {
    minor: (n: NotificationRow) => ({ __typename: 'Minor', id: n.minorId }),
    placement: (n: NotificationRow, _a: unknown, ctx: AsmiContext) => (n.placementId ? ctx.loaders.placementById.load(n.placementId) : null),
    request: (n: NotificationRow, _a: unknown, ctx: AsmiContext) => (n.requestId ? ctx.loaders.requestById.load(n.requestId) : null),
  },
  NotificationConnection: {
    unreadCount: (c: { unreadCount: () => Promise<number> }) => c.unreadCount(),
  },
  Placement: {
    __resolveReference: (ref: { id: string }, ctx: AsmiContext) => ctx.loaders.placementById.load(ref.id),
    minor: (p: PlacementRow) => ({ __typename: 'Minor', id: p.minorId }),
    minorPseudonym: (p: PlacementRow, _a: unknown, ctx: AsmiContext) => ctx.services.placements.pseudonymOf(p),
    structure: (p: PlacementRow) => ({ __typename: 'Structure', code: p.structureCode }),
    absences: (p: PlacementRow, _a: unknown, ctx: AsmiContext) => ctx.loaders.absencesByPlacementId.load(p.id),
    activities: (p: PlacementRow, _a: unknown, ctx: AsmiContext) => ctx.loaders.activitiesByPlacementId.load(p.id),
    careObservations: (p: PlacementRow, _a: unknown, ctx: AsmiContext) => ctx.loaders.careObservationsByPlacementId.load(p.id),
    qualityFlags: (p: PlacementRow, _a: unknown, ctx: AsmiContext) => ctx.services.quality.flagsOf(ctx.loaders, p),
    corrections: (p: PlacementRow, _a: unknown, ctx: AsmiContext) => ctx.services.corrections.ofPlacement(ctx.principal, p.id),
  },
  PlacementCorrection: {
    __resolveReference: (ref: { id: string }, ctx: AsmiContext) => ctx.services.corrections.byId(ctx.principal, ref.id),
    placement: (c: PlacementCorrectionRow, _a: unknown, ctx: AsmiContext) => ctx.loaders.placementById.load(c.placementId),
    minor: (c: PlacementCorrectionRow) => ({ __typename: 'Minor', id: c.minorId }),
    structure: (c: PlacementCorrectionRow) => ({ __typename: 'Structure', code: c.structureCode }),
  },
  Minor: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    placements: (m: { id: string }, _a: unknown, ctx: AsmiContext) => ctx.loaders.placementsByMinorId.load(m.id),
    viewerHosts: (m: { id: string }, _a: unknown, ctx: AsmiContext) => ctx.loaders.viewerHosts.load(m.id),
    placementRequests: (m: { id: string }, _a: unknown, ctx: AsmiContext) => ctx.loaders.requestsByMinor.load(m.id),
  },
  ProsecutorList: {
    structure: (l: { structureCode: string }) => ({ __typename: 'Structure', code: l.structureCode }),
  },
  CareObservation: {
    // The placement row of the observation: the one the caller may see (visibility), else null, and with it no anchor.
    placement: (o: CareObservationRow, _a: unknown, ctx: AsmiContext) => ctx.loaders.placementById.load(o.placementId),
    minor: (o: CareObservationRow) => ({ __typename: 'Minor', id: o.minorId }),
    structure: (o: CareObservationRow) => ({ __typename: 'Structure', code: o.structureCode }),
  },
  ProsecutorListRow: {
    minor: (r: ProsecutorListRow) => ({ __typename: 'Minor', id: r.placement.minorId }),
  },
  PlacementQualityIssue: {
    structure: (l: QualityIssueLine) => ({ __typename: 'Structure', code: l.structureCode }),
    minor: (l: QualityIssueLine) => ({ __typename: 'Minor', id: l.minorId }),
  },
  Structure: {
    // The representation may carry capacity and emergencyCapacity (@requires of freePlaces).
    __resolveReference: (ref: { code: string; capacity?: number; emergencyCapacity?: number }) => ({ ...ref }),
    placements: (s: { code: string }, args: { activeOn?: string | null }, ctx: AsmiContext) => ctx.loaders.placementsByStructureCode.load({ code: s.code, activeOn: args.activeOn ?? null }),
    occupancy: (s: { code: string }, args: { on?: string | null }, ctx: AsmiContext) => ctx.services.placements.occupancy(ctx.principal, ctx.loaders, s.code, args.on),
    freePlaces: async (s: { code: string; capacity: number; emergencyCapacity: number }, args: { on?: string | null }, ctx: AsmiContext) => {
      const hosted = await ctx.services.placements.occupancy(ctx.principal, ctx.loaders, s.code, args.on);
      return hosted === null ? null : Math.max(0, s.capacity + s.emergencyCapacity - hosted);
    },
    placementRequests: (s: { code: string }, args: { status?: PlacementRequestStatus | null }, ctx: AsmiContext) =>
      ctx.loaders.requestsByStructure.load({ code: s.code, status: args.status ?? null }),
  },
} as unknown as GraphQLResolverMap<AsmiContext>;
