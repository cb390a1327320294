import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Principal } from '../../../../shared/auth/principal';
import type { ServiceClient } from '../../../../shared/graphql/serviceClient';
import type { ReportDimension, ReportFilter } from '../../../../shared/reporting/dimensions';
import { createAsmiSync, withAsmiSync, type AsmiSync } from './asmiSync';
import { createCaseReports, type CaseReports } from './caseReports';

/** SINBA's reporting (issue 8): caseStock, and the push of corrected quasi-identifiers to ASMI. */
export function createReporting(deps: { dataSource: DataSource; minCellSize: number; asmi?: ServiceClient; logger: Logger }): SinbaReporting {
  return { ...createCaseReports(deps), asmiSync: createAsmiSync({ asmi: deps.asmi, logger: deps.logger }) };
}
export type SinbaReporting = CaseReports & { readonly asmiSync: AsmiSync };

interface Ctx {
  readonly principal: Principal;
  readonly reporting: SinbaReporting;
}

/** The module's context plus the reporting service. */
export function withReporting<I, C extends object>(createContext: (info: I) => C, reporting: SinbaReporting): (info: I) => C & { reporting: SinbaReporting } {
  return (info) => ({ ...createContext(info), reporting });
}

/** The module's resolvers with caseStock added to Query and the quasi-identifier mutations pushing to ASMI. */
export function withReportResolvers<C>(resolvers: GraphQLResolverMap<C>): GraphQLResolverMap<C> {
  const r = resolvers as Record<string, Record<string, unknown>>;
  return {
    ...r,
    Query: {
      ...r.Query,
      caseStock: (_p: unknown, args: { on: string; groupBy: ReportDimension[]; filter?: ReportFilter | null }, ctx: Ctx) => ctx.reporting.caseStock(ctx.principal, args),
    },
    Mutation: withAsmiSync(r.Mutation ?? {}, (ctx) => (ctx as Partial<Ctx>).reporting?.asmiSync),
  } as unknown as GraphQLResolverMap<C>;
}
