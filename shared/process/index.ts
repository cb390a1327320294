/**
 * The public surface of shared/process: what the gateway, the subgraphs and infra import
 * (through `@shared/process`); anything not listed is internal to the folder
 * (docs/architecture.md "Code boundaries and lint").
 */
export { stopWithParent } from './stopWithParent';
