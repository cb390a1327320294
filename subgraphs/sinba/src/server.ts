import path from 'node:path';
import type { Logger } from 'pino';
import type { HubConfig } from '@shared/config';
import type { ModuleHandle } from '@shared/graphql';
import { startModule, type ModuleDefinition, type ModuleOptions } from '@shared/graphql';
import { createContextFactory, type SinbaContext } from './context';
import { sinbaEntities } from './entities';
import { sinbaResolvers } from './resolvers';
import { createServices } from './services';
import { createReporting, withReportResolvers, withReporting } from './reporting';
import { createLogger } from '@shared/logging';
import { parse } from 'graphql';
import { readSubgraphSdl } from '@shared/graphql';
import { withMinorGuard } from './resolvers/minorGuard';

export const SINBA_SCHEMA_DIR = path.join(__dirname, '..', 'schema');

/** SINBA, the social-service record: the sirmi_sinba role, schema sinba; asks ASSO whether structure codes exist. */
export const sinbaModule: ModuleDefinition<SinbaContext> = {
  name: 'sinba',
  schemaDir: SINBA_SCHEMA_DIR,
  entities: sinbaEntities,
  // docs/privacy.md §9: SINBA decides CASE_HOLDER (and asks ASMI for HOSTING) on every Minor it returns.
  resolvers: withMinorGuard(withReportResolvers(sinbaResolvers), parse(readSubgraphSdl(SINBA_SCHEMA_DIR))),
  wire: ({ dataSource, clock, config, serviceClient }) =>
    withReporting(createContextFactory({ dataSource, clock, services: createServices({ dataSource, clock, pseudonymKey: config.pseudonymKey, asso: serviceClient('asso'), asmi: serviceClient('asmi') }) }), createReporting({ dataSource, minCellSize: config.minCellSize, clock, pseudonymKey: config.pseudonymKey, asmi: serviceClient('asmi'), logger: createLogger('sinba-reporting', config.logLevel) })),
};

export type SinbaOptions = ModuleOptions;

export function startSinba(config: HubConfig, logger: Logger, options: SinbaOptions = {}): Promise<ModuleHandle> {
  return startModule(sinbaModule, config, logger, options);
}
