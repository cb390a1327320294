import path from 'node:path';
import type { Logger } from 'pino';
import type { HubConfig } from '@shared/config';
import type { ModuleHandle } from '@shared/graphql';
import { asResolverMap } from '@shared/graphql';
import { startModule, type ModuleDefinition, type ModuleOptions } from '@shared/graphql';
import { createContextFactory, type AsmiContext } from './context';
import { asmiEntities } from './entities';
import { asmiResolvers } from './resolvers';
import { createAsmiModule } from './services';
import { createUpstream } from './services/upstream';
import { createNatsPublisher } from './services/natsPublisher';
import { createQualityService } from './services/qualityService';
import { startQualitySchedule, type QualityScheduleOptions } from './reporting/qualitySchedule';
import { QUALITY_BATCH_TIMEOUT_MS } from './reporting/recomputeQualityFlags';

export const ASMI_SCHEMA_DIR = path.join(__dirname, '..', 'schema');

/** How tests drive ASMI's data-quality schedule (reporting/qualitySchedule.ts): its timers and its instant. */
export type QualityScheduleHooks = Pick<QualityScheduleOptions, 'setTimer' | 'now' | 'startDelayMs' | 'retry'>;

/**
 * ASMI, activity in structures: the sirmi_asmi role, schema asmi; asks ASSO
 * (structure status, capacity, age range) and SINBA (quasi-identifiers) at
 * admission.
 */
export const asmiModule: ModuleDefinition<AsmiContext> = defineAsmi();

function defineAsmi(scheduleHooks: QualityScheduleHooks = {}): ModuleDefinition<AsmiContext> {
  return {
    name: 'asmi',
    schemaDir: ASMI_SCHEMA_DIR,
    entities: asmiEntities,
    resolvers: asResolverMap(asmiResolvers),
    wire: ({ dataSource, clock, config, serviceClient, logger, onStop }) => {
      const upstream = createUpstream({ asso: serviceClient('asso'), sinba: serviceClient('sinba') });
      const publisher = config.notify.natsUrl
        ? createNatsPublisher({ url: config.notify.natsUrl, subjectPrefix: config.notify.natsSubjectPrefix, stream: config.notify.natsStream })
        : null;
      const asmi = createAsmiModule({ dataSource, clock, upstream, pseudonymKey: config.pseudonymKey, minCellSize: config.minCellSize, notify: { intervalMs: config.notify.intervalMs, publisher, logger } });
      // The outbox dispatcher (docs/architecture.md "Notifications"): runs while the module runs.
      const dispatcher = asmi.notifications.start();
      onStop(() => dispatcher.stop());
      // The daily rewrite of the stored data-quality flags (docs/architecture.md "Data-quality listings"), so no request pays
      // for it; its calls to SINBA and ASSO are a batch's, not a request's: QUALITY_BATCH_TIMEOUT_MS each, as `npm run quality:recompute`.
      if (config.qualitySchedule) {
        const batch = (target: 'asso' | 'sinba') => serviceClient(target, { timeoutMs: QUALITY_BATCH_TIMEOUT_MS });
        const daily = createQualityService({ dataSource, clock, upstream: createUpstream({ asso: batch('asso'), sinba: batch('sinba') }), pseudonymKey: config.pseudonymKey });
        const schedule = startQualitySchedule({ ...scheduleHooks, job: daily, logger });
        onStop(() => schedule.stop());
      }
      return createContextFactory(asmi);
    },
  };
}

export interface AsmiOptions extends ModuleOptions {
  /** Tests only: the schedule's timers and instant (it runs when `config.qualitySchedule` is on). */
  readonly qualitySchedule?: QualityScheduleHooks;
}

export function startAsmi(config: HubConfig, logger: Logger, options: AsmiOptions = {}): Promise<ModuleHandle> {
  return startModule(options.qualitySchedule ? defineAsmi(options.qualitySchedule) : asmiModule, config, logger, options);
}
