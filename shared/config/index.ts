/**
 * The public surface of shared/config: what the gateway, the subgraphs and infra import
 * (through `@shared/config`); anything not listed is internal to the folder
 * (docs/architecture.md "Code boundaries and lint").
 */
export { ConfigError, DEV_DEFAULTS, loadConfig, moduleRole, MODULES, withDatabase } from './config';
export type { HubConfig, ModuleName, PrivacyMode } from './config';
