/**
 * The public surface of shared/reporting: what the gateway, the subgraphs and infra import
 * (through `@shared/reporting`); anything not listed is internal to the folder
 * (docs/architecture.md "Code boundaries and lint").
 */
export { AGE_BANDS, ageBandSql, checkFilter, checkGroupBy, CITIZENSHIP_GROUPS, citizenshipGroupSql, durationBandSql, REPORT_DIMENSIONS, sexSql, unaccompaniedSql, UNKNOWN } from './dimensions';
export type { Report, ReportDimension, ReportFilter } from './dimensions';
export { runAggregate, toReport } from './report';
export { suppress } from './suppression';
export type { PublishedRow } from './suppression';
export { flowReport, sqlParams, stockReport } from './report';
export type { FlowArgs, ReportDeps, ReportScope, SqlParam, StockArgs } from './report';
