/**
 * The public surface of shared/logging: what the gateway, the subgraphs and infra import
 * (through `@shared/logging`); anything not listed is internal to the folder
 * (docs/architecture.md "Code boundaries and lint").
 */
export { createLogger } from './logger';
