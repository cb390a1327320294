import path from 'node:path';
import type { Logger } from 'pino';
import type { HubConfig } from '@shared/config';
import type { ModuleHandle } from '@shared/graphql';
import { createLogger } from '@shared/logging';
import { startModule, type ModuleDefinition, type ModuleOptions } from '@shared/graphql';
import { createContextFactory, type AssoContext } from './context';
import { assoEntities } from './entities';
import { assoResolvers } from './resolvers';
import { createServices } from './services';

export const ASSO_SCHEMA_DIR = path.join(__dirname, '..', 'schema');

/** ASSO, the regional registry of structures: the sirmi_asso role, schema asso. */
export const assoModule: ModuleDefinition<AssoContext> = {
  name: 'asso',
  schemaDir: ASSO_SCHEMA_DIR,
  entities: assoEntities,
  resolvers: assoResolvers,
  // act documents: up to 10 MiB of PDF, base64-encoded (4/3) inside the JSON body
  bodyLimit: '16mb',
  wire: ({ dataSource, clock, config, serviceClient }) =>
    createContextFactory({ dataSource, services: createServices({ dataSource, clock, asmi: serviceClient('asmi'), logger: createLogger('asso-quality', config.logLevel) }) }),
};

export type AssoOptions = ModuleOptions;

export function startAsso(config: HubConfig, logger: Logger, options: AssoOptions = {}): Promise<ModuleHandle> {
  return startModule(assoModule, config, logger, options);
}
