import type { SinbaContext } from '../context';
import type { MinorEntity } from '../entities/Minor';
import type { CompleteBirthInput, MinorMatch, RegisterMinorInput, RegisterUnbornInput } from '../services/minorService';

/** Minor: the row comes from SINBA; CASE and HEALTH lists come through the request's loaders. */
export const minorResolvers = {
  Query: {
    minor: (_p: unknown, args: { id: string }, ctx: SinbaContext) => ctx.services.minors.byId(ctx.principal, ctx.loaders, args.id),
    minors: (_p: unknown, args: { first?: number | null; after?: string | null }, ctx: SinbaContext) =>
      ctx.services.minors.list(ctx.principal, args.first, args.after),
    caseHeldMinors: (_p: unknown, args: { minorIds: string[]; serviceId: string; on: string }, ctx: SinbaContext) =>
      ctx.services.minors.heldMinors(ctx.principal, args.minorIds, args.serviceId, args.on),
    minorByFiscalCode: (_p: unknown, args: { fiscalCode: string }, ctx: SinbaContext) =>
      ctx.services.minors.byFiscalCode(ctx.principal, ctx.loaders, args.fiscalCode),
  },
  Mutation: {
    registerMinor: (_p: unknown, args: { input: RegisterMinorInput }, ctx: SinbaContext) => ctx.services.minors.register(ctx.principal, args.input),
    registerUnborn: (_p: unknown, args: { input: RegisterUnbornInput }, ctx: SinbaContext) => ctx.services.minors.registerUnborn(ctx.principal, args.input),
    completeBirth: (_p: unknown, args: { input: CompleteBirthInput }, ctx: SinbaContext) => ctx.services.minors.completeBirth(ctx.principal, args.input),
  },
  MinorMatch: {
    minor: (m: MinorMatch, _a: unknown, ctx: SinbaContext) => ctx.loaders.minorById.load(m.minorId),
  },
  Minor: {
    __resolveReference: (ref: { id: string }, ctx: SinbaContext) => ctx.services.minors.byId(ctx.principal, ctx.loaders, ref.id),
    pseudonym: (m: MinorEntity, _a: unknown, ctx: SinbaContext) => ctx.services.minors.pseudonymOf(m.id),
    otherIdentifier: (m: MinorEntity) => (m.otherIdentifierKind ? { kind: m.otherIdentifierKind, value: m.otherIdentifier, issuingCountry: m.otherIdentifierCountry } : null),
    cases: (m: MinorEntity, _a: unknown, ctx: SinbaContext) => ctx.loaders.casesByMinorId.load(m.id),
    interventions: (m: MinorEntity, _a: unknown, ctx: SinbaContext) => ctx.loaders.interventionsByMinorId.load(m.id),
    referrals: (m: MinorEntity, _a: unknown, ctx: SinbaContext) => ctx.loaders.referralsByMinorId.load(m.id),
    healthData: (m: MinorEntity, _a: unknown, ctx: SinbaContext) => ctx.loaders.healthDataByMinorId.load(m.id),
    unborn: (m: MinorEntity) => m.unborn ?? false,
    viewerIsCaseHolder: (m: MinorEntity, _a: unknown, ctx: SinbaContext) => ctx.loaders.viewerHoldsCase.load(m.id),
  },
};
