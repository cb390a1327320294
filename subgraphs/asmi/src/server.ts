import path from 'node:path';
import type { Logger } from 'pino';
import type { HubConfig } from '@shared/config';
import type { ModuleHandle } from '@shared/graphql';
import { startModule, type ModuleDefinition, type ModuleOptions } from '@shared/graphql';
import { createContextFactory, type AsmiContext } from './context';
import { asmiEntities } from './entities';
import { asmiResolvers } from './resolvers';
import { createServices } from './services';
import { createUpstream } from './services/upstream';
import { createNatsPublisher } from './services/natsPublisher';
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
  wire: ({ dataSource, clock, config, serviceClient, logger, onStop }) => {
    const upstream = createUpstream({ asso: serviceClient('asso'), sinba: serviceClient('sinba') });
    const publisher = config.notify.natsUrl
      ? createNatsPublisher({ url: config.notify.natsUrl, subjectPrefix: config.notify.natsSubjectPrefix, stream: config.notify.natsStream })
      : null;
    const services = createServices({ dataSource, clock, upstream, pseudonymKey: config.pseudonymKey, notify: { intervalMs: config.notify.intervalMs, publisher, logger } });
    // The outbox dispatcher (docs/architecture.md "Notifications"): runs while the module runs.
    const dispatcher = services.notifications.start();
    onStop(() => dispatcher.stop());
    return withReporting(createContextFactory({ dataSource, services, clock, upstream }), createReporting({ dataSource, minCellSize: config.minCellSize, upstream }));
  },
};

export type AsmiOptions = ModuleOptions;

export function startAsmi(config: HubConfig, logger: Logger, options: AsmiOptions = {}): Promise<ModuleHandle> {
  return startModule(asmiModule, config, logger, options);
}
