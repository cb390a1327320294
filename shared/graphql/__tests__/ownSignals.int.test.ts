import { startModule } from '@shared/graphql';
import { createLogger } from '@shared/logging';
import { createTestDatabase, type TestDatabase } from '../../../test/support/testDatabase';
import { assoModule } from '../../../subgraphs/asso/src/server';

/**
 * A module process owns its termination signals (runModuleProcess): Apollo
 * Server must not add its own SIGTERM/SIGINT handlers, which it does by
 * default outside NODE_ENV=test. Racing the process's handler, Apollo's left
 * the server's stop unsettled, and every module outlived its stop signal
 * until the 15-second ceiling or the supervisor's SIGKILL.
 */
describe('a module process owns its termination signals', () => {
  let db: TestDatabase;
  const nodeEnv = process.env.NODE_ENV;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    process.env.NODE_ENV = nodeEnv;
    await db?.drop();
  });

  it('starting a subgraph outside NODE_ENV=test adds no SIGTERM or SIGINT handler', async () => {
    const before = { term: process.listenerCount('SIGTERM'), int: process.listenerCount('SIGINT') };
    process.env.NODE_ENV = 'development';
    const handle = await startModule(assoModule, { ...db.config, ports: { ...db.config.ports, asso: 0 } }, createLogger('asso', 'silent'));
    try {
      expect({ term: process.listenerCount('SIGTERM'), int: process.listenerCount('SIGINT') }).toEqual(before);
    } finally {
      process.env.NODE_ENV = nodeEnv;
      await handle.stop();
    }
  });
});
