import type { AsmiContext } from '../context';
import { reportResolvers } from '../reporting';
import type { MutationAdmitMinorArgs, MutationCancelDischargeArgs, MutationCorrectPlacementArgs, MutationDecidePlacementCorrectionArgs, MutationDischargeMinorArgs, MutationSubmitEventsArgs, Resolvers } from '../generated/graphql';

/**
 * A mutation that writes placements: once it has committed (the placement
 * trigger queued its minor and structure), the stored data-quality flags of
 * those are rewritten before answering, so the next list read has nothing
 * pending. A failure there (SINBA or ASSO not answering) does not undo the
 * write: the queue stays, and the next read or write retries it.
 */
function afterPlacementWrite<A, R>(resolve: (args: A, ctx: AsmiContext) => Promise<R>) {
  return async (_p: unknown, args: A, ctx: AsmiContext): Promise<R> => {
    const result = await resolve(args, ctx);
    await ctx.services.quality.refreshPending().catch(() => undefined);
    return result;
  };
}

/** ASMI's resolvers: read arguments and principal, call one service or loader, return. */
export const asmiResolvers: Resolvers = {
  Query: {
    placement: (_p, args, ctx) => ctx.services.placements.byId(args.id),
    hostedMinors: (_p, args, ctx) =>
      ctx.services.placements.hostedMinors(args.minorIds, args.structureCode, args.on),
    hostingStructures: (_p, args, ctx) => ctx.services.placements.hostingStructures(args.minorIds, args.on),
    prosecutorList: (_p, args, ctx) =>
      ctx.services.prosecutorLists.list(args.structureCode, args.year, args.half),
    placementQualityIssues: (_p, args, ctx) =>
      ctx.services.quality.issues(args.filter, args.first, args.after),
    placementRequests: (_p, args, ctx) =>
      ctx.services.requests.list(args.status, args.first, args.after),
    notifications: (_p, args, ctx) =>
      ctx.services.notifications.list(args.unreadOnly, args.first, args.after),
    requestedMinors: (_p, args, ctx) =>
      ctx.services.requests.requestedMinors(args.minorIds, args.structureCode, args.on),
    placementCorrections: (_p, args, ctx) =>
      ctx.services.corrections.list(args.status, args.first, args.after),
    ...reportResolvers.Query,
  },
  Mutation: {
    admitMinor: afterPlacementWrite((args: MutationAdmitMinorArgs, ctx) => ctx.services.placements.admit(args.input)),
    dischargeMinor: afterPlacementWrite((args: MutationDischargeMinorArgs, ctx) => ctx.services.placements.discharge(args.input)),
    cancelDischarge: afterPlacementWrite((args: MutationCancelDischargeArgs, ctx) => ctx.services.placements.cancelDischarge(args.input)),
    correctPlacement: afterPlacementWrite((args: MutationCorrectPlacementArgs, ctx) => ctx.services.corrections.correct(args.input)),
    requestPlacementCorrection: (_p, args, ctx) => ctx.services.corrections.request(args.input),
    decidePlacementCorrection: afterPlacementWrite((args: MutationDecidePlacementCorrectionArgs, ctx) => ctx.services.corrections.decide(args.input)),
    recordAbsence: (_p, args, ctx) => ctx.services.absences.record(args.input),
    endAbsence: (_p, args, ctx) => ctx.services.absences.end(args.input),
    submitEvents: afterPlacementWrite((args: MutationSubmitEventsArgs, ctx) => ctx.services.events.submit(args.events)),
    recordActivity: (_p, args, ctx) => ctx.services.activities.record(args.input),
    recordCareObservation: (_p, args, ctx) => ctx.services.careObservations.record(args.input),
    requestPlacement: (_p, args, ctx) => ctx.services.requests.request(args.input),
    withdrawPlacementRequest: (_p, args, ctx) => ctx.services.requests.withdraw(args.input),
    declinePlacementRequest: (_p, args, ctx) => ctx.services.requests.decline(args.input),
    markNotificationsRead: (_p, args, ctx) => ctx.services.notifications.markRead(args.ids),
    refreshQualityFlags: (_p, args, ctx) =>
      ctx.services.quality.refreshFor(args.minorIds, args.structureCodes),
    ...reportResolvers.Mutation,
  },
  PlacementRequest: {
    __resolveReference: (ref, ctx) => ctx.loaders.requestById.load(ref.id),
    minor: (r) => ({ __typename: 'Minor', id: r.minorId }),
    structure: (r) => ({ __typename: 'Structure', code: r.structureCode }),
    placement: (r, _a, ctx) => (r.placementId ? ctx.loaders.placementById.load(r.placementId) : null),
  },
  Notification: {
    minor: (n) => ({ __typename: 'Minor', id: n.minorId }),
    placement: (n, _a, ctx) => (n.placementId ? ctx.loaders.placementById.load(n.placementId) : null),
    request: (n, _a, ctx) => (n.requestId ? ctx.loaders.requestById.load(n.requestId) : null),
  },
  NotificationConnection: {
    unreadCount: (c) => c.unreadCount(),
  },
  Placement: {
    __resolveReference: (ref, ctx) => ctx.loaders.placementById.load(ref.id),
    minor: (p) => ({ __typename: 'Minor', id: p.minorId }),
    minorPseudonym: (p, _a, ctx) => ctx.services.placements.pseudonymOf(p),
    structure: (p) => ({ __typename: 'Structure', code: p.structureCode }),
    absences: (p, _a, ctx) => ctx.loaders.absencesByPlacementId.load(p.id),
    activities: (p, _a, ctx) => ctx.loaders.activitiesByPlacementId.load(p.id),
    careObservations: (p, _a, ctx) => ctx.loaders.careObservationsByPlacementId.load(p.id),
    qualityFlags: (p, _a, ctx) => ctx.services.quality.flagsOf(p),
    corrections: (p, _a, ctx) => ctx.services.corrections.ofPlacement(p.id),
  },
  PlacementCorrection: {
    __resolveReference: (ref, ctx) => ctx.services.corrections.byId(ref.id),
    placement: (c, _a, ctx) => ctx.loaders.placementById.load(c.placementId),
    minor: (c) => ({ __typename: 'Minor', id: c.minorId }),
    structure: (c) => ({ __typename: 'Structure', code: c.structureCode }),
  },
  Minor: {
    __resolveReference: (ref) => ({ id: ref.id }),
    placements: (m, _a, ctx) => ctx.loaders.placementsByMinorId.load(m.id),
    viewerHosts: (m, _a, ctx) => ctx.loaders.viewerHosts.load(m.id.toLowerCase()),
    placementRequests: (m, _a, ctx) => ctx.loaders.requestsByMinor.load(m.id),
  },
  ProsecutorList: {
    structure: (l) => ({ __typename: 'Structure', code: l.structureCode }),
  },
  CareObservation: {
    // The placement row of the observation: the one the caller may see (visibility), else null, and with it no anchor.
    placement: (o, _a, ctx) => ctx.loaders.placementById.load(o.placementId),
    minor: (o) => ({ __typename: 'Minor', id: o.minorId }),
    structure: (o) => ({ __typename: 'Structure', code: o.structureCode }),
  },
  ProsecutorListRow: {
    minor: (r) => ({ __typename: 'Minor', id: r.placement.minorId }),
  },
  PlacementQualityIssue: {
    structure: (l) => ({ __typename: 'Structure', code: l.structureCode }),
    minor: (l) => ({ __typename: 'Minor', id: l.minorId }),
  },
  Structure: {
    // The representation may carry capacity and emergencyCapacity (@requires of freePlaces).
    __resolveReference: (ref) => ({ ...ref }),
    placements: (s, args, ctx) => ctx.loaders.placementsByStructureCode.load({ code: s.code, activeOn: args.activeOn ?? null }),
    occupancy: (s, args, ctx) => ctx.services.placements.occupancy(s.code, args.on),
    freePlaces: async (s, args, ctx) => {
      // The gateway sends capacity and emergencyCapacity with the representation (@requires).
      if (s.capacity === undefined || s.emergencyCapacity === undefined) return null;
      const hosted = await ctx.services.placements.occupancy(s.code, args.on);
      return hosted === null ? null : Math.max(0, s.capacity + s.emergencyCapacity - hosted);
    },
    placementRequests: (s, args, ctx) =>
      ctx.loaders.requestsByStructure.load({ code: s.code, status: args.status ?? null }),
  },
};
