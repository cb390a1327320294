import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Principal } from '@shared/auth';
import type { ServiceClient } from '@shared/graphql';
import type { ReportDimension, ReportFilter } from '@shared/reporting';
import { createAsmiSync, withAsmiSync, type AsmiSync } from './asmiSync';
import { createCaseReports, type CaseReports } from './caseReports';
import { createInterventionReports, type InterventionReports, type InterventionSelection } from './interventionReports';
import { createCaseQuality, type CaseQuality, type CaseQualityIssueFilter, type CaseQualityIssueLine, type HostedMinorsLookup } from './caseQuality';

const HOSTING_STRUCTURES = 'query SinbaQualityHosting($ids: [ID!]!, $on: Date!) { hostingStructures(minorIds: $ids, on: $on) { minorId structureCode } }';
import type { Clock } from '@shared/time';

/** SINBA's reporting (issue 8): caseStock, the case data-quality list, and the push of corrected quasi-identifiers to ASMI. */
export function createReporting(deps: { dataSource: DataSource; minCellSize: number; clock: Clock; pseudonymKey: string; asmi?: ServiceClient; logger: Logger }): SinbaReporting {
  const asmi = deps.asmi;
  // PLACEMENT_WITHOUT_ADMISSION asks ASMI (as a module) which minors a structure hosts; without ASMI the flag is not computed.
  const hostedMinors: HostedMinorsLookup | undefined = asmi
    ? async (minorIds, on) => (await asmi.query<{ hostingStructures: { minorId: string; structureCode: string }[] }>(HOSTING_STRUCTURES, { ids: [...minorIds], on })).hostingStructures
    : undefined;
  return {
    ...createCaseReports(deps),
    ...createInterventionReports(deps),
    ...createCaseQuality({ ...deps, hostedMinors }),
    asmiSync: createAsmiSync({ asmi: deps.asmi, logger: deps.logger }),
  };
}
export type SinbaReporting = CaseReports & InterventionReports & CaseQuality & { readonly asmiSync: AsmiSync };

interface Ctx {
  readonly principal: Principal;
  readonly reporting: SinbaReporting;
  readonly loaders: { readonly minorById: { load(id: string): Promise<unknown> } };
}

/** The module's context plus the reporting service. */
export function withReporting<I, C extends object>(createContext: (info: I) => C, reporting: SinbaReporting): (info: I) => C & { reporting: SinbaReporting } {
  return (info) => ({ ...createContext(info), reporting });
}

/** The module's resolvers with caseStock and caseQualityIssues added to Query and the quasi-identifier mutations pushing to ASMI. */
export function withReportResolvers<C>(resolvers: GraphQLResolverMap<C>): GraphQLResolverMap<C> {
  const r = resolvers as Record<string, Record<string, unknown>>;
  return {
    ...r,
    Query: {
      ...r.Query,
      caseStock: (_p: unknown, args: { on: string; groupBy: ReportDimension[]; filter?: ReportFilter | null }, ctx: Ctx) => ctx.reporting.caseStock(ctx.principal, args),
      interventionStock: (_p: unknown, args: { on: string; groupBy: ReportDimension[]; filter?: ReportFilter | null } & InterventionSelection, ctx: Ctx) =>
        ctx.reporting.interventionStock(ctx.principal, args),
      interventionFlows: (
        _p: unknown,
        args: { from: string; to: string; direction: 'ENTRIES' | 'EXITS'; groupBy: ReportDimension[]; filter?: ReportFilter | null } & InterventionSelection,
        ctx: Ctx,
      ) => ctx.reporting.interventionFlows(ctx.principal, args),
      caseQualityIssues: (_p: unknown, args: { filter?: CaseQualityIssueFilter | null; first?: number | null; after?: string | null }, ctx: Ctx) =>
        ctx.reporting.caseQualityIssues(ctx.principal, args),
    },
    // The relationship anchor of a line (CASE data): through the request's batching loader.
    CaseQualityIssue: { minor: (l: CaseQualityIssueLine, _a: unknown, ctx: Ctx) => ctx.loaders.minorById.load(l.minorId) },
    Mutation: withAsmiSync(r.Mutation ?? {}, (ctx) => (ctx as Partial<Ctx>).reporting?.asmiSync),
  } as unknown as GraphQLResolverMap<C>;
}
