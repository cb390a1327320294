import type { Logger } from 'pino';
import type { HubConfig } from '@shared/config';
import type { ModuleHandle } from '@shared/graphql';
import type { Clock } from '@shared/time';
import { startSinba } from '../subgraphs/sinba/src/server';
import { startAsso } from '../subgraphs/asso/src/server';
import { startAsmi } from '../subgraphs/asmi/src/server';
import { startGateway, type GatewayHandle } from '../gateway/server';

export interface HubHandle {
  readonly gateway: GatewayHandle;
  readonly modules: { readonly sinba: ModuleHandle; readonly asso: ModuleHandle; readonly asmi: ModuleHandle };
  stop(): Promise<void>;
}

/**
 * Start the three subgraphs and the gateway in this process (development,
 * tests). In production each runs as its own process (see README "Deploy").
 * The database must already be migrated.
 */
export async function startAll(config: HubConfig, logger: Logger, options: { clock?: Clock } = {}): Promise<HubHandle> {
  const started: { stop(): Promise<void> }[] = [];
  try {
    const asso = await startAsso(config, logger.child({ service: 'asso' }), { clock: options.clock });
    started.push(asso);
    const sinba = await startSinba(config, logger.child({ service: 'sinba' }), { clock: options.clock });
    started.push(sinba);
    const asmi = await startAsmi(config, logger.child({ service: 'asmi' }), { clock: options.clock });
    started.push(asmi);
    const gateway = await startGateway(config, logger.child({ service: 'gateway' }), { clock: options.clock });
    started.push(gateway);
    return {
      gateway,
      modules: { sinba, asso, asmi },
      stop: async () => {
        for (const s of [...started].reverse()) await s.stop().catch(() => undefined);
      },
    };
  } catch (err) {
    for (const s of [...started].reverse()) await s.stop().catch(() => undefined);
    throw err;
  }
}
