import type { Logger } from 'pino';
import type { FlowArgs, StockArgs } from '@shared/reporting';
import type { SinbaContext } from '../context';
import type { ServiceDeps } from '../services/deps';
import { createAsmiSync, type AsmiSync } from './asmiSync';
import { createCaseReports, type CaseReports } from './caseReports';
import { createInterventionReports, type InterventionReports, type InterventionSelection } from './interventionReports';
import { createCaseQuality, type CaseQuality, type CaseQualityIssueFilter, type CaseQualityIssueLine, type HostedMinorsLookup } from './caseQuality';

export { withAsmiSync } from './asmiSync';

const HOSTING_STRUCTURES = 'query SinbaQualityHosting($ids: [ID!]!, $on: Date!) { hostingStructures(minorIds: $ids, on: $on) { minorId structureCode } }';

/** What reporting needs beyond the other services' deps: the threshold of docs/privacy.md §10 and its own logger. */
export interface ReportingDeps {
  readonly minCellSize: number;
  readonly reportingLogger: Logger;
}

/**
 * SINBA's reporting service (issues 8, 15, 17), `ctx.services.reporting`: the
 * case and intervention reports, the case data-quality list, and the push of
 * corrected quasi-identifiers to ASMI.
 */
export function createReporting(deps: Pick<ServiceDeps, 'dataSource' | 'clock' | 'pseudonymKey' | 'asmi'> & ReportingDeps): SinbaReporting {
  const asmi = deps.asmi;
  // PLACEMENT_WITHOUT_ADMISSION asks ASMI (as a module) which minors a structure hosts; without ASMI the flag is not computed.
  const hostedMinors: HostedMinorsLookup | undefined = asmi
    ? async (minorIds, on) => (await asmi.query<{ hostingStructures: { minorId: string; structureCode: string }[] }>(HOSTING_STRUCTURES, { ids: [...minorIds], on })).hostingStructures
    : undefined;
  return {
    ...createCaseReports(deps),
    ...createInterventionReports(deps),
    ...createCaseQuality({ ...deps, hostedMinors }),
    asmiSync: createAsmiSync({ asmi: deps.asmi, logger: deps.reportingLogger }),
  };
}
export type SinbaReporting = CaseReports & InterventionReports & CaseQuality & { readonly asmiSync: AsmiSync };

/** The reporting resolvers, spread into resolvers/index.ts: thin, each one call of `ctx.services.reporting`. */
export const reportResolvers = {
  Query: {
    caseStock: (_p: unknown, args: StockArgs, ctx: SinbaContext) => ctx.services.reporting.caseStock(ctx.principal, args),
    interventionStock: (_p: unknown, args: StockArgs & InterventionSelection, ctx: SinbaContext) => ctx.services.reporting.interventionStock(ctx.principal, args),
    interventionFlows: (_p: unknown, args: FlowArgs & InterventionSelection, ctx: SinbaContext) => ctx.services.reporting.interventionFlows(ctx.principal, args),
    caseQualityIssues: (_p: unknown, args: { filter?: CaseQualityIssueFilter | null; first?: number | null; after?: string | null }, ctx: SinbaContext) =>
      ctx.services.reporting.caseQualityIssues(ctx.principal, args),
  },
  // The relationship anchor of a line (CASE data): through the request's batching loader.
  CaseQualityIssue: { minor: (l: CaseQualityIssueLine, _a: unknown, ctx: SinbaContext) => ctx.loaders.minorById.load(l.minorId) },
};
