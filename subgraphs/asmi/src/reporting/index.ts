import type { FlowArgs, ReportDeps, StockArgs } from '@shared/reporting';
import type { AsmiContext } from '../context';
import { createIstatTable } from './istatTable';
import { createPlacementReports } from './placementReports';
import { createQuasiIdentifierSync, type MinorQuasiIdentifiers } from './quasiIdentifierSync';
import type { Upstream } from '../services/upstream';

/**
 * ASMI's reporting service (issue 8), `ctx.services.reporting`: the aggregate
 * reports, the ISTAT table and the quasi-identifier sync from SINBA.
 */
export function createReporting(deps: ReportDeps & { upstream?: Pick<Upstream, 'registeredStructures' | 'structureQuality'> }) {
  return { ...createPlacementReports(deps), ...createIstatTable(deps), quasiIdentifiers: createQuasiIdentifierSync(deps) };
}
export type AsmiReporting = ReturnType<typeof createReporting>;

/** The reporting resolvers, spread into resolvers/index.ts: thin, each one call of `ctx.services.reporting`. */
export const reportResolvers = {
  Query: {
    placementStock: (_p: unknown, args: StockArgs, ctx: AsmiContext) => ctx.services.reporting.placementStock(ctx.principal, args),
    placementFlows: (_p: unknown, args: FlowArgs, ctx: AsmiContext) => ctx.services.reporting.placementFlows(ctx.principal, args),
    istatResidentialTable: (_p: unknown, args: { year: number }, ctx: AsmiContext) => ctx.services.reporting.istatResidentialTable(ctx.principal, args.year, ctx.purpose),
  },
  Mutation: {
    syncMinorQuasiIdentifiers: (_p: unknown, args: { minors: MinorQuasiIdentifiers[] }, ctx: AsmiContext) => ctx.services.reporting.quasiIdentifiers.sync(ctx.principal, args.minors),
  },
};
