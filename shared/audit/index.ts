/**
 * The public surface of shared/audit: what the gateway, the subgraphs and infra import
 * (through `@shared/audit`); anything not listed is internal to the folder
 * (docs/architecture.md "Code boundaries and lint").
 */
export { touchMinor, WRITE_TRAIL_EXTENSION } from './writeTrail';
export type { WriteRecordJson } from './writeTrail';
