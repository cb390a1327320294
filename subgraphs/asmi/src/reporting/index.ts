import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DataSource } from 'typeorm';
import type { Principal } from '@shared/auth';
import type { ReportDimension, ReportFilter } from '@shared/reporting';
import { createIstatTable } from './istatTable';
import { createPlacementReports, type ReportDirection } from './placementReports';
import { createQuasiIdentifierSync, type MinorQuasiIdentifiers } from './quasiIdentifierSync';
import type { Upstream } from '../services/upstream';

/** ASMI's reporting (issue 8): the aggregate reports, the ISTAT table and the quasi-identifier sync from SINBA. */
export function createReporting(deps: { dataSource: DataSource; minCellSize: number; upstream?: Pick<Upstream, 'registeredStructures' | 'structureQuality'> }) {
  return { ...createPlacementReports(deps), ...createIstatTable(deps), quasiIdentifiers: createQuasiIdentifierSync(deps) };
}
export type AsmiReporting = ReturnType<typeof createReporting>;

interface Ctx {
  readonly principal: Principal;
  readonly reporting: AsmiReporting;
  readonly purpose?: string;
}

/** The reporting context: the module's own context plus the reporting service. */
export function withReporting<I, C extends object>(createContext: (info: I) => C, reporting: AsmiReporting): (info: I) => C & { reporting: AsmiReporting } {
  return (info) => ({ ...createContext(info), reporting });
}

const reportResolvers = {
  Query: {
    placementStock: (_p: unknown, args: { on: string; groupBy: ReportDimension[]; filter?: ReportFilter | null }, ctx: Ctx) => ctx.reporting.placementStock(ctx.principal, args),
    placementFlows: (_p: unknown, args: { from: string; to: string; direction: ReportDirection; groupBy: ReportDimension[]; filter?: ReportFilter | null }, ctx: Ctx) =>
      ctx.reporting.placementFlows(ctx.principal, args),
    istatResidentialTable: (_p: unknown, args: { year: number }, ctx: Ctx) => ctx.reporting.istatResidentialTable(ctx.principal, args.year, ctx.purpose),
  },
  Mutation: {
    syncMinorQuasiIdentifiers: (_p: unknown, args: { minors: MinorQuasiIdentifiers[] }, ctx: Ctx) => ctx.reporting.quasiIdentifiers.sync(ctx.principal, args.minors),
  },
};

/** The module's resolvers with the reporting ones added (Query and Mutation merged). */
export function withReportResolvers<C>(resolvers: GraphQLResolverMap<C>): GraphQLResolverMap<C> {
  const r = resolvers as Record<string, Record<string, unknown>>;
  return {
    ...r,
    Query: { ...r.Query, ...reportResolvers.Query },
    Mutation: { ...r.Mutation, ...reportResolvers.Mutation },
  } as unknown as GraphQLResolverMap<C>;
}
