import path from 'node:path';
import type { Logger } from 'pino';
import type { HubConfig } from '../../../shared/config/config';
import type { ModuleHandle } from '../../../shared/graphql/subgraphServer';
import { startModule, type ModuleDefinition, type ModuleOptions } from '../../../shared/graphql/startModule';
import { createContextFactory, type AsmiContext } from './context';
import { asmiEntities } from './entities';
import { asmiResolvers } from './resolvers';
import { createServices } from './services';
import { createUpstream } from './services/upstream';
import { createReporting, withReportResolvers, withReporting } from './reporting';

export const ASMI_SCHEMA_DIR = path.join(__dirname, '..', 'schema');

/**
 * ASMI, activity in structures: the sirmi_asmi role, schema asmi; asks ASSO
 * (structure status, capacity, age range) and SINBA (quasi-identifiers) at
 * admission.
 */
export const asmiModule: ModuleDefinition<AsmiContext> = {
  name: 'asmi',
  schemaDir: ASMI_SCHEMA_DIR,
  entities: asmiEntities,
  resolvers: withReportResolvers(asmiResolvers),
  wire: ({ dataSource, clock, config, serviceClient }) => {
    const upstream = createUpstream({ asso: serviceClient('asso'), sinba: serviceClient('sinba') });
    return withReporting(createContextFactory({ dataSource, services: createServices({ dataSource, clock, upstream, pseudonymKey: config.pseudonymKey }), clock, upstream }), createReporting({ dataSource, minCellSize: config.minCellSize }));
  },
};

export type AsmiOptions = ModuleOptions;

export function startAsmi(config: HubConfig, logger: Logger, options: AsmiOptions = {}): Promise<ModuleHandle> {
  return startModule(asmiModule, config, logger, options);
}
