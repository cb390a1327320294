import type { Resolvers } from '../generated/graphql';
import { minorOf } from './recordMinor';

/** Minor: the row comes from SINBA; CASE and HEALTH lists come through the request's loaders. */
export const minorResolvers = {
  Query: {
    minor: (_p, args, ctx) => ctx.services.minors.byId(args.id),
    minors: (_p, args, ctx) => ctx.services.minors.list(args.first, args.after),
    caseHeldMinors: (_p, args, ctx) => ctx.services.minors.heldMinors(args.minorIds, args.serviceId, args.on),
    minorByFiscalCode: (_p, args, ctx) => ctx.services.minors.byFiscalCode(args.fiscalCode),
  },
  Mutation: {
    registerMinor: (_p, args, ctx) => ctx.services.minors.register(args.input),
    registerUnborn: (_p, args, ctx) => ctx.services.minors.registerUnborn(args.input),
    completeBirth: (_p, args, ctx) => ctx.services.minors.completeBirth(args.input),
  },
  MinorMatch: {
    minor: minorOf,
  },
  Minor: {
    __resolveReference: (ref, ctx) => ctx.services.minors.byId(ref.id),
    pseudonym: (m, _a, ctx) => ctx.services.minors.pseudonymOf(m.id),
    otherIdentifier: (m) => (m.otherIdentifierKind ? { kind: m.otherIdentifierKind, value: m.otherIdentifier, issuingCountry: m.otherIdentifierCountry } : null),
    cases: (m, _a, ctx) => ctx.loaders.casesByMinorId.load(m.id),
    interventions: (m, _a, ctx) => ctx.loaders.interventionsByMinorId.load(m.id),
    referrals: (m, _a, ctx) => ctx.loaders.referralsByMinorId.load(m.id),
    healthData: (m, _a, ctx) => ctx.loaders.healthDataByMinorId.load(m.id),
    unborn: (m) => m.unborn ?? false,
    viewerIsCaseHolder: (m, _a, ctx) => ctx.loaders.viewerHoldsCase.load(m.id),
  },
} satisfies Resolvers;
